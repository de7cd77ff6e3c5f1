"""The calendar feed of the data as it stands: follow-ups -> remembered marks -> iCalendar bytes.

Every caller (the HTTP route, the ``--ics-file`` writer, the Calendar page, ``export-ics``) goes
through :class:`CalendarFeed`, so each gets the same bytes for the same data and day. Computing
the feed also moves the marks on (SEQUENCE, DTSTAMP) and stores the changed ones in one write;
why the route stores them after its response, and why that never shows a client an event going
back, is in docs/design/calendar-marks.md. Only pure work may go to a worker thread: TinyDB is
not thread-safe.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from careernet_ui.calendar.events import FeedEvent, feed_events
from careernet_ui.calendar.feed import (
    AgendaEntry,
    RenderedEvents,
    feed_agenda,
    feed_etag,
    feed_fingerprints,
    render_feed,
)
from careernet_ui.calendar.marks import FeedMark, update_marks
from careernet_ui.calendar.settings import FeedSettingsForm
from careernet_ui.domain import Network, Settings, utc_now
from careernet_ui.domain.followups.engine import unsorted_due_follow_ups
from careernet_ui.domain.followups.memo import FollowUpMemo
from careernet_ui.domain.settings import new_feed_token
from storage import Store

log = logging.getLogger(__name__)

FEED_PATH = '/calendar/{token}.ics'
AGENDA_SIZE = 50
"""How many upcoming events a rendered feed keeps for the Calendar page's preview."""
# Computing the marks in a thread lets the store change meanwhile; after this many tries the
# computation runs without yielding, which no write can interrupt.
_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class RenderedFeed:
    """One rendering of the feed."""

    body: bytes
    """The ``text/calendar`` body."""
    etag: str
    """Its strong ETag (quoted)."""
    agenda: tuple[AgendaEntry, ...]
    """The first events of the feed (at most ``AGENDA_SIZE``), for showing on a page."""
    events: int
    """How many events the feed holds."""


class CalendarFeed:
    """The feed of one store, rendered once per change and served from memory until the next.

    The cache key is the store's revision, today's date, the settings and the address the
    events link to: the same key always means the same bytes.
    """

    def __init__(self, store: Store, base_url: str, *, clock: Callable[[], datetime] = utc_now,
                 memo: FollowUpMemo | None = None, once: bool = False) -> None:
        """Serve the feed of ``store``.

        Args:
            store: The open store.
            base_url: Where CareerNet is reached, such as ``http://127.0.0.1:8080``.
            clock: The current time, used to stamp changed follow-ups (DTSTAMP).
            memo: The follow-ups memo to share (the dashboard's); a new one by default.
            once: The feed is computed once (the command line): keep no memo, whose bookkeeping
                only pays when the feed is computed again.
        """
        self.store = store
        self.base_url = base_url.rstrip('/')
        self._clock = clock
        self._cached: tuple[_Key, RenderedFeed] | None = None
        # The marks of the latest computation, until they are stored (see the module docstring).
        self._unstored: _MarksPlan | None = None
        # After a change most follow-ups are made from the same records as before, and most
        # events from the same follow-ups and marks: reuse them.
        self._memo = None if once else memo if memo is not None else FollowUpMemo()
        self._rendered = RenderedEvents()
        self._lock = asyncio.Lock()
        self.renders = 0
        """How many times the feed was computed rather than served from the cache."""

    def subscribe_url(self) -> str:
        """The address a calendar app subscribes to (it carries the secret token)."""
        return self.base_url + FEED_PATH.format(token=self.store.settings.feed_token)

    def webcal_url(self) -> str:
        """:meth:`subscribe_url` with the ``webcal://`` scheme, which opens the calendar app."""
        _, _, rest = self.subscribe_url().partition('://')
        return f'webcal://{rest}'

    def token_matches(self, token: str) -> bool:
        """Whether ``token`` is the feed's current token, compared in constant time.

        Args:
            token: The token from a request's path.

        Returns:
            True only for the stored token.
        """
        return secrets.compare_digest(token.encode('utf-8'), self.store.settings.feed_token.encode('utf-8'))

    def current(self, today: date) -> RenderedFeed:
        """The feed for ``today``, computed now if the data, day or settings changed.

        Runs entirely on the caller's thread (the CLI, shutdown); the marks are stored before
        it returns.

        Args:
            today: Today's date in the user's time zone.

        Returns:
            The rendered feed.

        Raises:
            ValidationError: The stored settings ask for timed events in an unknown time zone.
        """
        rendered = self._from_cache(today)
        if rendered is None:
            self.store_marks()  # before reading the marks to move on from
            snapshot = self._snapshot(today)
            plan = _plan_marks(snapshot, self._clock(), self._memo, self.base_url, self._rendered)
            self._unstored = plan
            rendered = self._remember(snapshot, _render(snapshot, plan, self.base_url, self._rendered))
        self.store_marks()
        return rendered

    async def current_async(self, today: date, *, marks_later: bool = False) -> RenderedFeed:
        """:meth:`current` for the event loop: the pure work runs in a worker thread.

        Concurrent callers share one computation. The store is only touched on the loop.
        ``today``, the result and the errors are those of :meth:`current`.

        Args:
            today: Today's date in the user's time zone.
            marks_later: Return before the new marks are stored; the caller stores them with
                :meth:`store_marks` once the bytes are on their way (the feed route does, after
                its response). Otherwise they are stored before this returns.
        """
        rendered = self._from_cache(today)
        if rendered is None:
            rendered = await self._computed_async(today)
        if not marks_later:
            self.store_marks()
        return rendered

    def store_marks(self) -> None:
        """Store the marks of the latest computation, if it moved any and they are not stored yet.

        Call it on the store's thread (the event loop, in the server). A failure to write is
        logged, not raised: the response it follows is already gone.
        """
        plan = self._unstored
        if plan is None:
            return
        self._unstored = None
        cache_current = self._cached is not None and self._cached[0].revision == self.store.revision
        try:
            # One durable write (a rewrite of the whole data file) whatever changed.
            self.store.feed_marks.apply(add=plan.added, update=plan.changed, delete=plan.removed)
        except OSError:
            # The next poll computes again from the marks stored before and tries again to store
            # them, so SEQUENCE cannot fall back once the disk recovers.
            log.exception('Could not store the calendar feed marks')
            self._cached = None
            return
        if cache_current and self._cached is not None:
            # The marks are not part of what the feed is made from, and the cached feed was
            # rendered with exactly these: it is still the feed of the data as it now stands.
            key, rendered = self._cached
            self._cached = (dataclasses.replace(key, revision=self.store.revision), rendered)

    async def _computed_async(self, today: date) -> RenderedFeed:
        async with self._lock:
            for _ in range(_ATTEMPTS):
                cached = self._from_cache(today)
                if cached is not None:
                    return cached
                self.store_marks()  # before reading the marks to move on from
                snapshot = self._snapshot(today)
                plan = await asyncio.to_thread(_plan_marks, snapshot, self._clock(), self._memo, self.base_url,
                                               self._rendered)
                if self.store.revision != snapshot.revision:
                    continue  # The data changed while the marks were worked out: start from the new data.
                # From here on these marks may be served: the next computation stores them first.
                self._unstored = plan
                rendered = await asyncio.to_thread(_render, snapshot, plan, self.base_url, self._rendered)
                return self._remember(snapshot, rendered)
            return self.current(today)

    def _from_cache(self, today: date) -> RenderedFeed | None:
        if self._cached is None:
            return None
        key, rendered = self._cached
        return rendered if key == self._key(today) else None

    def _key(self, today: date) -> _Key:
        return _Key(revision=self.store.revision, today=today, settings=self.store.settings)

    def _snapshot(self, today: date) -> _Snapshot:
        store = self.store
        return _Snapshot(
            revision=store.revision,
            today=today,
            settings=store.settings,
            network=store.network(),
            marks={mark.id: mark for mark in store.feed_marks},
        )

    def _remember(self, snapshot: _Snapshot, rendered: RenderedFeed) -> RenderedFeed:
        self.renders += 1
        # A write while the feed was computed (possible during an await) moved the revision on:
        # this result is served once, and the next poll computes afresh.
        if snapshot.revision == self.store.revision:
            key = _Key(revision=snapshot.revision, today=snapshot.today, settings=snapshot.settings)
            self._cached = (key, rendered)
        return rendered


def rotate_feed_token(store: Store) -> Settings:
    """Give the feed a new secret address; the old one answers 404 from now on.

    Args:
        store: The open store.

    Returns:
        The stored settings, with the new token.
    """
    store.save_settings(dataclasses.replace(store.settings, feed_token=new_feed_token()))
    return store.settings


def save_feed_settings(store: Store, form: FeedSettingsForm) -> Settings:
    """Store the Calendar page's settings.

    Args:
        store: The open store.
        form: The fields as typed.

    Returns:
        The stored settings.

    Raises:
        ValidationError: A field is invalid (``field`` names it); nothing is stored.
    """
    store.save_settings(form.apply(store.settings))
    return store.settings


@dataclass(frozen=True, slots=True)
class _Key:
    revision: int
    today: date
    settings: Settings


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """What the store held at one revision; read on the loop, then only read anywhere."""

    revision: int
    today: date
    settings: Settings
    network: Network
    marks: Mapping[str, FeedMark]


@dataclass(frozen=True, slots=True)
class _MarksPlan:
    events: Sequence[FeedEvent]
    marks: Mapping[str, FeedMark]
    added: list[FeedMark]
    changed: list[FeedMark]
    removed: list[str]


def _plan_marks(snapshot: _Snapshot, now: datetime, memo: FollowUpMemo | None, base_url: str,
                rendered: RenderedEvents) -> _MarksPlan:
    """The feed's events and their marks, and which marks to add, replace and drop.

    Pure but for the memos, which only ever make the same follow-ups and bytes faster (the
    events rendered here for their fingerprints are reused by :func:`_render`).
    """
    settings = snapshot.settings
    # feed_events lays the follow-ups out by day whatever their order: sorting them all is not needed.
    # A snoozed follow-up is shown on the day it wakes up: a calendar-only user would lose it otherwise.
    followups = unsorted_due_follow_ups(snapshot.network, snapshot.today, settings.feed_horizon_days, memo=memo,
                                        snoozed_on_wake_up=True)
    events = feed_events(followups, settings, snapshot.today)
    before = snapshot.marks
    fingerprints = feed_fingerprints(events, settings, snapshot.today, base_url, memo=rendered)
    marks = update_marks(events, before, now, fingerprints)
    added: list[FeedMark] = []
    changed: list[FeedMark] = []
    for key, mark in marks.items():
        previous = before.get(key)
        if previous is None:
            added.append(mark)
        elif previous is not mark:  # update_marks hands back the same object when nothing changed
            changed.append(mark)
    removed = [key for key in before if key not in marks]
    return _MarksPlan(events=events, marks=marks, added=added, changed=changed, removed=removed)


def _render(snapshot: _Snapshot, plan: _MarksPlan, base_url: str, memo: RenderedEvents) -> RenderedFeed:
    """The feed's bytes, ETag and first events; pure but for ``memo``, which only makes the same bytes faster."""
    body = render_feed(plan.events, snapshot.settings, snapshot.today, plan.marks, base_url, memo=memo)
    agenda = feed_agenda(plan.events, snapshot.today)
    return RenderedFeed(body=body, etag=feed_etag(body), agenda=tuple(agenda[:AGENDA_SIZE]), events=len(agenda))
