"""Follow-ups the user snoozed or dismissed, still hidden by that decision: to find them again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from ..network import Network
from .engine import DEFAULT_HORIZON_DAYS, KINDS, FollowUpKind, due_follow_ups
from .followup import FollowUp, FollowUpState, FollowUpStatus
from .network_index import NetworkIndex

SET_ASIDE = (FollowUpStatus.SNOOZED, FollowUpStatus.DISMISSED)


@dataclass(frozen=True, slots=True, kw_only=True)
class SetAside:
    """A follow-up hidden from the list by the user's snooze or dismissal."""

    followup: FollowUp
    """The follow-up as it would be shown without the decision (its own due date)."""
    state: FollowUpState
    """The decision hiding it: ``until`` is the wake-up day of a snooze."""


def set_aside(network: Network, today: date, *, kinds: Mapping[str, FollowUpKind] = KINDS) -> list[SetAside]:
    """The follow-ups a snooze (not yet woken) or a dismissal hides today.

    A decision made against an earlier due date no longer hides anything (the follow-up is back in
    the list) and is left out; so is one whose follow-up no longer exists.

    Args:
        network: Everything stored.
        today: The day to compute for.
        kinds: The kinds of follow-up to look through.

    Returns:
        Snoozed ones first, soonest to wake first; then dismissed ones, latest dismissed first.
    """
    states = {s.followup_id: s for s in network.followup_states if s.status in SET_ASIDE}
    if not states:
        return []
    shown = {followup.id for followup in due_follow_ups(network, today, kinds=kinds)}
    # Each follow-up as it would be without the decision: a dismissed catch-up, for one, is
    # otherwise not found at all (dismissing it starts the next keep-in-touch cycle).
    bare = replace(network, followup_states=[s for s in network.followup_states if s.followup_id not in states])
    # A decision was made against a due date within the dashboard's horizon of its day (at or
    # before today), so the default horizon finds every follow-up a decision can still hide.
    index = NetworkIndex.build(bare, today, DEFAULT_HORIZON_DAYS)
    found = [
        SetAside(followup=followup, state=states[followup.id])
        for find in kinds.values()
        for followup in find(bare, index, today)
        if followup.id in states and followup.id not in shown
    ]
    snoozed = sorted((s for s in found if s.state.status is FollowUpStatus.SNOOZED),
                     key=lambda s: (s.state.until or today, s.followup.title, s.followup.id))
    dismissed = sorted((s for s in found if s.state.status is FollowUpStatus.DISMISSED),
                       key=lambda s: (-s.state.decided_on.toordinal(), s.followup.title, s.followup.id))
    return snoozed + dismissed
