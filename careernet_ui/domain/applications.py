"""Job applications, the references asked for each, and introductions advocates made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from . import validation as v
from .records import Record

_set = object.__setattr__  # how a frozen record normalises its fields in __post_init__


class ApplicationStage(StrEnum):
    """Where an application stands; the last four close it."""

    INTERESTED = 'interested'
    APPLIED = 'applied'
    INTERVIEWING = 'interviewing'
    OFFER = 'offer'
    ACCEPTED = 'accepted'
    REJECTED = 'rejected'
    WITHDRAWN = 'withdrawn'

    @property
    def label(self) -> str:
        """The stage as shown to a person."""
        return self.value.capitalize()


CLOSED_STAGES = frozenset({ApplicationStage.ACCEPTED, ApplicationStage.REJECTED, ApplicationStage.WITHDRAWN})


@dataclass(frozen=True, kw_only=True, slots=True)
class ApplicationStageChange:
    """One dated move of an application."""

    on: date
    stage: ApplicationStage

    def __post_init__(self) -> None:
        v.sane_date(self.on, 'on', 'Stage date')
        _set(self, 'stage', v.member(self.stage, ApplicationStage, 'stage', 'application stage'))


@dataclass(frozen=True, kw_only=True, slots=True)
class Application(Record):
    """A position the user is pursuing."""

    company: str
    position: str
    job_url: str = ''
    source: str = ''
    introduced_by: str | None = None
    stage: ApplicationStage = ApplicationStage.INTERESTED
    stage_history: tuple[ApplicationStageChange, ...] = ()
    interview_dates: tuple[date, ...] = ()
    notes: str = ''

    def __post_init__(self) -> None:
        v.stamps(self)
        _set(self, 'company', v.required_text(self.company, 'company', 'Company'))
        _set(self, 'position', v.required_text(self.position, 'position', 'Position'))
        _set(self, 'job_url', v.optional_text(self.job_url, 'job_url', 'Job link', limit=2000))
        _set(self, 'source', v.optional_text(self.source, 'source', 'Source', limit=v.MAX_NAME))
        _set(self, 'introduced_by', v.optional_id(self.introduced_by, 'introduced_by', 'Introduced by'))
        _set(self, 'stage', v.member(self.stage, ApplicationStage, 'stage', 'application stage'))
        for day in self.interview_dates:
            v.sane_date(day, 'interview_dates', 'Interview date')
        _set(self, 'stage_history', tuple(self.stage_history))
        _set(self, 'interview_dates', tuple(sorted(set(self.interview_dates))))
        _set(self, 'notes', v.optional_text(self.notes, 'notes', 'Notes', limit=v.MAX_TEXT))

    @property
    def is_closed(self) -> bool:
        """Accepted, rejected or withdrawn."""
        return self.stage in CLOSED_STAGES


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


@dataclass(frozen=True, kw_only=True, slots=True)
class Introduction(Record):
    """An advocate introduced the user to a person or an opportunity."""

    advocate_id: str
    on: date
    to_whom: str
    to_contact_id: str | None = None
    application_id: str | None = None
    outcome: str = ''
    thanked_on: date | None = None

    def __post_init__(self) -> None:
        v.stamps(self)
        _set(self, 'advocate_id', v.record_id(self.advocate_id, 'advocate_id', 'Introduced by'))
        _set(self, 'to_contact_id', v.optional_id(self.to_contact_id, 'to_contact_id', 'Introduced to'))
        _set(self, 'application_id', v.optional_id(self.application_id, 'application_id', 'Application'))
        v.sane_date(self.on, 'on', 'Date')
        _set(self, 'to_whom', v.required_text(self.to_whom, 'to_whom', 'Introduced to'))
        _set(self, 'outcome', v.optional_text(self.outcome, 'outcome', 'Outcome', limit=v.MAX_TEXT))
        v.sane_date(self.thanked_on, 'thanked_on', 'Thanked on')
