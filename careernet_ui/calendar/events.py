"""What the calendar feed shows: the open follow-ups laid out as calendar events.

A follow-up due within the horizon is shown on its due date, an overdue one on today. A day
holding more follow-ups than the digest threshold gets one digest event instead of one event
each, so the calendar is never flooded. The feed marks (SEQUENCE, DTSTAMP) and the iCalendar
rendering both work from this layout, so they only ever deal with the events a calendar
actually receives: a few dozen, even when 20,000 follow-ups are open.

Pure: no iCalendar and no storage imports.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter

from ..domain.followups.followup import FollowUp
from ..domain.settings import Settings

DIGEST_LIST_LIMIT = 25
"""A digest lists this many follow-ups and then points to the dashboard: a calendar event with
thousands of lines helps nobody, and would make the feed megabytes long."""

_DIGEST_ORDER = attrgetter('due', 'title', 'id')


@dataclass(kw_only=True, frozen=True, slots=True)
class FeedEvent:
    """One event of the feed: a single follow-up, or the digest of a crowded day."""

    key: str
    """The event's identity: the follow-up's id, or ``digest-YYYYMMDD`` for a digest. The UID is
    ``<key>@<calendar id>.careernet`` (the calendar id is random per data file), and the event's
    feed mark is stored under it."""
    day: date
    """The day the event is on (today for overdue follow-ups)."""
    followups: Sequence[FollowUp]
    """Every follow-up the event stands for: one, or a digest's whole day."""
    listed: Sequence[FollowUp]
    """The follow-ups the event spells out: the single one, or a digest's first
    ``DIGEST_LIST_LIMIT`` by due date, title and id."""
    digest: bool

    @property
    def count(self) -> int:
        """How many follow-ups the event stands for."""
        return len(self.followups)


def feed_events(followups: Sequence[FollowUp], settings: Settings, today: date) -> list[FeedEvent]:
    """Lay the follow-ups out as the feed's events.

    Args:
        followups: Every open follow-up, in any order; those due after ``today`` plus the
            feed's horizon are left out.
        settings: The feed's horizon (days ahead) and digest threshold (a day with more
            follow-ups than this gets one digest event) are used.
        today: Today's date in the user's time zone; overdue follow-ups are placed on it.

    Returns:
        The events by day (a day has one digest or its follow-ups' own events, by id): the
        same follow-ups in any order give the same list.
        Should a follow-up id repeat, the earliest-due copy is shown, once.
    """
    last_day = today + timedelta(days=settings.feed_horizon_days)
    digest_threshold = settings.feed_digest_threshold
    shown = [followup for followup in followups if followup.due <= last_day]
    if len({followup.id for followup in shown}) < len(shown):
        shown = _without_repeats(shown)
    days: dict[date, list[FollowUp]] = {}
    for followup in shown:
        day = followup.due if followup.due > today else today
        on_day = days.get(day)
        if on_day is None:
            days[day] = [followup]
        else:
            on_day.append(followup)

    events: list[FeedEvent] = []
    for day in sorted(days):
        due_that_day = days[day]
        if len(due_that_day) > digest_threshold:
            # Today's digest can hold every overdue follow-up of a year; only the listed few are sorted.
            listed = heapq.nsmallest(DIGEST_LIST_LIMIT, due_that_day, key=_DIGEST_ORDER)
            events.append(FeedEvent(key=digest_key(day), day=day, followups=due_that_day, listed=listed, digest=True))
            continue
        for followup in sorted(due_that_day, key=attrgetter('id')):
            single = (followup,)
            events.append(FeedEvent(key=followup.id, day=day, followups=single, listed=single, digest=False))
    return events


def digest_key(day: date) -> str:
    """The key of the digest event of ``day``, like ``digest-20261125``."""
    return f'digest-{day:%Y%m%d}'


def _without_repeats(followups: list[FollowUp]) -> list[FollowUp]:
    # Ids are unique by design; should one repeat, the feed must still not repeat a UID, so
    # the earliest-due copy wins, whatever order the follow-ups came in.
    by_id: dict[str, FollowUp] = {}
    for followup in followups:
        kept = by_id.setdefault(followup.id, followup)
        if (followup.due, followup.title) < (kept.due, kept.title):
            by_id[followup.id] = followup
    return list(by_id.values())
