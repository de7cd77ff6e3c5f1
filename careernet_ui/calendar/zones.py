"""VTIMEZONE components written from the machine's zoneinfo transitions, and local times placed safely.

Why not icalendar's ``Calendar.add_missing_timezones``: icalendar 7.3 writes each spring-forward
onset in the *new* offset (Berlin's DAYLIGHT ``DTSTART:…T030000``), an hour late, so libical
turns the instant of the change into a local time that does not exist. RFC 5545 3.6.5 says an
observance's DTSTART is the local time in the offset *before* it (TZOFFSETFROM): ``…T020000``
for Berlin.

A VTIMEZONE here lists every change of offset in the whole calendar years a feed spans, each
as a dated observance (no RRULE for a reader to expand differently), after one opening
observance holding the offset at the start of the first year. Nothing but TZID, the
observances, and in them DTSTART, TZOFFSETFROM, TZOFFSETTO and TZNAME is written (RFC 5545
allows no COMMENT in VTIMEZONE itself).

Local times follow RFC 5545 3.3.5, and are written so that no reader has to apply it:

- a local time that does not exist (inside a spring-forward gap) means the instant it names in
  the offset before the gap, so 02:30 on Berlin's spring-forward day is 01:30 UTC, written as
  the local time that instant really has, 03:30;
- a local time that occurs twice (inside a fall-back overlap) means its first occurrence; it is
  written in UTC, as readers disagree about which occurrence a local time in an overlap means.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import vText

_DAY = timedelta(days=1)
_SECOND = timedelta(seconds=1)


@dataclass(frozen=True, slots=True)
class Observance:
    """One period of a zone's rules, from ``onset`` on."""

    onset: datetime
    """When it starts, in UTC."""
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool

    @property
    def local_onset(self) -> datetime:
        """DTSTART as RFC 5545 wants it: the onset in the offset in effect before it, naive."""
        return (self.onset + self.offset_from).replace(tzinfo=None)


def place_local_time(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The instant the local time ``at`` on ``day`` in ``zone`` names, by RFC 5545 3.3.5.

    Args:
        day: The local date.
        at: The local time of day.
        zone: The zone.

    Returns:
        An aware datetime in ``zone``: the local time itself when it exists once; for one in a
        gap, the instant it names in the offset before the gap (02:30 -> 03:30 on a one-hour
        spring-forward), with its real local time; for one that occurs twice, the first
        occurrence.
    """
    naive = datetime.combine(day, at)
    # zoneinfo reads fold=0 as RFC 5545 does: the first occurrence, and the offset before a gap.
    instant = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    return instant.astimezone(zone)


def is_ambiguous(moment: datetime) -> bool:
    """Whether the local wall-clock time of ``moment`` (aware) occurs twice in its zone."""
    naive = moment.replace(tzinfo=None)
    zone = moment.tzinfo
    return naive.replace(tzinfo=zone, fold=0).utcoffset() != naive.replace(tzinfo=zone, fold=1).utcoffset()


def vtimezone_lines(key: str, first_year: int, last_year: int) -> tuple[str, ...]:
    """The content lines (unfolded, without CRLF) of the VTIMEZONE for zone ``key``.

    Args:
        key: An IANA zone name, such as ``Europe/Berlin``.
        first_year: The first calendar year it must cover.
        last_year: The last calendar year it must cover.

    Returns:
        ``BEGIN:VTIMEZONE`` … ``END:VTIMEZONE``. The same arguments always give the same lines.
    """
    return _vtimezone_lines(key, first_year, last_year)


@lru_cache(maxsize=64)
def _vtimezone_lines(key: str, first_year: int, last_year: int) -> tuple[str, ...]:
    # In the order icalendar writes them, so that parsing and writing the feed again gives its bytes.
    lines = ['BEGIN:VTIMEZONE', f'TZID:{key}']
    for observance in observances(ZoneInfo(key), first_year, last_year):
        kind = 'DAYLIGHT' if observance.daylight else 'STANDARD'
        lines.extend((
            f'BEGIN:{kind}',
            f'DTSTART:{observance.local_onset:%Y%m%dT%H%M%S}',
            f'TZNAME:{vText(observance.name).to_ical().decode()}',
            f'TZOFFSETFROM:{_offset(observance.offset_from)}',
            f'TZOFFSETTO:{_offset(observance.offset_to)}',
            f'END:{kind}',
        ))
    lines.append('END:VTIMEZONE')
    return tuple(lines)


def observances(zone: ZoneInfo, first_year: int, last_year: int) -> list[Observance]:
    """The observances of ``zone`` from the start of ``first_year`` to the end of ``last_year`` (UTC).

    Args:
        zone: The zone.
        first_year: The first year.
        last_year: The last year.

    Returns:
        One opening observance at 1 January ``first_year`` 00:00 UTC (offset from = to), then one
        per change of offset, name or daylight saving, found from ``zoneinfo`` to the second.
    """
    start = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    state = _state(zone, start)
    found = [Observance(onset=start, offset_from=state[0], offset_to=state[0], name=state[1], daylight=state[2])]
    moment = start
    while moment < end:
        following = min(moment + _DAY, end)
        after = _state(zone, following)
        if after != state:
            onset = _change_between(zone, moment, following, state)
            changed = _state(zone, onset)
            found.append(Observance(onset=onset, offset_from=state[0], offset_to=changed[0], name=changed[1],
                                    daylight=changed[2]))
            state = changed
            moment = onset
            continue
        moment = following
    return found


_State = tuple[timedelta, str, bool]


def _state(zone: ZoneInfo, instant: datetime) -> _State:
    local = instant.astimezone(zone)
    offset = local.utcoffset() or timedelta(0)
    return offset, local.tzname() or _offset(offset), bool(local.dst())


def _change_between(zone: ZoneInfo, before: datetime, after: datetime, state: _State) -> datetime:
    """The first instant in (before, after] whose state differs from ``state`` (at ``before``)."""
    while after - before > _SECOND:
        middle = before + (after - before) / 2
        middle = middle.replace(microsecond=0)
        if middle <= before:
            middle = before + _SECOND
        if _state(zone, middle) == state:
            before = middle
        else:
            after = middle
    return after


def _offset(offset: timedelta) -> str:
    """``+0100``, ``-0330``, or with seconds when a zone has them (``+005328``)."""
    seconds = int(offset.total_seconds())
    sign = '-' if seconds < 0 else '+'
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f'{sign}{hours:02d}{minutes:02d}' + (f'{seconds:02d}' if seconds else '')
