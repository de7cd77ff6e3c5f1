"""Properties of the feed for any network and settings, checked against zoneinfo with a reader written here.

For random follow-ups, days, time zones (with and without daylight saving, half-hour offsets and
a half-hour shift), times (in gaps and overlaps too) and horizons: every event ends after it starts
in UTC; every TZID has a VTIMEZONE, whose every observance agrees with zoneinfo, and which places
every event where zoneinfo does; UIDs are unique; the same data in any order gives the same bytes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from careernet_ui.calendar.events import feed_events
from careernet_ui.calendar.feed import render_feed
from careernet_ui.calendar.marks import update_marks
from careernet_ui.demo import generate_network
from careernet_ui.domain.followups.engine import unsorted_due_follow_ups
from careernet_ui.domain.followups.followup import FollowUp
from careernet_ui.domain.network import Network
from careernet_ui.domain.settings import Settings

ZONES = (
    'UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns',
    'Pacific/Chatham', 'Australia/Lord_Howe', 'America/Santiago', 'Europe/Dublin', 'Africa/Casablanca',
)
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Observance:
    onset: datetime  # UTC
    offset_from: timedelta
    offset_to: timedelta


@st.composite
def feeds(draw: st.DrawFn) -> tuple[list[FollowUp], Settings, date]:
    today = draw(st.dates(date(2021, 1, 1), date(2034, 12, 31)))
    horizon = draw(st.integers(1, 400))
    feed_settings = Settings(
        feed_all_day=draw(st.booleans()),
        # Clock changes happen at 00:00-04:00 local time: draw those often.
        feed_time=f'{draw(st.one_of(st.integers(0, 3), st.integers(0, 23))):02d}:'
                  f'{draw(st.sampled_from([0, 15, 30, 45, 59])):02d}',
        timezone=draw(st.sampled_from(ZONES)),
        feed_horizon_days=horizon,
        feed_digest_threshold=draw(st.integers(1, 6)),
        feed_alarm_minutes=draw(st.integers(0, 120)),
    )
    followups = [
        FollowUp(
            id=f'contact-{n}:keep_in_touch',
            kind='keep_in_touch',
            due=today + timedelta(days=draw(st.integers(-30, horizon + 5))),
            title=draw(st.text(min_size=1, max_size=40)),
            reason=draw(st.text(max_size=40)),
            link=f'/contacts/contact-{n}',
            contact_id=f'contact-{n}',
        )
        for n in range(draw(st.integers(0, 12)))
    ]
    return followups, feed_settings, today


@st.composite
def networks(draw: st.DrawFn) -> tuple[list[FollowUp], Settings, date]:
    """Follow-ups as the engine makes them from a random demo-style network, with random feed settings."""
    _, feed_settings, today = draw(feeds())
    records = generate_network(today, seed=draw(st.integers(0, 10_000)), contacts=draw(st.integers(1, 12)),
                               interactions=draw(st.integers(0, 40)), accomplishments=2, feedback=3,
                               applications=draw(st.integers(0, 2)), reference_requests=2, introductions=1)
    network = Network(contacts=records.contacts, interactions=records.interactions,
                      accomplishments=records.accomplishments, feedback=records.feedback,
                      applications=records.applications, reference_requests=records.reference_requests,
                      introductions=records.introductions, settings=feed_settings)
    followups = unsorted_due_follow_ups(network, today, feed_settings.feed_horizon_days, snoozed_on_wake_up=True)
    return followups, feed_settings, today


@settings(max_examples=120, deadline=None, database=None)
@given(feed=feeds(), order=st.randoms(use_true_random=False))
def test_every_event_is_where_zoneinfo_puts_it_once_and_the_bytes_repeat(
    feed: tuple[list[FollowUp], Settings, date], order: random.Random
) -> None:
    check_feed(*feed, order)


@settings(max_examples=40, deadline=None, database=None)
@given(feed=networks(), order=st.randoms(use_true_random=False))
def test_the_same_holds_for_the_follow_ups_of_random_networks(
    feed: tuple[list[FollowUp], Settings, date], order: random.Random
) -> None:
    check_feed(*feed, order)


def check_feed(followups: list[FollowUp], feed_settings: Settings, today: date, order: random.Random) -> None:
    """Every property the module docstring lists, for one feed."""
    body = render(followups, feed_settings, today)
    text = body.decode('utf-8').replace('\r\n ', '')
    zones = {tzid: _observances(block) for tzid, block in _vtimezones(text).items()}
    for tzid, observances in zones.items():
        _agrees_with_zoneinfo(ZoneInfo(tzid), observances)

    uids = []
    for event in re.findall(r'^BEGIN:VEVENT\r\n(.*?)^END:VEVENT\r\n', text, re.M | re.S):
        uids.append(_property(event, 'UID'))
        start_line, end_line = _line(event, 'DTSTART'), _line(event, 'DTEND')
        if ';VALUE=DATE:' in start_line:
            assert _date(end_line) > _date(start_line)
            continue
        start = _instant(start_line, zones)
        end = _instant(end_line, zones)
        assert end > start, event
        zone = ZoneInfo(feed_settings.timezone)
        hours, minutes = map(int, feed_settings.feed_time.split(':'))
        day = _local_day(start_line, zones, zone)
        expected = datetime.combine(day, time(hours, minutes)).replace(tzinfo=zone, fold=0).astimezone(UTC)
        assert start == expected, (start_line, expected)
        assert end - start == timedelta(minutes=30)
        for tzid in re.findall(r';TZID=([^:;]+)', event):
            for instant in (start, end):
                assert _offset_at(zones[tzid], instant) == instant.astimezone(ZoneInfo(tzid)).utcoffset()
    assert len(uids) == len(set(uids))

    shuffled = list(followups)
    order.shuffle(shuffled)
    assert render(shuffled, feed_settings, today) == body


def render(followups: list[FollowUp], feed_settings: Settings, today: date) -> bytes:
    events = feed_events(followups, feed_settings, today)
    return render_feed(events, feed_settings, today, update_marks(events, {}, NOW), 'http://127.0.0.1:8080')


def _vtimezones(text: str) -> dict[str, str]:
    blocks = re.findall(r'^BEGIN:VTIMEZONE\r\n(.*?)^END:VTIMEZONE\r\n', text, re.M | re.S)
    return {_property(block, 'TZID'): block for block in blocks}


def _observances(block: str) -> list[Observance]:
    found = []
    for kind, body in re.findall(r'^BEGIN:(STANDARD|DAYLIGHT)\r\n(.*?)^END:\1\r\n', block, re.M | re.S):
        assert kind in ('STANDARD', 'DAYLIGHT')
        offset_from = _offset(_property(body, 'TZOFFSETFROM'))
        local = datetime.strptime(_property(body, 'DTSTART'), '%Y%m%dT%H%M%S').replace(tzinfo=UTC)
        found.append(Observance(onset=local - offset_from, offset_from=offset_from,
                                offset_to=_offset(_property(body, 'TZOFFSETTO'))))
    assert 'COMMENT' not in block  # RFC 5545 3.6.5 allows none in a VTIMEZONE
    return sorted(found, key=lambda observance: observance.onset)


def _agrees_with_zoneinfo(zone: ZoneInfo, observances: list[Observance]) -> None:
    """Each observance's offset holds from its onset in zoneinfo, and the offset before it held until then."""
    for observance in observances:
        assert observance.onset.astimezone(zone).utcoffset() == observance.offset_to
        if observance is not observances[0]:
            assert (observance.onset - timedelta(seconds=1)).astimezone(zone).utcoffset() == observance.offset_from


def _offset_at(observances: list[Observance], instant: datetime) -> timedelta:
    """The VTIMEZONE's offset at ``instant``: that of the latest observance begun by then."""
    current = [observance for observance in observances if observance.onset <= instant]
    assert current, f'{instant} is before the VTIMEZONE starts'
    return current[-1].offset_to


def _instant(line: str, zones: dict[str, list[Observance]]) -> datetime:
    """The UTC instant a DTSTART or DTEND line names, reading a TZID by its VTIMEZONE (RFC 5545 3.3.5)."""
    value = line.rsplit(':', 1)[1]
    if value.endswith('Z'):
        return datetime.strptime(value, '%Y%m%dT%H%M%SZ').replace(tzinfo=UTC)
    tzid = re.search(r';TZID=([^:;]+)', line)
    assert tzid is not None, line
    assert tzid[1] in zones, f'no VTIMEZONE for {tzid[1]}'
    local = datetime.strptime(value, '%Y%m%dT%H%M%S').replace(tzinfo=UTC)
    observances = zones[tzid[1]]
    readings = []
    for index, observance in enumerate(observances):
        instant = local - observance.offset_to
        ends = observances[index + 1].onset if index + 1 < len(observances) else None
        if observance.onset <= instant and (ends is None or instant < ends):
            readings.append(instant)
    if readings:
        return min(readings)  # the first occurrence of a local time that occurs twice
    # A local time in a gap: the offset before the gap.
    gap = next(o for o in observances[1:] if local - o.offset_to < o.onset <= local - o.offset_from)
    return local - gap.offset_from


def _local_day(line: str, zones: dict[str, list[Observance]], zone: ZoneInfo) -> date:
    """The day the event was meant for: its local date, or (written in UTC) the local date of its instant."""
    value = line.rsplit(':', 1)[1]
    if ';TZID=' in line:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    return _instant(line, zones).astimezone(zone).date()


def _line(block: str, name: str) -> str:
    found = re.findall(rf'^{name}[;:].*$', block, re.M)
    assert len(found) == 1, (name, block)
    return str(found[0]).rstrip('\r')


def _property(block: str, name: str) -> str:
    return _line(block, name).split(':', 1)[1]


def _date(line: str) -> date:
    value = line.rsplit(':', 1)[1]
    return date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def _offset(text: str) -> timedelta:
    sign = -1 if text[0] == '-' else 1
    seconds = int(text[1:3]) * 3600 + int(text[3:5]) * 60 + (int(text[5:7]) if len(text) > 5 else 0)
    return sign * timedelta(seconds=seconds)
