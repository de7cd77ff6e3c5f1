"""What happened between the user and a contact: the relationship's log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from . import validation as v
from .records import Record


class InteractionKind(StrEnum):
    """The kinds of contact the seed's advice asks for."""

    CALL = 'call'
    COFFEE = 'coffee'
    MEETING = 'meeting'
    EMAIL = 'email'
    MESSAGE = 'message'
    ADVICE_ASKED = 'advice_asked'
    FEEDBACK_ASKED = 'feedback_asked'
    UPDATE_SENT = 'update_sent'
    THANK_YOU = 'thank_you'
    REFERENCE_GIVEN = 'reference_given'
    INTRODUCTION_MADE = 'introduction_made'
    OTHER = 'other'

    @property
    def label(self) -> str:
        """The kind as shown to a person."""
        return self.value.replace('_', ' ').capitalize()


@dataclass(kw_only=True, slots=True)
class Interaction(Record):
    """One dated contact with a person."""

    contact_id: str
    kind: InteractionKind
    on: date
    note: str = ''

    def __post_init__(self) -> None:
        v.stamps(self)
        self.contact_id = v.record_id(self.contact_id, 'contact_id', 'Contact')
        self.kind = v.member(self.kind, InteractionKind, 'kind', 'interaction kind')
        v.sane_date(self.on, 'on', 'Date')
        self.note = v.optional_text(self.note, 'note', 'Note', limit=v.MAX_TEXT)
