"""Shared by the calendar-feed tests: demo data in a store, a hand-moved clock, reading a feed back."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime

from icalendar import Component

from careernet_ui.calendar.feed import event_uid
from careernet_ui.demo import generate_network
from storage import Store
from tests.conftest import TODAY
from tests.test_calendar_feed import parse, read_with_vobject

BASE_URL = 'http://127.0.0.1:8080'
NOW = datetime(2026, 11, 25, 8, 30, tzinfo=UTC)


@dataclass
class Clock:
    """A clock that says ``now`` until the test moves it."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now


def seed_demo(store: Store, *, digest_threshold: int = 100) -> None:
    """Write the demo network; a high digest threshold gives every follow-up its own event."""
    network = generate_network(TODAY)
    store.contacts.add_many(network.contacts)
    store.interactions.add_many(network.interactions)
    store.save_settings(dataclasses.replace(store.settings, feed_digest_threshold=digest_threshold))


def events(body: bytes) -> dict[str, Component]:
    """The feed's VEVENTs by UID, after checking that icalendar and vobject both accept it."""
    vevents = read_with_vobject(body).contents.get('vevent', [])
    parsed = {str(event['UID']): event for event in parse(body).walk('VEVENT')}
    assert [vevent.uid.value for vevent in vevents] == list(parsed)
    return parsed


def uid_in(store: Store, key: str) -> str:
    """The UID the feed of ``store`` gives the event ``key``."""
    return event_uid(key, store.settings.calendar_id)


def uids(body: bytes) -> list[str]:
    """The UIDs of the feed's events, in feed order."""
    return list(events(body))


def summaries_and_days(body: bytes) -> list[tuple[str, date]]:
    """(SUMMARY, day) of every event, in feed order."""
    result = []
    for event in events(body).values():
        start = event.decoded('DTSTART')
        result.append((str(event['SUMMARY']), start.date() if isinstance(start, datetime) else start))
    return result
