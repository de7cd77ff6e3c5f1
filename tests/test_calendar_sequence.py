"""SEQUENCE rises exactly for the events whose bytes changed: a rename, a date move, new settings, a new day.

RFC 5545 3.8.7.4: SEQUENCE rises whenever DTSTART, DTEND, DURATION or other significant content
changes; a calendar app compares it to decide whether to take the new version of an event.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.domain import Interaction, due_follow_ups
from careernet_ui.domain.interactions import InteractionKind
from storage import Store
from tests.conftest import TODAY
from tests.feed_helpers import BASE_URL, NOW, Clock, seed_demo


@pytest.fixture
def store(fresh_store: Store) -> Store:
    seed_demo(fresh_store)
    return fresh_store


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def feed(store: Store, clock: Clock) -> CalendarFeed:
    return CalendarFeed(store, BASE_URL, clock=clock)


def rename(store: Store) -> set[str]:
    """Rename the contact of a follow-up due after today; the keys of its follow-ups."""
    followup = next(f for f in due_follow_ups(store.network(), TODAY, 90) if f.due > TODAY and f.contact_id)
    contact = store.contacts.get(followup.contact_id or '')
    store.contacts.update(dataclasses.replace(contact, name='Renamed Person'))
    return {f.id for f in due_follow_ups(store.network(), TODAY, 90) if f.contact_id == contact.id}


def move_a_date(store: Store) -> set[str]:
    """Log a call with the contact of an overdue keep-in-touch: it moves from today to weeks ahead."""
    followup = next(f for f in due_follow_ups(store.network(), TODAY, 90)
                    if f.due < TODAY and f.kind == 'keep_in_touch' and f.contact_id)
    store.interactions.add(Interaction(contact_id=followup.contact_id or '', kind=InteractionKind.CALL, on=TODAY))
    moved = next(f for f in due_follow_ups(store.network(), TODAY, 90) if f.id == followup.id)
    assert moved.due > TODAY
    return {followup.id}


def time_the_events(store: Store) -> None:
    store.save_settings(dataclasses.replace(store.settings, feed_all_day=False, timezone='Europe/Berlin'))


@pytest.mark.parametrize(
    ('change', 'changes_every_event'),
    [(rename, False), (move_a_date, False), (time_the_events, True)],
    ids=['rename', 'date-move', 'all-day-to-timed'],
)
def test_a_change_raises_sequence_exactly_for_the_events_whose_bytes_changed(
    store: Store,
    feed: CalendarFeed,
    clock: Clock,
    change: Callable[[Store], set[str] | None],
    changes_every_event: bool,
) -> None:
    before = feed.current(TODAY).body
    clock.now += timedelta(hours=1)

    keys = change(store)
    after = feed.current(TODAY).body

    changed = changed_events(before, after)
    if changes_every_event:
        assert changed == set(versions(before)) == set(versions(after))
    else:
        assert keys is not None
        assert {uid.split('@')[0] for uid in changed} == keys
    assert_sequence_rose_exactly_for(changed, before, after)


@pytest.mark.parametrize(
    'settings_change',
    [{'feed_time': '10:15'}, {'timezone': 'America/Los_Angeles'}, {'feed_alarm_minutes': 45}],
    ids=['time', 'zone', 'alarm'],
)
def test_a_timed_setting_raises_every_sequence(
    store: Store, feed: CalendarFeed, clock: Clock, settings_change: dict[str, object]
) -> None:
    time_the_events(store)
    before = feed.current(TODAY).body
    clock.now += timedelta(hours=1)

    store.save_settings(dataclasses.replace(store.settings, **settings_change))  # type: ignore[arg-type]
    after = feed.current(TODAY).body

    changed = changed_events(before, after)
    assert changed == set(versions(before))
    assert_sequence_rose_exactly_for(changed, before, after)


def test_a_new_day_raises_sequence_only_for_the_overdue_events_it_moves(feed: CalendarFeed, clock: Clock) -> None:
    before = feed.current(TODAY).body
    clock.now += timedelta(days=1)
    tomorrow = TODAY + timedelta(days=1)

    after = feed.current(tomorrow).body

    changed = changed_events(before, after)
    on_today = {uid for uid, event in versions(before).items() if start_day(event) == TODAY}
    assert changed == on_today  # moved to the new day (and those due today now overdue)
    assert all(start_day(versions(after)[uid]) == tomorrow for uid in changed)
    assert_sequence_rose_exactly_for(changed, before, after)


def test_the_same_data_and_day_give_the_same_bytes_and_sequences(feed: CalendarFeed, store: Store) -> None:
    first = feed.current(TODAY).body
    store.save_settings(dataclasses.replace(store.settings, dark_mode=True))  # a write the feed does not show

    assert feed.current(TODAY).body == first


def versions(body: bytes) -> dict[str, bytes]:
    """Each VEVENT's bytes (unfolded) by UID."""
    unfolded = body.replace(b'\r\n ', b'')
    blocks = re.findall(rb'^BEGIN:VEVENT\r\n.*?^END:VEVENT\r\n', unfolded, re.M | re.S)
    return {re.search(rb'^UID:(.*)\r$', block, re.M)[1].decode(): block for block in blocks}  # type: ignore[index]


def without_marks(event: bytes) -> bytes:
    return re.sub(rb'^(DTSTAMP|SEQUENCE):.*\r\n', b'', event, flags=re.M)


def changed_events(before: bytes, after: bytes) -> set[str]:
    """The UIDs in both feeds whose bytes, but DTSTAMP and SEQUENCE, differ."""
    old, new = versions(before), versions(after)
    return {uid for uid in old.keys() & new.keys() if without_marks(old[uid]) != without_marks(new[uid])}


def sequence(event: bytes) -> int:
    return int(re.search(rb'^SEQUENCE:(\d+)\r$', event, re.M)[1])  # type: ignore[index]


def stamp(event: bytes) -> bytes:
    return re.search(rb'^DTSTAMP:(.*)\r$', event, re.M)[1]  # type: ignore[index]


def start_day(event: bytes) -> date:
    value = re.search(rb'^DTSTART[;:].*?(\d{8})', event, re.M)[1].decode()  # type: ignore[index]
    return date(int(value[:4]), int(value[4:6]), int(value[6:]))


def assert_sequence_rose_exactly_for(changed: set[str], before: bytes, after: bytes) -> None:
    """SEQUENCE and DTSTAMP moved on for the events in ``changed`` and for no other event in both feeds."""
    assert changed
    old, new = versions(before), versions(after)
    for uid in old.keys() & new.keys():
        rise = 1 if uid in changed else 0
        assert sequence(new[uid]) == sequence(old[uid]) + rise, uid
        assert (stamp(new[uid]) != stamp(old[uid])) == (uid in changed), uid
