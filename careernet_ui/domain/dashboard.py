"""Everything the dashboard shows, computed once per render from one snapshot of the network."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from . import wording
from .collector import collector_paused
from .contacts import Contact, Role, Stage
from .followups.engine import DEFAULT_HORIZON_DAYS, due_follow_ups
from .followups.followup import FollowUp
from .followups.memo import FollowUpMemo
from .followups.network_index import NetworkIndex
from .followups.stage_suggestion import STAGE_SUGGESTION
from .insights import (
    NetworkHealth,
    QuietContact,
    longest_without_contact,
    network_health,
    recently_changed,
    role_counts,
    stage_counts,
    touches_per_month,
)
from .network import Network
from .snapshot_cache import SnapshotCache

QUIET_LIMIT = 5
RECENT_LIMIT = 5


@dataclass(kw_only=True, slots=True, frozen=True)
class DashboardView:
    """The dashboard's content for one day.

    Attributes:
        actions: Follow-ups overdue or due within the horizon, stage suggestions excepted, in
            due order (most overdue first).
        suggestions: Stage suggestions: evidence that someone has moved along the pipeline.
        stage_counts: How many people are at each stage, in pipeline order.
        health: References and advocates within their keep-in-touch cadence.
        touches: Touches (see ``touches``) per month over the last 12 months, oldest first.
        quiet: The references and advocates not contacted for longest (the never contacted first).
        role_counts: How many people have each role.
        recent: The contacts added or edited most recently, latest first.
    """

    actions: list[FollowUp]
    suggestions: list[FollowUp]
    stage_counts: dict[Stage, int]
    health: NetworkHealth
    touches: list[tuple[str, int]]
    quiet: list[QuietContact]
    role_counts: dict[Role, int]
    recent: list[Contact]

    @property
    def people(self) -> int:
        """How many contacts there are."""
        return sum(self.stage_counts.values())


def dashboard_view(network: Network, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS, *,
                   memo: FollowUpMemo | None = None, on_computed: Callable[[], object] | None = None
                   ) -> DashboardView:
    """Compute the dashboard: the follow-ups once, the insights over one shared index.

    The view is remembered for the network snapshot and day: re-rendering with no write in between
    ("Show more", another tab, a reload) reuses it; any write makes a new snapshot.

    Args:
        network: Everything stored.
        today: The day to compute for.
        horizon_days: How far ahead "next actions" look (a week by default).
        memo: Follow-ups of an earlier computation to reuse and share (the server's, which the
            calendar feed uses too: the two then hold one set of follow-ups, not two).
        on_computed: Called when the view is computed rather than remembered, with the garbage
            collector still paused: the server freezes what its first view made (see ``cli``).

    Returns:
        The view.
    """
    return _VIEWS.get(network, (today, horizon_days),
                      lambda: _compute(network, today, horizon_days, memo, on_computed))


@collector_paused()  # the follow-ups, sorted, and the insights: kept as long as the snapshot
def _compute(network: Network, today: date, horizon_days: int, memo: FollowUpMemo | None,
             on_computed: Callable[[], object] | None) -> DashboardView:
    followups = due_follow_ups(network, today, horizon_days, memo=memo)
    index = NetworkIndex.build(network, today)
    view = DashboardView(
        actions=[f for f in followups if f.kind != STAGE_SUGGESTION],
        suggestions=[f for f in followups if f.kind == STAGE_SUGGESTION],
        stage_counts=stage_counts(network),
        health=network_health(network, today, index),
        touches=touches_per_month(network, today),
        quiet=longest_without_contact(network, today, QUIET_LIMIT, index),
        role_counts=role_counts(network),
        recent=recently_changed(network, RECENT_LIMIT),
    )
    if on_computed is not None:
        on_computed()
    return view


_VIEWS: SnapshotCache[tuple[date, int], DashboardView] = SnapshotCache()


def due_text(due: date, today: date) -> str:
    """When a follow-up is due, relative to ``today``: "3 days overdue", "due today", "due in 2 days".

    Args:
        due: The follow-up's due date.
        today: The current day.

    Returns:
        A short phrase.
    """
    days = (due - today).days
    if days < 0:
        return f'{wording.days(-days)} overdue'
    if days == 0:
        return 'due today'
    if days == 1:
        return 'due tomorrow'
    return f'due in {wording.days(days)}'


def kind_label(kind: str) -> str:
    """A follow-up kind as a person reads it: ``keep_in_touch`` → ``Keep in touch``."""
    return kind.replace('_', ' ').capitalize()


def kind_counts(followups: list[FollowUp]) -> dict[str, int]:
    """How many follow-ups of each kind, most common first (ties alphabetical).

    Args:
        followups: The follow-ups.

    Returns:
        Counts by kind, for a filter that lists only the kinds present.
    """
    counts: dict[str, int] = {}
    for followup in followups:
        counts[followup.kind] = counts.get(followup.kind, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
