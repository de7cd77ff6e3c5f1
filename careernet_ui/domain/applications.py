"""Job applications and the stages they go through (reference requests and introductions have their own modules)."""

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
