"""The demo network's feed, byte for byte, against a stored golden file.

A refactoring must not change a byte of the feed (a calendar app re-alerts on any change), so
this test renders the demo network (``generate_network(TODAY, storylines=True)``, as ``--demo``
writes it) for a fixed day, clock, calendar id and token, and compares it with
``tests/golden/demo_feed.ics`` (default settings: a digest) and ``demo_feed_each.ics`` (every
follow-up its own event).

When the feed is meant to change (a new follow-up kind, a different demo network), look at the
diff, then regenerate the golden file with:

    CAREERNET_GOLDEN_WRITE=1 .venv/bin/python -m pytest -q tests/test_golden_feed.py
"""

from __future__ import annotations

import dataclasses
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.demo import generate_network
from careernet_ui.services.seed import add_network
from storage import Store
from tests.conftest import TODAY

GOLDEN = Path(__file__).parent / 'golden'
NOW = datetime(2026, 11, 25, 8, 30, tzinfo=UTC)
BASE_URL = 'http://127.0.0.1:8080'


def demo_feed(store: Store, digest_threshold: int | None) -> bytes:
    """The feed of the demo network for ``TODAY``, seen at ``NOW``, with a fixed calendar id and token."""
    add_network(store, generate_network(TODAY, storylines=True))
    settings = dataclasses.replace(store.settings, calendar_id='careernet-golden',
                                   feed_token='golden-token-0123456789abcdef')
    if digest_threshold is not None:
        settings = dataclasses.replace(settings, feed_digest_threshold=digest_threshold)
    store.save_settings(settings)
    return CalendarFeed(store, BASE_URL, clock=lambda: NOW).current(TODAY).body


@pytest.mark.parametrize(('name', 'digest_threshold'), [('demo_feed.ics', None), ('demo_feed_each.ics', 100)])
def test_demo_feed_matches_the_golden_file(fresh_store: Store, name: str, digest_threshold: int | None) -> None:
    body = demo_feed(fresh_store, digest_threshold)
    if os.environ.get('CAREERNET_GOLDEN_WRITE') == '1':
        (GOLDEN / name).write_bytes(body)
    assert body.count(b'BEGIN:VEVENT') > 10
    assert body == (GOLDEN / name).read_bytes(), 'the feed changed; see this module docstring to regenerate'
