"""Follow-ups: what the user should do next, and what they decided about each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .. import validation as v
from ..errors import ValidationError

_set = object.__setattr__  # how a frozen record normalises its fields in __post_init__


@dataclass(kw_only=True, slots=True, frozen=True)
class FollowUp:
    """One thing to do, computed from the records; never stored itself.

    ``id`` is derived from the source record's id and the kind, so it is stable across runs
    and across edits of unrelated fields; done and snoozed states key on it.
    """

    id: str
    kind: str
    due: date
    title: str
    reason: str
    link: str
    contact_id: str | None = None
    changed_at: datetime | None = None


class FollowUpStatus(StrEnum):
    """What the user decided about a follow-up."""

    DONE = 'done'
    SNOOZED = 'snoozed'
    DISMISSED = 'dismissed'


@dataclass(frozen=True, kw_only=True, slots=True)
class FollowUpState:
    """A stored decision about the follow-up with id ``followup_id``.

    ``due`` records the due date the decision was made against: a keep-in-touch follow-up
    marked done for one due date comes back when the next one arrives.
    """

    followup_id: str
    status: FollowUpStatus
    decided_on: date
    due: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        _set(self, 'followup_id', v.record_id(self.followup_id, 'followup_id', 'Follow-up'))
        _set(self, 'status', v.member(self.status, FollowUpStatus, 'status', 'follow-up status'))
        v.sane_date(self.decided_on, 'decided_on', 'Decision date')
        v.sane_date(self.until, 'until', 'Snooze until')
        if self.status is FollowUpStatus.SNOOZED and self.until is None:
            raise ValidationError('A snooze needs a date to wake up on.', field='until')

    @property
    def id(self) -> str:
        """States are stored one per follow-up, keyed by the follow-up's id."""
        return self.followup_id
