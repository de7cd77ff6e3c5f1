"""The feed in independent implementations: libical (Evolution, GNOME), ical.js (Thunderbird), khal, calcurse.

Each feed case is read by each tool, which must report no error, take every event, and place each
one at the instant zoneinfo gives (RFC 5545 3.3.5: a local time in a gap in the offset before it, one
in an overlap at its first occurrence), ending 30 minutes later in real time. The cases are all-day
and timed feeds in four zones over both clock changes of a year, with events on the changes
themselves at a time inside the gap and the overlap, a digest, the empty network, and hostile names.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from careernet_ui.calendar.events import FeedEvent, feed_events
from careernet_ui.calendar.feed import TIMED_EVENT_LENGTH, event_uid, render_feed
from careernet_ui.calendar.marks import update_marks
from careernet_ui.domain.followups.followup import FollowUp
from careernet_ui.domain.settings import Settings

BASE_URL = 'http://127.0.0.1:8080'
NOW = datetime(2026, 2, 20, 12, tzinfo=UTC)
TODAY = date(2026, 3, 1)
HOSTILE_NAMES = (
    'Dana Okafor, Jr.; PhD',
    'back\\slash \\n \\, \\; Ana',
    'Line\r\nbreak\nName\rEND:VEVENT',
    'Zoë Łukasz 🎉 山田太郎 👩🏽‍💻',
    'מרים כהן \u202bدانة\u202c',
    'N' * 200,
)


@dataclass(frozen=True)
class FeedCase:
    """A feed to check: settings and the days follow-ups fall due on (before TODAY: overdue)."""

    settings: dict[str, Any]
    days: tuple[date, ...]
    today: date = TODAY


def timed(zone: str, at: str, *days: date, **extra: Any) -> FeedCase:
    """A timed feed in ``zone`` at ``at``, over a horizon that spans both clock changes and a new year."""
    settings = {'feed_all_day': False, 'timezone': zone, 'feed_time': at, 'feed_horizon_days': 400, **extra}
    return FeedCase(settings=settings, days=(date(2026, 2, 1), *days, date(2026, 7, 1), date(2027, 1, 15)))


CASES = {
    'all-day': FeedCase(settings={'timezone': 'Europe/Berlin', 'feed_horizon_days': 400},
                        days=(date(2026, 2, 1), date(2026, 3, 29), date(2026, 10, 25), date(2027, 1, 15))),
    # Berlin: the gap is 02:00-03:00 on 29 March, the overlap 02:00-03:00 on 25 October.
    'berlin-gap-and-overlap': timed('Europe/Berlin', '02:30', date(2026, 3, 29), date(2026, 10, 25)),
    # Los Angeles: the gap is 02:00-03:00 on 8 March, the overlap 01:00-02:00 on 1 November.
    'los-angeles-gap': timed('America/Los_Angeles', '02:30', date(2026, 3, 8), date(2026, 11, 1)),
    'los-angeles-overlap': timed('America/Los_Angeles', '01:30', date(2026, 3, 8), date(2026, 11, 1)),
    # Sydney: the overlap is 02:00-03:00 on 5 April, the gap 02:00-03:00 on 4 October.
    'sydney-gap-and-overlap': timed('Australia/Sydney', '02:30', date(2026, 4, 5), date(2026, 10, 4)),
    'kolkata': timed('Asia/Kolkata', '23:45', date(2026, 3, 29)),
    'digest-in-the-gap': timed('Europe/Berlin', '02:30', *([date(2026, 3, 29)] * 4), feed_digest_threshold=2),
    'empty-all-day': FeedCase(settings={'timezone': 'America/Los_Angeles'}, days=()),
    'empty-timed': FeedCase(settings={'feed_all_day': False, 'timezone': 'Australia/Sydney'}, days=()),
}


@dataclass(frozen=True)
class Feed:
    """A rendered case: its file, and where each event must be (UID -> start, end)."""

    path: Path
    expected: dict[str, tuple[str, str]]


@pytest.fixture(params=list(CASES), ids=list(CASES))
def feed(request: pytest.FixtureRequest, tmp_path: Path) -> Feed:
    case = CASES[request.param]
    settings = Settings(**case.settings)
    followups = [
        FollowUp(
            id=f'contact-{n}:keep_in_touch',
            kind='keep_in_touch',
            due=day,
            title=f'Call {HOSTILE_NAMES[n % len(HOSTILE_NAMES)]}',
            reason=f'Reason with\r\nline breaks, commas; and {HOSTILE_NAMES[n % len(HOSTILE_NAMES)]}',
            link=f'/contacts/contact-{n}',
            contact_id=f'contact-{n}',
        )
        for n, day in enumerate(case.days)
    ]
    events = feed_events(followups, settings, case.today)
    body = render_feed(events, settings, case.today, update_marks(events, {}, NOW), BASE_URL)
    path = tmp_path / 'feed.ics'
    path.write_bytes(body)
    expected = {event_uid(event.key, settings.calendar_id): placed(event, settings) for event in events}
    return Feed(path=path, expected=expected)


def placed(event: FeedEvent, settings: Settings) -> tuple[str, str]:
    """Where the event must be, worked out from zoneinfo alone: (start, end) in UTC, or dates."""
    if settings.feed_all_day:
        return event.day.isoformat(), (event.day + timedelta(days=1)).isoformat()
    hours, minutes = map(int, settings.feed_time.split(':'))
    # fold=0 is RFC 5545 3.3.5's reading: the offset before a gap, the first occurrence in an overlap.
    start = datetime.combine(event.day, time(hours, minutes)).replace(tzinfo=ZoneInfo(settings.timezone), fold=0)
    start = start.astimezone(UTC)
    return start.isoformat(), (start + TIMED_EVENT_LENGTH).isoformat()


def run(args: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=120, **options)


def test_libical_parses_it_with_no_error_and_restriction_check_passes(feed: Feed, libical_check: Path) -> None:
    done = run([str(libical_check), str(feed.path)])

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line for line in lines if line.startswith('ERROR')] == []
    read = {}
    for line in lines:
        _, uid, start, end = line.split(' ')
        read[uid] = (_libical_time(start), _libical_time(end))
    assert read == feed.expected


def test_icaljs_parses_it_with_no_error(feed: Feed, icaljs: list[str]) -> None:
    done = run([*icaljs, str(feed.path)])

    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)['events']
    read = {event['uid']: (_js_time(event['start']), _js_time(event['end'])) for event in events}
    assert read == feed.expected
    assert all('\n' not in event['summary'] and '\r' not in event['summary'] for event in events)


def test_khal_imports_every_event(feed: Feed, khal: str, tmp_path: Path) -> None:
    calendar = tmp_path / 'khal' / 'calendar'
    calendar.mkdir(parents=True)
    config = tmp_path / 'khal' / 'config'
    config.write_text(KHAL_CONFIG.format(path=calendar), encoding='utf-8')

    done = run([khal, '-c', str(config), 'import', '--batch', str(feed.path)],
               env={**os.environ, 'XDG_DATA_HOME': str(tmp_path / 'khal'), 'TZ': 'UTC'})

    assert done.returncode == 0, done.stderr[-2000:]
    imported = sorted(calendar.glob('*.ics'))
    assert len(imported) == len(feed.expected)
    uids = {re.search(r'^UID:(.*)$', path.read_text(encoding='utf-8'), re.M)[1].strip()  # type: ignore[index]
            for path in imported}
    assert uids == set(feed.expected)


def test_calcurse_imports_every_event_and_skips_none(feed: Feed, calcurse: str, tmp_path: Path) -> None:
    folder = tmp_path / 'calcurse'
    folder.mkdir()

    done = run([calcurse, '-D', str(folder), '-C', str(folder), '-i', str(feed.path)],
               env={**os.environ, 'TZ': 'UTC', 'HOME': str(tmp_path)})

    assert done.returncode == 0, done.stdout + done.stderr
    report = re.search(r'(\d+) apps / (\d+) events / (\d+) todos / (\d+) skipped', done.stdout)
    assert report is not None, done.stdout
    appointments, all_day, _, skipped = map(int, report.groups())
    assert skipped == 0
    assert appointments + all_day == len(feed.expected)
    apts = (folder / 'apts').read_text(encoding='utf-8') if (folder / 'apts').exists() else ''
    starts = sorted(_calcurse_start(line) for line in apts.splitlines())
    assert starts == sorted(start for start, _ in feed.expected.values())


KHAL_CONFIG = """\
[calendars]
[[feed]]
path = {path}
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC
[default]
default_calendar = feed
"""


def _libical_time(text: str) -> str:
    """``20260329T013000Z`` -> ISO in UTC; ``20260329`` -> ``2026-03-29``."""
    if 'T' not in text:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    return datetime.strptime(text, '%Y%m%dT%H%M%SZ').replace(tzinfo=UTC).isoformat()


def _js_time(text: str) -> str:
    """ical.js's ``2026-03-29T01:30:00.000Z`` or ``2026-03-29`` -> the same forms as :func:`placed`."""
    if 'T' not in text:
        return text
    return datetime.fromisoformat(text.replace('Z', '+00:00')).isoformat()


def _calcurse_start(line: str) -> str:
    """A calcurse ``apts`` line's start: ``03/29/2026 @ 01:30 -> …`` (TZ=UTC) or ``03/29/2026 [1] …`` (all day)."""
    timed_start = re.match(r'(\d\d)/(\d\d)/(\d{4}) @ (\d\d):(\d\d) ->', line)
    if timed_start:
        month, day, year, hours, minutes = map(int, timed_start.groups())
        return datetime(year, month, day, hours, minutes, tzinfo=UTC).isoformat()
    all_day = re.match(r'(\d\d)/(\d\d)/(\d{4}) \[', line)
    assert all_day is not None, line
    month, day, year = map(int, all_day.groups())
    return date(year, month, day).isoformat()
