"""Follow-ups -> iCalendar bytes, for the feed the user subscribes to in their calendar app.

Pure: the caller passes the follow-ups, the settings, today's date, the feed marks (which
give each event its SEQUENCE and DTSTAMP) and the address CareerNet is reached at; the same
inputs always give the same bytes, so the HTTP route can answer ``304 Not Modified``.

The calendar is built with icalendar's object model, which escapes text, folds lines at 75
octets without splitting a UTF-8 sequence, and writes CRLF. Some calendar properties need
care, because icalendar 7 writes them wrongly when used the obvious way:

- ``Calendar.refresh_interval = timedelta(hours=1)`` writes ``REFRESH-INTERVAL:PT1H``, but
  RFC 7986 requires the ``VALUE=DURATION`` parameter; it is added explicitly.
- ``X-PUBLISHED-TTL`` is an unknown X-property to icalendar, so a ``timedelta`` value is
  written as text through ``str()``: ``X-PUBLISHED-TTL:1:00:00``. It is added as a
  ``vDuration`` so it reads ``PT1H``.
- ``NAME``, ``X-WR-CALNAME`` and ``X-WR-CALDESC`` are typed as unknown values and written
  unescaped; they are added as ``vText``.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event, vDuration, vText

from .domain.errors import ValidationError
from .domain.feed_marks import FeedMark, as_utc, new_mark
from .domain.followups import FollowUp
from .domain.settings import Settings

FEED_NAME = 'CareerNet follow-ups'
FEED_DESCRIPTION = 'Who to thank, update and keep in touch with: your follow-ups from CareerNet.'
PRODID = '-//CareerNet//CareerNet//EN'
# Fixed, and derived from nothing about the user: a calendar app that re-subscribes after
# the feed token is rotated still recognises the same calendar.
CALENDAR_UID = '2fa5854e-c9d0-5e5c-ad7c-43470e471bca'  # uuid5(NAMESPACE_URL, 'careernet:calendar-feed:follow-ups')
UID_DOMAIN = 'careernet'
REFRESH_INTERVAL = timedelta(hours=1)
TIMED_EVENT_LENGTH = timedelta(minutes=30)
# A digest lists this many follow-ups and then points to the dashboard: a calendar event
# with thousands of lines helps nobody, and would make the feed megabytes long.
DIGEST_LIST_LIMIT = 25

_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
# Everything a parser might take for the end of a line. icalendar already turns CR LF and
# bare CR into an escaped newline; the others are not line breaks in iCalendar, but some
# readers split on them (Python's str.splitlines does), so they become plain newlines too.
_LINE_BREAKS = re.compile('\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]')
# RFC 5545 TEXT may not contain control characters other than HTAB (and newline, escaped).
_CONTROLS = re.compile('[\x00-\x08\x0e-\x1f\x7f]')
# Characters a URI may carry as they are (RFC 3986 reserved and unreserved, and '%' so that
# an already-encoded link is not encoded twice); everything else is percent-encoded.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"


def render_feed(
    followups: Sequence[FollowUp],
    settings: Settings,
    today: date,
    marks: Mapping[str, FeedMark],
    base_url: str,
) -> bytes:
    """Render the calendar feed of open follow-ups.

    Args:
        followups: Every open follow-up; those due after ``today`` plus the horizon are
            left out here. Overdue ones are placed on ``today`` and marked overdue.
        settings: Feed settings: all-day or timed (time, time zone, alarm), horizon and
            digest threshold.
        today: Today's date in the user's time zone.
        marks: Feed marks by follow-up id (see :func:`~careernet_ui.domain.feed_marks.update_marks`).
            A follow-up without a mark is shown as new: SEQUENCE 0, DTSTAMP its own
            ``changed_at`` or else the start of ``today`` in UTC.
        base_url: Where CareerNet is reached, such as ``http://127.0.0.1:8080``; each
            event links to ``base_url`` + the follow-up's link.

    Returns:
        The ``text/calendar`` body: UTF-8, CRLF line endings, lines folded at 75 octets.

    Raises:
        ValidationError: Timed events are asked for in a time zone that is not known.
    """
    timing = _timing(settings)
    days = _schedule(followups, today, settings.feed_horizon_days)
    fallback_stamp = datetime.combine(today, time(), UTC)

    calendar = _new_calendar()
    for day in sorted(days):
        due_that_day = days[day]
        if len(due_that_day) > settings.feed_digest_threshold:
            calendar.add_component(_digest_event(day, due_that_day, today, marks, base_url, timing, fallback_stamp))
            continue
        events = [
            _followup_event(followup, day, today, marks.get(followup.id), base_url, timing, fallback_stamp)
            for followup in due_that_day
        ]
        for event in sorted(events, key=lambda event: str(event['UID'])):
            calendar.add_component(event)
    if timing.zone is not None:
        # Only zones icalendar cannot write as UTC ("Z") need a VTIMEZONE. It is valid over
        # whole calendar years around the events, so it changes once a year, not daily.
        last_day = today + timedelta(days=settings.feed_horizon_days + 1)
        calendar.add_missing_timezones(first_date=date(today.year, 1, 1), last_date=date(last_day.year + 1, 1, 1))
    body: bytes = calendar.to_ical()
    return body


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    """One event of the feed as a calendar shows it: its day, its summary and where it leads."""

    day: date
    summary: str
    link: str
    followups: int
    """How many follow-ups the event stands for: 1, or a digest's count."""


def feed_agenda(followups: Sequence[FollowUp], settings: Settings, today: date) -> list[AgendaEntry]:
    """The events :func:`render_feed` would write, in the same order, without the iCalendar.

    Args:
        followups: Every open follow-up, as for :func:`render_feed`.
        settings: The feed settings (horizon and digest threshold are used).
        today: Today's date in the user's time zone.

    Returns:
        One entry per event: crowded days give one digest entry, overdue follow-ups sit on
        ``today`` with "(overdue since …)" in the summary, as in the feed. ``link`` is
        relative to CareerNet's address (``/`` for a digest).
    """
    days = _schedule(followups, today, settings.feed_horizon_days)
    entries: list[AgendaEntry] = []
    for day in sorted(days):
        due_that_day = days[day]
        if len(due_that_day) > settings.feed_digest_threshold:
            entries.append(AgendaEntry(day=day, summary=_digest_summary(len(due_that_day)), link='/',
                                       followups=len(due_that_day)))
            continue
        for followup in sorted(due_that_day, key=lambda item: _clean(f'{item.id}@{UID_DOMAIN}')):
            entries.append(AgendaEntry(day=day, summary=_item_summary(followup, today), link=followup.link,
                                       followups=1))
    return entries


def feed_etag(body: bytes) -> str:
    """A strong ETag for a feed body.

    Args:
        body: The bytes :func:`render_feed` returned.

    Returns:
        The quoted first 32 hex digits of the body's SHA-256, like ``"3f2a..."``.
    """
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


@dataclass(frozen=True, slots=True)
class _Timing:
    """When in the day events happen: ``zone`` is None for all-day events."""

    zone: ZoneInfo | None
    at: time
    alarm_before: timedelta


def _timing(settings: Settings) -> _Timing:
    hours, _, minutes = settings.feed_time.partition(':')
    at = time(int(hours), int(minutes))
    alarm_before = timedelta(minutes=settings.feed_alarm_minutes)
    if settings.feed_all_day:
        return _Timing(zone=None, at=at, alarm_before=alarm_before)
    try:
        zone = ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            f'"{settings.timezone}" is not a known time zone; choose one like Europe/Berlin, or use all-day events.',
            field='timezone',
        ) from error
    return _Timing(zone=zone, at=at, alarm_before=alarm_before)


def _schedule(followups: Sequence[FollowUp], today: date, horizon_days: int) -> dict[date, list[FollowUp]]:
    """The follow-ups to show, by the day they are shown on (overdue ones on ``today``)."""
    last_day = today + timedelta(days=horizon_days)
    by_id: dict[str, FollowUp] = {}
    for followup in followups:
        if followup.due > last_day:
            continue
        # Ids are unique by design; should one repeat, the feed must still not repeat a UID,
        # so the earliest-due copy wins, whatever order the follow-ups came in.
        kept = by_id.get(followup.id)
        if kept is None or (followup.due, followup.title) < (kept.due, kept.title):
            by_id[followup.id] = followup
    days: dict[date, list[FollowUp]] = defaultdict(list)
    for followup in by_id.values():
        days[max(followup.due, today)].append(followup)
    return days


def _new_calendar() -> Calendar:
    calendar = Calendar.new(
        prodid=PRODID,
        version='2.0',
        calscale='GREGORIAN',
        method='PUBLISH',
        uid=CALENDAR_UID,
    )
    # Not Calendar.new(name=..., description=...): icalendar 7 types NAME and the X-WR-*
    # properties as vUnknown, written without escaping (a comma in the name would be bare,
    # a newline would fail an assert); as vText they are escaped like any other text.
    for prop, text in (
        ('NAME', FEED_NAME),
        ('X-WR-CALNAME', FEED_NAME),
        ('DESCRIPTION', FEED_DESCRIPTION),
        ('X-WR-CALDESC', FEED_DESCRIPTION),
    ):
        calendar.add(prop, vText(text))
    # Not calendar.refresh_interval: that writes REFRESH-INTERVAL:PT1H without the
    # VALUE=DURATION parameter RFC 7986 requires.
    calendar.add('REFRESH-INTERVAL', REFRESH_INTERVAL, parameters={'VALUE': 'DURATION'})
    # A bare timedelta would be written through str() as "1:00:00"; vDuration writes PT1H.
    calendar.add('X-PUBLISHED-TTL', vDuration(REFRESH_INTERVAL))
    return calendar


def _followup_event(
    followup: FollowUp,
    day: date,
    today: date,
    mark: FeedMark | None,
    base_url: str,
    timing: _Timing,
    fallback_stamp: datetime,
) -> Event:
    mark = mark or new_mark(followup, fallback_stamp)
    url = _page_url(base_url, followup.link)
    summary = _item_summary(followup, today)
    reason = _clean(followup.reason).strip()
    description = [reason] if reason else []
    if followup.due < today:
        description.append(f'Overdue since {_human_date(followup.due)}.')
    description.append(f'Open in CareerNet: {url}')

    event = Event()
    event.add('UID', _clean(f'{followup.id}@{UID_DOMAIN}'))
    # icalendar writes DTSTAMP in UTC, in whole seconds, and takes a naive time as UTC.
    event.add('DTSTAMP', mark.changed_at)
    event.add('SEQUENCE', mark.sequence)
    event.add('SUMMARY', summary)
    event.add('DESCRIPTION', '\n\n'.join(description))
    event.add('URL', url)
    event.add('CATEGORIES', ['CareerNet', _kind_label(followup.kind)])
    _schedule_event(event, day, summary, timing)
    return event


def _digest_event(
    day: date,
    followups: list[FollowUp],
    today: date,
    marks: Mapping[str, FeedMark],
    base_url: str,
    timing: _Timing,
    fallback_stamp: datetime,
) -> Event:
    """One event standing for every follow-up of a crowded day.

    A digest has no mark of its own: its DTSTAMP and SEQUENCE are the latest of its
    follow-ups', so they rise when one of them changes (though not when one leaves).
    """
    count = len(followups)
    item_marks = [marks.get(followup.id) or new_mark(followup, fallback_stamp) for followup in followups]
    # Today's digest can hold every overdue follow-up of a year; only the listed few are sorted.
    listed = heapq.nsmallest(DIGEST_LIST_LIMIT, followups, key=lambda item: (item.due, item.title, item.id))
    home = _page_url(base_url, '')
    summary = _digest_summary(count)
    lines = [f'{count:,} follow-ups for {_human_date(day)}:', '']
    for followup in listed:
        lines.append(f'- {_item_summary(followup, today)}')
        lines.append(f'  {_page_url(base_url, followup.link)}')
    if count > DIGEST_LIST_LIMIT:
        lines.extend(['', f'…and {count - DIGEST_LIST_LIMIT:,} more in CareerNet: {home}'])

    event = Event()
    event.add('UID', f'digest-{day:%Y%m%d}@{UID_DOMAIN}')
    event.add('DTSTAMP', max(as_utc(mark.changed_at) for mark in item_marks))
    event.add('SEQUENCE', max(mark.sequence for mark in item_marks))
    event.add('SUMMARY', summary)
    event.add('DESCRIPTION', '\n'.join(lines))
    event.add('URL', home)
    event.add('CATEGORIES', ['CareerNet', 'Digest'])
    _schedule_event(event, day, summary, timing)
    return event


def _schedule_event(event: Event, day: date, summary: str, timing: _Timing) -> None:
    """Place the event on ``day``: all day, or at the chosen time with an alarm."""
    # A reminder should not mark the user busy for meetings others book.
    event.add('TRANSP', 'TRANSPARENT')
    if timing.zone is None:
        event.add('DTSTART', day)
        event.add('DTEND', day + timedelta(days=1))
        return
    start = datetime.combine(day, timing.at, tzinfo=timing.zone)
    event.add('DTSTART', start)
    event.add('DTEND', start + TIMED_EVENT_LENGTH)
    alarm = Alarm()
    alarm.add('ACTION', 'DISPLAY')
    alarm.add('TRIGGER', -timing.alarm_before)
    alarm.add('DESCRIPTION', summary)
    event.add_component(alarm)


def _item_summary(followup: FollowUp, today: date) -> str:
    title = _clean(followup.title).strip() or 'CareerNet follow-up'
    if followup.due < today:
        return f'{title} (overdue since {_human_date(followup.due)})'
    return title


def _digest_summary(count: int) -> str:
    return f'CareerNet: {count:,} follow-ups'


def _kind_label(kind: str) -> str:
    """``keep_in_touch`` -> ``Keep in touch``."""
    return _clean(kind).replace('_', ' ').replace('-', ' ').strip().capitalize() or 'Follow-up'


def _human_date(day: date) -> str:
    """``3 Mar 2025``, the same whatever the process locale (``%b`` is locale-dependent)."""
    return f'{day.day} {_MONTHS[day.month - 1]} {day.year}'


def _clean(text: str) -> str:
    """User text made safe as iCalendar TEXT; icalendar then escapes ``\\ ; , newline``."""
    return _CONTROLS.sub('', _LINE_BREAKS.sub('\n', text))


def _page_url(base_url: str, link: str) -> str:
    """``base_url`` + ``link`` as a URI: spaces, controls and non-ASCII percent-encoded."""
    url = f'{base_url.rstrip("/")}/{link.lstrip("/")}'
    return quote(url, safe=_URI_SAFE)
