"""What happened between the user and a contact: the relationship's log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from . import validation as v
from .records import Record

_set = object.__setattr__  # how a frozen record normalises its fields in __post_init__


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


ENDORSEMENT_SOURCE = 'linkedin-endorsements'
"""The ``source`` of an imported LinkedIn endorsement (received: direction ``received``)."""


class Direction(StrEnum):
    """Who wrote: the user, the other person, or both on that day. Empty when not known."""

    UNKNOWN = ''
    SENT = 'sent'
    RECEIVED = 'received'
    BOTH = 'both'


@dataclass(frozen=True, kw_only=True, slots=True)
class Interaction(Record):
    """One dated contact with a person.

    An interaction read from the user's own archives says where it came from (``source``, e.g.
    ``linkedin-messages``) and which import brought it (``import_id``), so that import can be
    undone as a whole; one logged by hand leaves both empty.
    """

    contact_id: str
    kind: InteractionKind
    on: date
    note: str = ''
    direction: Direction = Direction.UNKNOWN
    source: str = ''
    import_id: str = ''

    def __post_init__(self) -> None:
        if not self._is_normal():  # as stored, nearly always: then nothing to check field by field
            self._normalise()

    def _is_normal(self) -> bool:
        """Whether the record is valid and in normal form: ``_normalise`` would keep it as it is."""
        return (v.is_stamped(self) and v.is_record_id(self.contact_id) and self.kind.__class__ is InteractionKind
                and v.is_sane_date(self.on) and self.direction.__class__ is Direction
                and v.is_plain(self.note, v.MAX_TEXT) and v.is_plain(self.source, 60)
                and v.is_plain(self.import_id, 60))

    def _normalise(self) -> None:
        v.stamps(self)
        _set(self, 'contact_id', v.record_id(self.contact_id, 'contact_id', 'Contact'))
        _set(self, 'kind', v.member(self.kind, InteractionKind, 'kind', 'interaction kind'))
        v.sane_date(self.on, 'on', 'Date')
        _set(self, 'note', v.optional_text(self.note, 'note', 'Note', limit=v.MAX_TEXT))
        _set(self, 'direction', v.member(self.direction, Direction, 'direction', 'direction'))
        _set(self, 'source', v.optional_text(self.source, 'source', 'Source', limit=60))
        _set(self, 'import_id', v.optional_text(self.import_id, 'import_id', 'Import', limit=60))
