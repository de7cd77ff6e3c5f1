"""The follow-up engine: everything stored and today's date in, the due follow-ups out.

Each follow-up *kind* is one function ``(network, index, today) -> Iterable[FollowUp]``,
listed in ``KINDS``. To add a kind, write the function (give its follow-ups a stable id built
from the source record's id and the kind's name, a due date, and ``changed_at``) and add one
line to ``KINDS``. The engine applies the user's stored decisions (done, dismissed, snoozed),
keeps what falls due within the horizon, and sorts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from operator import attrgetter
from types import MappingProxyType

from ..collector import collector_paused
from ..errors import ValidationError
from ..network import Network
from .actions import apply_state
from .ask_feedback import ASK_FEEDBACK, ask_feedback
from .consent import CONSENT_LAPSED, RENEW_CONSENT, consent_lapsed, renew_consent
from .feedback_nudge import FEEDBACK_NUDGE, feedback_nudge
from .followup import FollowUp
from .keep_in_touch import KEEP_IN_TOUCH, keep_in_touch
from .letters import LETTER_NUDGE, THANK_FOR_LETTER, letter_nudge, letter_thanks
from .memo import FollowUpMemo
from .network_index import NetworkIndex
from .progress_update import PROGRESS_UPDATE, progress_update
from .reference_help import (
    BRIEF_REFERENCE,
    SHARE_OFFER,
    SHARE_OUTCOME,
    THANK_FOR_HELP,
    THANK_INTRODUCTION,
    THANK_REFERENCE,
    brief_reference,
    share_offer,
    share_outcome,
    thank_for_help,
    thank_introduction,
    thank_reference,
)
from .share_accomplishment import SHARE_ACCOMPLISHMENT, share_accomplishment
from .stage_suggestion import STAGE_SUGGESTION, stage_suggestion

FollowUpKind = Callable[[Network, NetworkIndex, date], Iterable[FollowUp]]
"""A kind of follow-up: finds its follow-ups in the network, using the shared index."""

DEFAULT_HORIZON_DAYS = 7

KINDS: Mapping[str, FollowUpKind] = MappingProxyType(
    {
        KEEP_IN_TOUCH: keep_in_touch,
        STAGE_SUGGESTION: stage_suggestion,
        FEEDBACK_NUDGE: feedback_nudge,
        SHARE_ACCOMPLISHMENT: share_accomplishment,
        BRIEF_REFERENCE: brief_reference,
        THANK_REFERENCE: thank_reference,
        SHARE_OUTCOME: share_outcome,
        THANK_INTRODUCTION: thank_introduction,
        THANK_FOR_HELP: thank_for_help,
        SHARE_OFFER: share_offer,
        RENEW_CONSENT: renew_consent,
        CONSENT_LAPSED: consent_lapsed,
        ASK_FEEDBACK: ask_feedback,
        PROGRESS_UPDATE: progress_update,
        LETTER_NUDGE: letter_nudge,
        THANK_FOR_LETTER: letter_thanks,
    }
)
"""Every follow-up kind, by the name used in its follow-ups' ``kind`` and ids."""


def due_follow_ups(
    network: Network,
    today: date,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    *,
    kinds: Mapping[str, FollowUpKind] = KINDS,
    memo: FollowUpMemo | None = None,
) -> list[FollowUp]:
    """The follow-ups due on or before ``today + horizon_days``, after the user's decisions.

    Overdue follow-ups keep their original due date (the caller decides how to show them).

    Args:
        network: Everything stored.
        today: The day to compute for.
        horizon_days: How far ahead to look: 7 for the dashboard, the feed's horizon for the
            calendar, 0 for what is due today or earlier.
        kinds: The kinds to compute; all of them unless a caller (or a test) narrows it.
        memo: For a caller that computes again and again: follow-ups made from unchanged
            records are taken from its previous computation instead of made anew. The
            result is the same with or without it.

    Returns:
        The follow-ups, sorted by due date, then title, then id: the same records always give
        the same list.

    Raises:
        ValidationError: ``horizon_days`` is negative.
    """
    shown = unsorted_due_follow_ups(network, today, horizon_days, kinds=kinds, memo=memo)
    shown.sort(key=_DISPLAY_ORDER)
    return shown


@collector_paused()  # tens of thousands of follow-ups, kept until the next write: no garbage
def unsorted_due_follow_ups(
    network: Network,
    today: date,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    *,
    kinds: Mapping[str, FollowUpKind] = KINDS,
    memo: FollowUpMemo | None = None,
    snoozed_on_wake_up: bool = False,
) -> list[FollowUp]:
    """:func:`due_follow_ups` in the order the kinds find them, for a caller that orders them itself.

    The calendar feed lays the follow-ups out by day and sorts only what it shows; sorting all
    of them first (tens of thousands at 30,000 contacts) would be wasted.

    Args:
        network: Everything stored.
        today: The day to compute for.
        horizon_days: How far ahead to look.
        kinds: The kinds to compute.
        memo: As for :func:`due_follow_ups`.
        snoozed_on_wake_up: Show a follow-up snoozed past ``today`` on its wake-up day (when that
            is within the horizon) rather than hide it: the calendar feed's view, where it would
            otherwise vanish until that day.

    Returns:
        The same follow-ups as :func:`due_follow_ups`, by kind (in ``kinds`` order), then in the
        order each kind finds them: the same records always give the same list.

    Raises:
        ValidationError: ``horizon_days`` is negative.
    """
    if horizon_days < 0:
        raise ValidationError(f'The horizon must be 0 days or more, not {horizon_days}.', field='horizon_days')
    index = NetworkIndex.build(network, today, horizon_days, memo=memo.round() if memo is not None else None)
    states = index.states
    last_day = index.last_day
    shown: list[FollowUp] = []
    for find in kinds.values():
        if not states:  # the common case, and 20,000 follow-ups at 30k contacts: no lookups
            shown.extend(followup for followup in find(network, index, today) if followup.due <= last_day)
            continue
        for followup in find(network, index, today):
            state = states.get(followup.id)
            if state is None:
                visible: FollowUp | None = followup
            elif snoozed_on_wake_up:
                visible = apply_state(followup, state, max(today, state.until or today))
            else:
                visible = apply_state(followup, state, today)
            if visible is not None and visible.due <= last_day:
                shown.append(visible)
    if memo is not None and index.memo is not None:
        memo.keep(index.memo)
    return shown


_DISPLAY_ORDER = attrgetter('due', 'title', 'id')
