"""VTIMEZONEs from zoneinfo, and local times placed by RFC 5545 3.3.5."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from careernet_ui.calendar.zones import is_ambiguous, place_local_time, vtimezone_lines

BERLIN = ZoneInfo('Europe/Berlin')


def test_berlin_onsets_are_the_local_times_before_each_change() -> None:
    """Regression: icalendar's add_missing_timezones writes the DAYLIGHT onset as T030000, an hour late."""
    assert vtimezone_lines('Europe/Berlin', 2026, 2026) == (
        'BEGIN:VTIMEZONE',
        'TZID:Europe/Berlin',
        'BEGIN:STANDARD',
        'DTSTART:20260101T010000',
        'TZNAME:CET',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:20260329T020000',
        'TZNAME:CEST',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'END:DAYLIGHT',
        'BEGIN:STANDARD',
        'DTSTART:20261025T030000',
        'TZNAME:CET',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
        'END:VTIMEZONE',
    )


@pytest.mark.parametrize(
    ('key', 'onsets'),
    [
        ('America/Los_Angeles', ['20251231T160000', '20260308T020000', '20261101T020000']),
        ('Australia/Sydney', ['20260101T110000', '20260405T030000', '20261004T020000']),
        ('Australia/Lord_Howe', ['20260101T110000', '20260405T020000', '20261004T020000']),  # half-hour shift
        ('Asia/Kolkata', ['20260101T053000']),  # no clock changes: one observance
    ],
)
def test_each_zone_lists_its_changes_of_the_year_in_the_offset_before_them(key: str, onsets: list[str]) -> None:
    lines = vtimezone_lines(key, 2026, 2026)

    assert [line.removeprefix('DTSTART:') for line in lines if line.startswith('DTSTART:')] == onsets
    assert not any(line.startswith('COMMENT') for line in lines)  # RFC 5545 3.6.5 allows none


def test_a_local_time_in_the_spring_gap_is_read_in_the_offset_before_it() -> None:
    placed = place_local_time(date(2026, 3, 29), time(2, 30), BERLIN)

    assert placed.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert (placed.hour, placed.minute) == (3, 30)  # written as the local time that instant has
    assert not is_ambiguous(placed)


def test_a_local_time_in_the_autumn_overlap_is_its_first_occurrence() -> None:
    placed = place_local_time(date(2026, 10, 25), time(2, 30), BERLIN)

    assert placed.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST, not CET
    assert is_ambiguous(placed)


def test_an_ordinary_local_time_is_kept() -> None:
    placed = place_local_time(date(2026, 7, 1), time(9, 30), BERLIN)

    assert placed == datetime(2026, 7, 1, 9, 30, tzinfo=BERLIN)
    assert not is_ambiguous(placed)
