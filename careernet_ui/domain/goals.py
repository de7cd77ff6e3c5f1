"""Goals: what the user is aiming for next, by when; what progress updates tell advocates about.

The seed asks to keep advocates informed "of your progress and goals": an advocate who knows
what you are after can point you at it. A goal is a title, an optional detail, a target date
and whether it is still open, was achieved or was dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from . import validation as v
from . import wording
from .errors import ValidationError
from .forms.fields import parse_date
from .records import new_id, utc_now


class GoalStatus(StrEnum):
    """Where a goal stands."""

    OPEN = 'open'
    ACHIEVED = 'achieved'
    DROPPED = 'dropped'

    @property
    def label(self) -> str:
        """The status as shown to a person."""
        return self.value.capitalize()


@dataclass(frozen=True, slots=True, kw_only=True)
class Goal:
    """Something the user is aiming for, with the date they aim to reach it by."""

    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    title: str
    target_on: date
    detail: str = ''
    status: GoalStatus = GoalStatus.OPEN

    def __post_init__(self) -> None:
        v.stamps(self)
        object.__setattr__(self, 'title', v.required_text(self.title, 'title', 'Goal'))
        v.sane_date(self.target_on, 'target_on', 'Target date')
        object.__setattr__(self, 'detail', v.optional_text(self.detail, 'detail', 'Detail', limit=v.MAX_TEXT))
        object.__setattr__(self, 'status', v.member(self.status, GoalStatus, 'status', 'goal status'))

    def describe(self) -> str:
        """The goal as an update words it: ``Lead a platform team (by 30 Jun 2027)``."""
        return f'{self.title} (by {wording.day_label(self.target_on)})'


def goal_order(goal: Goal) -> tuple[int, date, str, str]:
    """How the Goals page lists goals: open first, then by target date, title and id."""
    return (goal.status is not GoalStatus.OPEN, goal.target_on, goal.title.casefold(), goal.id)


@dataclass(kw_only=True, slots=True)
class GoalForm:
    """What the goal dialog holds: the text in each input."""

    title: str = ''
    target_on: str = ''
    detail: str = ''
    status: str = GoalStatus.OPEN.value

    @classmethod
    def from_goal(cls, goal: Goal) -> GoalForm:
        """The form pre-filled for editing ``goal``."""
        return cls(title=goal.title, target_on=goal.target_on.isoformat(), detail=goal.detail,
                   status=goal.status.value)

    def to_goal(self, existing: Goal | None, today: date) -> Goal:
        """Validate the form and build the goal to store.

        A new goal's target date cannot be in the past (an edited one may be: it may have slipped).

        Raises:
            ValidationError: with ``field`` naming the form field to fix.
        """
        target = parse_date(self.target_on, 'target_on', 'Target date', required=True)
        assert target is not None  # required
        if existing is None and target < today:
            raise ValidationError(f'{wording.day_label(target)} has passed; a goal aims at a day still to come.',
                                  field='target_on')
        status = v.member(self.status or GoalStatus.OPEN.value, GoalStatus, 'status', 'goal status')
        fields = {'title': self.title, 'target_on': target, 'detail': self.detail, 'status': status}
        if existing is None:
            return Goal(**fields)  # type: ignore[arg-type]
        return replace(existing, **fields)  # type: ignore[arg-type]
