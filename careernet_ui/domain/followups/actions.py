"""What the user decides about a follow-up, and how a stored decision changes what is shown.

A decision is recorded against the due date the follow-up had when it was made
(``FollowUpState.due``). It holds while the follow-up's due date stays at or before that date;
once the source records move the due date later (a new keep-in-touch cycle, new evidence for a
stage suggestion), the decision is spent and the follow-up is shown again.

- Done and dismissed hide the follow-up while the decision holds. For a stage suggestion, the due
  date is the day of the latest evidence, so a dismissed suggestion stays hidden until a newer
  interaction of the kinds that triggered it is logged.
- Snoozed hides it until ``until``; from that day it is shown again, due on ``until`` (or on its
  own due date, if that is later).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .. import wording
from ..errors import ValidationError
from .followup import FollowUp, FollowUpState, FollowUpStatus


def mark_done(followup: FollowUp, today: date) -> FollowUpState:
    """Record that the user did ``followup``.

    Args:
        followup: The follow-up as shown.
        today: The day of the decision.

    Returns:
        The state to store (it replaces any earlier state for this follow-up).
    """
    return FollowUpState(followup_id=followup.id, status=FollowUpStatus.DONE, decided_on=today, due=followup.due)


def dismiss(followup: FollowUp, today: date) -> FollowUpState:
    """Record that the user does not want to do ``followup`` (this time).

    Args:
        followup: The follow-up as shown.
        today: The day of the decision.

    Returns:
        The state to store (it replaces any earlier state for this follow-up).
    """
    return FollowUpState(followup_id=followup.id, status=FollowUpStatus.DISMISSED, decided_on=today, due=followup.due)


def snooze(followup: FollowUp, today: date, until: date) -> FollowUpState:
    """Hide ``followup`` until ``until``, when it comes back due that day.

    Args:
        followup: The follow-up as shown.
        today: The day of the decision.
        until: The day to show it again; must be after ``today``.

    Returns:
        The state to store (it replaces any earlier state for this follow-up).

    Raises:
        ValidationError: ``until`` is today or earlier.
    """
    if until <= today:
        raise ValidationError(
            f'Snooze until {wording.day_label(until)} would not hide anything: '
            f'choose a day after {wording.day_label(today)}.',
            field='until',
        )
    return FollowUpState(
        followup_id=followup.id, status=FollowUpStatus.SNOOZED, decided_on=today, due=followup.due, until=until
    )


def decision_holds(followup: FollowUp, state: FollowUpState | None) -> bool:
    """Whether ``state`` still applies to ``followup``, or was made against an earlier due date.

    Args:
        followup: The follow-up as computed from the records.
        state: The stored decision for its id, if any.

    Returns:
        False when there is no decision, or the follow-up is now due after the date decided against.
    """
    if state is None or state.followup_id != followup.id:
        return False
    return state.due is None or followup.due <= state.due


def apply_state(followup: FollowUp, state: FollowUpState | None, today: date) -> FollowUp | None:
    """What to show for ``followup`` given the user's stored decision about it.

    Args:
        followup: The follow-up as computed from the records.
        state: The stored decision for its id, if any.
        today: The day to show for.

    Returns:
        None when the decision hides it; the follow-up, due on the snooze's wake-up day if it was
        snoozed and has woken; or the follow-up unchanged.
    """
    if state is None or not decision_holds(followup, state):
        return followup
    if state.status is FollowUpStatus.SNOOZED and state.until is not None:
        if today < state.until:
            return None
        return replace(followup, due=max(followup.due, state.until))
    return None
