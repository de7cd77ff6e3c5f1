"""Meetings from calendar files: Google Takeout's ``Calendar/*.ics``, Apple's and Outlook's exports.

Each past occurrence of an event with attendees is a meeting with every attendee but the user
(a weekly 1:1 is one meeting a week: recurrences are expanded with ``recurring-ical-events``).
Cancelled occurrences, ones the user declined, and attendees who declined are left out. Google
files name their zone in ``X-WR-TIMEZONE`` only; ``x-wr-timezone`` makes their times right.
Outlook's Windows zone names ("W. Europe Standard Time") are mapped by icalendar.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import icalendar
import recurring_ical_events
import x_wr_timezone

from careernet_ui.domain.interactions import Direction

from .errors import ImportFormatError, ImportTooLargeError
from .keys import email_key

MAX_BYTES = 100 * 1024 * 1024
MAX_OCCURRENCES = 500_000
"""Occurrences read from one file at most: a daily meeting for 20 years is 7,300."""

EARLIEST = date(1970, 1, 1)


@dataclass(kw_only=True, slots=True)
class Exchange:
    """One dated exchange with one person known by their e-mail address."""

    address: str  # email_key of the address
    name: str
    on: date
    key: str  # stable across exports: the same exchange gives the same record
    title: str = ''
    direction: Direction = Direction.UNKNOWN


@dataclass(kw_only=True, slots=True)
class AddressHistory:
    """Exchanges read from a calendar file or a mailbox, and what was left out."""

    exchanges: list[Exchange] = field(default_factory=list)
    noise: Counter[str] = field(default_factory=Counter)
    own_addresses: tuple[str, ...] = ()
    read: int = 0  # occurrences or messages looked at


def read_calendar(
    source: Path | bytes,
    *,
    own_addresses: Iterable[str] = (),
    zone: tzinfo = UTC,
    today: date,
    max_bytes: int = MAX_BYTES,
) -> AddressHistory:
    """Read the meetings in an iCalendar file up to ``today``.

    Args:
        source: The .ics file's path or bytes.
        own_addresses: The user's e-mail addresses; when empty, the address on most events is taken.
        zone: The user's time zone, for the day of a meeting.
        today: Occurrences after this day are not meetings yet.
        max_bytes: Refuse larger files.

    Raises:
        ImportFormatError: Not an iCalendar file, or too large.
    """
    calendar = _parse(read_bytes(source, max_bytes))
    history = AddressHistory()
    window_end = today + timedelta(days=1)
    try:
        occurrences = recurring_ical_events.of(calendar, skip_bad_series=True).between(EARLIEST, window_end)
    except Exception as error:  # the library raises many kinds on a malformed rule
        raise ImportFormatError(
            f'The calendar has an event that cannot be read ({error}); nothing was imported.') from None
    if len(occurrences) > MAX_OCCURRENCES:
        history.noise[f'occurrences beyond the first {MAX_OCCURRENCES:,}'] = len(occurrences) - MAX_OCCURRENCES
        occurrences = occurrences[:MAX_OCCURRENCES]
    mine = {email_key(address) for address in own_addresses if address.strip()}
    if not mine:
        mine = _recognise_owner(occurrences, str(calendar.get('X-WR-CALNAME', '')))
    history.own_addresses = tuple(sorted(mine))
    for event in occurrences:
        history.read += 1
        _read_event(history, event, mine, zone, today)
    return history


def _parse(data: bytes) -> icalendar.Calendar:
    if b'BEGIN:VCALENDAR' not in data[:4096].upper():
        raise ImportFormatError(
            'This is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR. Export your calendar '
            'again (Google: Takeout → Calendar; Apple Calendar: File → Export; Outlook: Save Calendar) and import '
            'the .ics file.'
        )
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except ValueError as error:
        raise ImportFormatError(f'This calendar file cannot be read ({error}). Export it again.') from None
    calendar = calendars[0]
    for extra in calendars[1:]:
        for component in extra.subcomponents:
            calendar.add_component(component)
    if calendar.get('X-WR-TIMEZONE'):
        calendar = x_wr_timezone.to_standard(calendar)
    return calendar


def _recognise_owner(events: list[Any], calendar_name: str) -> set[str]:
    """The user's address: Google names the calendar after it; else the one on most events."""
    if '@' in calendar_name and ' ' not in calendar_name.strip():
        return {email_key(calendar_name)}
    seen: Counter[str] = Counter()
    with_people = 0
    for event in events:
        people = {address for address, _, _ in _people(event)}
        if len(people) > 1:
            with_people += 1
            seen.update(people)
            organizer = _people_of(event.get('ORGANIZER'))
            seen.update(organizer)  # a tie (a file of one meeting) goes to whoever organises: the exporter
    if not seen:
        return set()
    address, count = seen.most_common(1)[0]
    return {address} if count * 2 >= with_people else set()


def _read_event(history: AddressHistory, event: Any, mine: set[str], zone: tzinfo, today: date) -> None:
    noise = history.noise
    if str(event.get('STATUS', '')).upper() == 'CANCELLED':
        noise['cancelled events'] += 1
        return
    people = _people(event)
    if any(address in mine and status == 'DECLINED' for address, _, status in people):
        noise['events you declined'] += 1
        return
    start = event.get('DTSTART')
    if start is None:
        noise['events without a start'] += 1
        return
    on = _day(start.dt, zone)
    if on > today:
        return
    others = [(address, name) for address, name, status in people if address not in mine and status != 'DECLINED']
    if not others:
        noise['events without anyone else'] += 1
        return
    uid = str(event.get('UID', ''))
    title = str(event.get('SUMMARY', ''))
    stamp = start.dt.isoformat()
    for address, name in dict(others).items():
        history.exchanges.append(Exchange(address=address, name=name, on=on, key=f'{uid}|{stamp}', title=title))


def _people(event: Any) -> list[tuple[str, str, str]]:
    """Every attendee and the organizer as ``(address key, name, participation status)``."""
    found: list[tuple[str, str, str]] = []
    attendees = event.get('ATTENDEE', [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    organizer = event.get('ORGANIZER')
    for person in [*attendees, *([organizer] if organizer is not None else [])]:
        params = getattr(person, 'params', {})
        address = str(params.get('EMAIL', '')) or str(person)
        if address.casefold().startswith('mailto:'):
            address = address[7:]
        if '@' not in address:
            continue
        name, status = str(params.get('CN', '')).strip('"'), str(params.get('PARTSTAT', '')).upper()
        found.append((email_key(address), name, status))
    return found


def _people_of(organizer: Any) -> list[str]:
    if organizer is None:
        return []
    address = str(getattr(organizer, 'params', {}).get('EMAIL', '')) or str(organizer)
    address = address[7:] if address.casefold().startswith('mailto:') else address
    return [email_key(address)] if '@' in address else []


def _day(value: date | datetime, zone: tzinfo) -> date:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(zone)
        return value.date()
    return value


def read_bytes(source: Path | bytes, max_bytes: int) -> bytes:
    """The file's bytes, refused when larger than ``max_bytes``.

    Raises:
        ImportTooLargeError: The file is larger than ``max_bytes``.
        ImportFormatError: The file cannot be read.
    """
    if isinstance(source, bytes):
        data = source
    else:
        try:
            with source.open('rb') as file:
                data = file.read(max_bytes + 1)
        except OSError as error:
            raise ImportFormatError(f'Cannot read {source}: {error.strerror or error}.') from None
    if len(data) > max_bytes:
        raise ImportTooLargeError(
            f'The file is larger than {max_bytes / 1024 / 1024:,.0f} MB, more than calendar imports take. '
            'Export a shorter period and import that.'
        )
    return data
