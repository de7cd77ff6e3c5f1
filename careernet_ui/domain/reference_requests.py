"""A reference request: asking someone to be a reference for one application, and its steps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from . import validation as v
from .applications import _set
from .records import Record


class RequestStatus(StrEnum):
    """The steps of a reference request, in order."""

    ASKED = 'asked'
    AGREED = 'agreed'
    DECLINED = 'declined'
    BRIEFED = 'briefed'
    EMPLOYER_CONTACTED = 'employer_contacted'
    THANKED = 'thanked'
    OUTCOME_SHARED = 'outcome_shared'

    @property
    def label(self) -> str:
        """The status as shown to a person."""
        return self.value.replace('_', ' ').capitalize()



@dataclass(frozen=True, kw_only=True, slots=True)
class RequestStep:
    """One dated step of a reference request."""

    on: date
    status: RequestStatus
    note: str = ''

    def __post_init__(self) -> None:
        v.sane_date(self.on, 'on', 'Step date')
        _set(self, 'status', v.member(self.status, RequestStatus, 'status', 'request status'))
        _set(self, 'note', v.optional_text(self.note, 'note', 'Note'))



@dataclass(frozen=True, kw_only=True, slots=True)
class ReferenceRequest(Record):
    """The user asked ``contact_id`` to be a reference for ``application_id``."""

    application_id: str
    contact_id: str
    status: RequestStatus = RequestStatus.ASKED
    history: tuple[RequestStep, ...] = ()
    talking_points: str = ''

    def __post_init__(self) -> None:
        v.stamps(self)
        _set(self, 'application_id', v.record_id(self.application_id, 'application_id', 'Application'))
        _set(self, 'contact_id', v.record_id(self.contact_id, 'contact_id', 'Reference'))
        _set(self, 'status', v.member(self.status, RequestStatus, 'status', 'request status'))
        _set(self, 'history', tuple(self.history))
        _set(self, 'talking_points',
             v.optional_text(self.talking_points, 'talking_points', 'Talking points', limit=v.MAX_TEXT))

    def reached_on(self, status: RequestStatus) -> date | None:
        """The date this request last reached ``status``, if it did."""
        days = [step.on for step in self.history if step.status is status]
        return max(days) if days else None
