"""Feed events -> iCalendar bytes, for the feed the user subscribes to in their calendar app.

Pure: the same events, settings, day, marks and address always give the same bytes, so the HTTP
route can answer ``304 Not Modified``. What strict readers (libical, ical.js, khal, calcurse,
vdirsyncer) need, and where icalendar 7 must be steered, is in docs/design/calendar-feed.md.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Component, Event, vDuration, vText
from icalendar.prop import vDDDTypes

from ..domain import wording
from ..domain.errors import ValidationError
from ..domain.followups.followup import FollowUp
from ..domain.settings import Settings
from .events import FeedEvent
from .marks import FeedMark, as_utc, new_mark
from .zones import is_ambiguous, place_local_time, vtimezone_lines

FEED_NAME = 'CareerNet follow-ups'
FEED_DESCRIPTION = 'Who to thank, update and keep in touch with: your follow-ups from CareerNet.'
PRODID = '-//CareerNet//CareerNet//EN'
UID_DOMAIN = 'careernet'
REFRESH_INTERVAL = timedelta(hours=1)
TIMED_EVENT_LENGTH = timedelta(minutes=30)

# Everything a parser might take for the end of a line. icalendar already turns CR LF and
# bare CR into an escaped newline; the others are not line breaks in iCalendar, but some
# readers split on them (Python's str.splitlines does), so they become plain newlines too.
_LINE_BREAKS = re.compile('\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]')
# RFC 5545 TEXT may not contain control characters other than HTAB (and newline, escaped).
_CONTROLS = re.compile('[\x00-\x08\x0e-\x1f\x7f]')
# Characters a URI may carry as they are (RFC 3986 reserved and unreserved, and '%' so that
# an already-encoded link is not encoded twice); everything else is percent-encoded.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"
# RFC 5545: content lines SHOULD NOT be longer than 75 octets. Like icalendar, a folded piece
# holds at most 74, so a continuation line with its leading space stays within 75.
_FOLD_OCTETS = 74
_ESCAPES = b'\\^'  # TEXT (backslash) and RFC 6868 parameter (caret) escapes


class RenderedEvents:
    """Each event of the latest :func:`render_feed` given this, as bytes, with what it was made from.

    After a change, nearly every event of the feed is made from the very same follow-ups and
    marks as before (the engine's memo hands back the same objects), and rendering every event
    through icalendar again would be most of the feed's time (bench/README.md). A caller that renders again and
    again (the calendar service) keeps one and passes it to every call, which then renders only
    the events whose inputs changed. Like the follow-up memo, it keeps only what the latest
    render used, and two renders at once cannot corrupt it: the later one to finish wins, and
    every entry is right for what it was made from.
    """

    def __init__(self) -> None:
        self.kept: dict[str, tuple[tuple[object, ...], _Body]] = {}


def feed_fingerprints(
    events: Iterable[FeedEvent],
    settings: Settings,
    today: date,
    base_url: str,
    *,
    memo: RenderedEvents | None = None,
) -> dict[str, str]:
    """What each event's SEQUENCE follows: a hash of everything written into it but its marks.

    Args:
        events: The feed's events, as for :func:`render_feed`.
        settings: As for :func:`render_feed`.
        today: As for :func:`render_feed`.
        base_url: As for :func:`render_feed`.
        memo: As for :func:`render_feed`; the same memo then lets :func:`render_feed` reuse
            every event rendered here.

    Returns:
        16 hex digits per event key: the SHA-256 of the event's bytes without its UID, DTSTAMP
        and SEQUENCE lines. Any change to its dates, duration, alarm, time zone, text or link
        changes it, and nothing else does.

    Raises:
        ValidationError: Timed events are asked for in a time zone that is not known.
    """
    bodies = _event_bodies(list(events), settings, today, base_url, memo)
    return {key: hashlib.sha256(b''.join(body)).hexdigest()[:16] for key, body in bodies.items()}


def render_feed(
    events: Iterable[FeedEvent],
    settings: Settings,
    today: date,
    marks: Mapping[str, FeedMark],
    base_url: str,
    *,
    memo: RenderedEvents | None = None,
) -> bytes:
    """Render the calendar feed.

    Args:
        events: The feed's events (see :func:`~careernet_ui.calendar.events.feed_events`),
            in any order.
        settings: Feed settings: all-day or timed (time, time zone, alarm) and the horizon.
        today: Today's date in the user's time zone; overdue follow-ups are marked overdue.
        marks: Feed marks by event key (see :func:`~careernet_ui.calendar.marks.update_marks`).
            An event without a mark is shown as new: SEQUENCE 0, DTSTAMP the latest
            ``changed_at`` of its follow-ups, or else the start of ``today`` in UTC.
        base_url: Where CareerNet is reached, such as ``http://127.0.0.1:8080``; each
            event links to ``base_url`` + the follow-up's link.
        memo: For a caller that renders again and again: events made from the same inputs as
            in its previous render are reused. The bytes are the same with or without it.

    Returns:
        The ``text/calendar`` body: UTF-8, CRLF line endings, lines folded at 75 octets.

    Raises:
        ValidationError: Timed events are asked for in a time zone that is not known.
    """
    timing = _timing(settings)
    fallback_stamp = datetime.combine(today, time(), UTC)
    ordered = _in_feed_order(events)
    bodies = _event_bodies(ordered, settings, today, base_url, memo)
    rendered: list[bytes] = []
    for event in ordered:
        mark = marks.get(event.key) or new_mark(event, fallback_stamp)
        rendered.append(_marked_event(event, settings.calendar_id, mark, bodies[event.key]))

    calendar = _new_calendar()
    # The events go last in the calendar, before END:VCALENDAR, as Calendar.to_ical() places them.
    *opening, closing = _ical_lines(calendar)
    zones = [
        fold_content_line(line) + b'\r\n'
        for key in _zones_needed(timing, settings, bool(rendered))
        for line in vtimezone_lines(key, today.year, (today + timedelta(days=settings.feed_horizon_days + 1)).year)
    ]
    return b''.join([*opening, *zones, *rendered, closing])


def event_uid(key: str, calendar_id: str) -> str:
    """The UID of the feed event ``key`` in the data file whose calendar id is ``calendar_id``.

    Args:
        key: The event's key (:attr:`FeedEvent.key`).
        calendar_id: :attr:`Settings.calendar_id`.

    Returns:
        ``<key>@<calendar_id>.careernet``: unique per data file, and stable for as long as the
        follow-up (or the digest's day) is.
    """
    return _clean(f'{key}@{calendar_id}.{UID_DOMAIN}')


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    """One event of the feed as a calendar shows it: its day, its summary and where it leads."""

    day: date
    summary: str
    link: str
    followups: int
    """How many follow-ups the event stands for: 1, or a digest's count."""


def feed_agenda(events: Iterable[FeedEvent], today: date) -> list[AgendaEntry]:
    """The events :func:`render_feed` would write, in the same order, without the iCalendar.

    Args:
        events: The feed's events, as for :func:`render_feed`.
        today: Today's date in the user's time zone.

    Returns:
        One entry per event: a digest's entry counts its follow-ups; overdue follow-ups have
        "(overdue since …)" in the summary, as in the feed. ``link`` is relative to
        CareerNet's address (``/`` for a digest).
    """
    entries: list[AgendaEntry] = []
    for event in _in_feed_order(events):
        if event.digest:
            entries.append(AgendaEntry(day=event.day, summary=_digest_summary(event.count), link='/',
                                       followups=event.count))
        else:
            followup = event.listed[0]
            entries.append(AgendaEntry(day=event.day, summary=_item_summary(followup, today), link=followup.link,
                                       followups=1))
    return entries


def fold_content_line(line: str) -> bytes:
    """One iCalendar content line as UTF-8, folded as icalendar folds it.

    Pieces hold at most 74 octets, a UTF-8 sequence is never split, and a piece never ends
    in the backslash or caret that starts an escape (that character moves to the next piece,
    as icalendar does for clients that cannot unfold an escape). The result equals
    ``icalendar.parser.Contentline(line).to_ical()``; it works on whole slices of bytes rather
    than character by character.

    Args:
        line: The unfolded content line, without its CRLF.

    Returns:
        The folded line, pieces joined by CRLF and a space.
    """
    data = line.encode('utf-8')
    size = len(data)
    if size <= _FOLD_OCTETS:
        return data
    pieces = []
    start = 0
    while size - start > _FOLD_OCTETS:
        end = start + _FOLD_OCTETS
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: end before its character
            end -= 1
        if end - 1 > start and data[end - 1] in _ESCAPES:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b'\r\n '.join(pieces)


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


def _ical_lines(component: Component) -> list[bytes]:
    """The lines ``component.to_ical()`` writes (folded, each ending in CRLF), with a faster fold."""
    return [fold_content_line(line) + b'\r\n' for line in component.content_lines() if line]


def _zones_needed(timing: _Timing, settings: Settings, has_events: bool) -> list[str]:
    """The zones to write a VTIMEZONE for.

    Timed events in a zone icalendar writes with a TZID need its VTIMEZONE (UTC is written as
    ``Z``). A calendar without events still needs one component (RFC 5545 3.6): the user's zone,
    or UTC when the stored zone is unknown (possible in all-day mode, which does not check it).
    The VTIMEZONE covers whole calendar years, so it changes once a year, not daily.
    """
    if has_events:
        if timing.zone is not None and 'TZID' in vDDDTypes(datetime(2000, 1, 1, tzinfo=timing.zone)).params:
            return [timing.zone.key]
        return []
    if timing.zone is not None:
        return [timing.zone.key]
    try:
        return [ZoneInfo(settings.timezone).key]
    except (ZoneInfoNotFoundError, ValueError):
        return ['UTC']


_Body = tuple[bytes, bytes]
"""An event's lines but UID, DTSTAMP and SEQUENCE: those before them (BEGIN:VEVENT, SUMMARY, DTSTART,
DTEND or DURATION), and those after, up to END:VEVENT; in the order icalendar writes them."""


def _event_bodies(events: list[FeedEvent], settings: Settings, today: date, base_url: str,
                  memo: RenderedEvents | None) -> dict[str, _Body]:
    """Each event's lines but its UID, DTSTAMP and SEQUENCE, by key."""
    timing = _timing(settings)
    previous = memo.kept if memo is not None else {}
    kept: dict[str, tuple[tuple[object, ...], _Body]] = {}
    for event in events:
        # Everything the event's lines are made from (its key is the dict's).
        made_from = (event.day, event.digest, event.count, tuple(event.listed), today, base_url, timing)
        remembered = previous.get(event.key)
        if remembered is not None and remembered[0] == made_from:
            body = remembered[1]
        elif event.digest:
            body = _body_lines(_digest_event(event, today, base_url, timing))
        else:
            body = _body_lines(_followup_event(event, today, base_url, timing))
        kept[event.key] = (made_from, body)
    if memo is not None:
        memo.kept = kept
    return {key: body for key, (_, body) in kept.items()}


def _body_lines(event: Event) -> _Body:
    """The event's folded lines, split where icalendar writes DTSTAMP, UID and SEQUENCE."""
    lines = _ical_lines(event)
    # icalendar writes SUMMARY, DTSTART, then DTEND or DURATION first (Event.canonical_order).
    return b''.join(lines[:4]), b''.join(lines[4:])


def _marked_event(event: FeedEvent, calendar_id: str, mark: FeedMark, body: _Body) -> bytes:
    """The whole VEVENT: ``body`` with the DTSTAMP, UID and SEQUENCE (what is not fingerprinted) of ``mark``."""
    # Written by hand, as icalendar writes them (DTSTAMP in UTC in whole seconds, a naive time taken
    # as UTC; UID escaped as TEXT): making an icalendar Event per event per render costs ten times
    # what the rest of a render from the memo does.
    uid = vText(event_uid(event.key, calendar_id)).to_ical().decode('utf-8')
    lines = (
        f'DTSTAMP:{as_utc(mark.changed_at):%Y%m%dT%H%M%SZ}',
        f'UID:{uid}',
        f'SEQUENCE:{mark.sequence}',
    )
    before, after = body
    return before + b''.join(fold_content_line(line) + b'\r\n' for line in lines) + after


def _in_feed_order(events: Iterable[FeedEvent]) -> list[FeedEvent]:
    """By day, then by key (a day holds one digest, or its follow-ups' own events)."""
    return sorted(events, key=lambda event: (event.day, _clean(event.key)))


def _new_calendar() -> Calendar:
    # No UID and no METHOD: see the module docstring.
    # Not Calendar.new(), which adds a random calendar UID unless given one.
    calendar = Calendar()
    calendar.add('VERSION', '2.0')
    calendar.add('PRODID', PRODID)
    calendar.add('CALSCALE', 'GREGORIAN')
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


def _followup_event(event: FeedEvent, today: date, base_url: str, timing: _Timing) -> Event:
    followup = event.listed[0]
    url = _page_url(base_url, followup.link)
    summary = _item_summary(followup, today)
    reason = _clean(followup.reason).strip()
    description = [reason] if reason else []
    if followup.due < today:
        description.append(f'Overdue since {wording.day_label(followup.due)}.')
    description.append(f'Open in CareerNet: {url}')

    return _event(event, timing, summary=summary, description='\n\n'.join(description), url=url,
                  category=_kind_label(followup.kind))


def _digest_event(event: FeedEvent, today: date, base_url: str, timing: _Timing) -> Event:
    """One event standing for every follow-up of a crowded day; it lists the first few."""
    count = event.count
    home = _page_url(base_url, '')
    summary = _digest_summary(count)
    lines = [f'{count:,} follow-ups for {wording.day_label(event.day)}:', '']
    for followup in event.listed:
        lines.append(f'- {_item_summary(followup, today)}')
        lines.append(f'  {_page_url(base_url, followup.link)}')
    if count > len(event.listed):
        lines.extend(['', f'…and {count - len(event.listed):,} more in CareerNet: {home}'])

    return _event(event, timing, summary=summary, description='\n'.join(lines), url=home, category='Digest')


def _event(event: FeedEvent, timing: _Timing, *, summary: str, description: str, url: str,
           category: str) -> Event:
    """The VEVENT for ``event`` but its UID, DTSTAMP and SEQUENCE (see :func:`_marked_event`)."""
    calendar_event = Event()
    calendar_event.add('SUMMARY', summary)
    calendar_event.add('DESCRIPTION', description)
    calendar_event.add('URL', url)
    calendar_event.add('CATEGORIES', ['CareerNet', category])
    _schedule_event(calendar_event, event.day, summary, timing)
    return calendar_event


def _schedule_event(event: Event, day: date, summary: str, timing: _Timing) -> None:
    """Place the event on ``day``: all day, or at the chosen time with an alarm."""
    # A reminder should not mark the user busy for meetings others book.
    event.add('TRANSP', 'TRANSPARENT')
    if timing.zone is None:
        event.add('DTSTART', day)
        event.add('DTEND', day + timedelta(days=1))
        return
    start = place_local_time(day, timing.at, timing.zone)
    # A local time in a fall-back overlap occurs twice and readers differ on which they take:
    # the first occurrence (RFC 5545 3.3.5) is written in UTC, which no reader can misplace.
    event.add('DTSTART', start.astimezone(UTC) if is_ambiguous(start) else start)
    # The end is computed in real time and written in UTC. An end in local time can fall before the
    # start (02:30 + 30 min = 03:00 on a spring-forward day is 01:00 UTC) or into the other
    # occurrence of an overlap; and libical adds a DURATION to the local wall-clock time (01:30 +
    # PT30M = 02:00, which does not exist on Los Angeles' spring-forward day, read as 09:00 UTC).
    event.add('DTEND', start.astimezone(UTC) + TIMED_EVENT_LENGTH)
    alarm = Alarm()
    alarm.add('ACTION', 'DISPLAY')
    alarm.add('TRIGGER', -timing.alarm_before)
    alarm.add('DESCRIPTION', summary)
    event.add_component(alarm)


def _item_summary(followup: FollowUp, today: date) -> str:
    title = _one_line(followup.title) or 'CareerNet follow-up'
    if followup.due < today:
        return f'{title} (overdue since {wording.day_label(followup.due)})'
    return title


def _digest_summary(count: int) -> str:
    return f'CareerNet: {count:,} follow-ups'


def _kind_label(kind: str) -> str:
    """``keep_in_touch`` -> ``Keep in touch``."""
    return _one_line(_clean(kind).replace('_', ' ').replace('-', ' ')).capitalize() or 'Follow-up'


def _clean(text: str) -> str:
    """User text made safe as iCalendar TEXT; icalendar then escapes ``\\ ; , newline``."""
    return _CONTROLS.sub('', _LINE_BREAKS.sub('\n', text))


def _one_line(text: str) -> str:
    """User text for a title: controls gone, each run of whitespace (line breaks too) one space."""
    return ' '.join(_clean(text).split())


def _page_url(base_url: str, link: str) -> str:
    """``base_url`` + ``link`` as a URI: spaces, controls and non-ASCII percent-encoded."""
    url = f'{base_url.rstrip("/")}/{link.lstrip("/")}'
    return quote(url, safe=_URI_SAFE)
