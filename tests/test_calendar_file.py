"""``--ics-file``: the feed kept in a file, written at start, after changes (one write per burst), atomically."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from datetime import date, timedelta
from pathlib import Path

import pytest

from careernet_ui.calendar.file import FeedFileWriter
from careernet_ui.calendar.service import CalendarFeed
from storage import Store
from tests.conftest import TODAY
from tests.feed_helpers import BASE_URL, NOW, Clock, events, seed_demo

DELAY = 0.05


class Today:
    """A date the test can move."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def store(fresh_store: Store) -> Store:
    seed_demo(fresh_store)
    return fresh_store


@pytest.fixture
def feed(store: Store) -> CalendarFeed:
    return CalendarFeed(store, BASE_URL, clock=Clock(NOW))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / 'synced' / 'careernet.ics'


def writer_for(feed: CalendarFeed, out: Path, today: Today | None = None) -> FeedFileWriter:
    out.parent.mkdir(exist_ok=True)
    writer = FeedFileWriter(feed, out, today or Today(TODAY), delay=DELAY, day_check=DELAY)
    feed.store.subscribe(writer.changed)
    return writer


async def settle() -> None:
    """Long enough for a debounced write to happen."""
    await asyncio.sleep(DELAY * 6)


async def test_the_file_holds_the_feed_bytes_and_a_burst_of_changes_gives_one_write(
    feed: CalendarFeed, store: Store, out: Path
) -> None:
    writer = writer_for(feed, out)
    assert await writer.write_now()
    assert out.read_bytes() == feed.current(TODAY).body

    for days in range(30, 40):  # ten durable writes in a row, each changing the feed
        store.save_settings(dataclasses.replace(store.settings, feed_horizon_days=days))
    await settle()

    assert writer.writes == 2
    assert out.read_bytes() == feed.current(TODAY).body
    assert events(out.read_bytes())
    assert not list(out.parent.glob('.careernet-tmp-*')), 'the temporary file was renamed into place'


async def test_a_change_that_leaves_the_feed_as_it_was_does_not_rewrite_the_file(
    feed: CalendarFeed, store: Store, out: Path
) -> None:
    writer = writer_for(feed, out)
    await writer.write_now()
    written = out.stat().st_mtime_ns

    store.save_settings(dataclasses.replace(store.settings, dark_mode=True))
    await settle()

    assert writer.writes == 1
    assert out.stat().st_mtime_ns == written


async def test_run_writes_at_start_and_again_when_the_day_turns(feed: CalendarFeed, out: Path) -> None:
    today = Today(TODAY)
    writer = writer_for(feed, out, today)
    task = asyncio.create_task(writer.run())
    try:
        await settle()
        assert out.read_bytes() == feed.current(TODAY).body
        today.day = TODAY + timedelta(days=1)
        await settle()
        await settle()
        assert out.read_bytes() == feed.current(today.day).body
        assert writer.writes == 2
    finally:
        task.cancel()


async def test_a_change_still_waiting_at_shutdown_is_written_by_flush(
    feed: CalendarFeed, store: Store, out: Path
) -> None:
    writer = writer_for(feed, out)
    await writer.write_now()

    store.save_settings(dataclasses.replace(store.settings, feed_all_day=False))
    writer.flush()

    assert out.read_bytes() == feed.current(TODAY).body
    assert b'BEGIN:VALARM' in out.read_bytes()  # timed events now
    assert writer.writes == 2


async def test_a_failed_write_is_logged_and_does_not_raise(
    feed: CalendarFeed, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    writer = FeedFileWriter(feed, tmp_path / 'gone' / 'careernet.ics', Today(TODAY), delay=DELAY)

    with caplog.at_level(logging.ERROR):
        assert not await writer.write_now()

    assert 'Could not write the calendar file' in caplog.text
    assert writer.writes == 0
