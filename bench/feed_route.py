"""The calendar feed at 30,000 contacts, from the store and over HTTP: ``python -m bench.feed_route``.

Targets (issue 6): the feed generates in at most 150 ms (store -> engine -> marks -> bytes),
a ``304 Not Modified`` answers in at most 10 ms (HTTP round trip over loopback), and the body
stays under 1 MB. Works on a copy of the 30k network (``bench.generate``), never the original.

"Generate after a change" is the slowest median of the changes timed, each until the bytes are
ready: on the route's path (``current_async(..., marks_later=True)``), which answers before it
stores the moved feed marks, the marks write that follows the response is timed and printed on
its own; on the synchronous path (``current()``, the command line), which stores them before
returning, it is included.

    python -m bench.feed_route [--network /tmp/b30k.json] [--today 2026-11-25]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import http.client
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from bench.feed_memory import free_port, wait_until_serving
from careernet_ui.calendar.events import feed_events
from careernet_ui.calendar.feed import RenderedEvents, feed_agenda, feed_etag, feed_fingerprints, render_feed
from careernet_ui.calendar.marks import update_marks
from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.domain import Contact, Interaction, InteractionKind, due_follow_ups, utc_now
from careernet_ui.domain.followups.engine import unsorted_due_follow_ups
from careernet_ui.domain.followups.memo import FollowUpMemo
from storage import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
BASE_URL = 'http://127.0.0.1:8080'
TARGET_GENERATE_MS = 150.0
TARGET_304_MS = 10.0
TARGET_BYTES = 1_000_000
RUNS = 5
ROUND_TRIPS = 300


def main() -> int:
    """Run every measurement and print the figures; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--network', type=Path, default=Path('/tmp/b30k.json'), help='the 30k data file to copy')
    parser.add_argument('--today', type=date.fromisoformat, default=date(2026, 11, 25))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix='careernet-feed-bench-') as folder:
        data = Path(folder) / 'careernet.json'
        shutil.copyfile(args.network, data)
        generate_ms, size = in_process(data, args.today)
        not_modified_ms = over_http(data, args.today)
    print()
    print(f'generate after a change: {generate_ms:.0f} ms (target <= {TARGET_GENERATE_MS:.0f})')
    print(f'304 round trip:          {not_modified_ms:.2f} ms (target <= {TARGET_304_MS:.0f})')
    print(f'body:                    {size:,} bytes (target < {TARGET_BYTES:,})')
    met = generate_ms <= TARGET_GENERATE_MS and not_modified_ms <= TARGET_304_MS and size < TARGET_BYTES
    return 0 if met else 1


def in_process(data: Path, today: date) -> tuple[float, int]:
    """Time the service on the store; returns the median cold generation (ms) and the body size."""
    began = time.perf_counter()
    store = open_store(data)
    print(f'open the 30k store: {(time.perf_counter() - began) * 1000:.0f} ms; '
          f'{len(store.contacts):,} contacts, {len(store.interactions):,} interactions')
    try:
        feed = CalendarFeed(store, BASE_URL)
        began = time.perf_counter()
        body = feed.current(today).body
        first_ms = (time.perf_counter() - began) * 1000
        print(f'first feed ever (stores {len(store.feed_marks):,} new marks): {first_ms:.0f} ms')

        # Real changes. A renamed contact: its follow-up is either spelled out in an event (its
        # mark moves on and is stored: one write of the data file) or only counted by a digest
        # (nothing to store). A logged interaction: the index takes in the new interaction, and
        # the catch-up moves out of today's digest (its count changes: one write). The route
        # computes with current_async (marks and rendering in a worker thread) and stores the
        # marks on the loop once its response is sent; the command line uses current(), which
        # stores them before it returns.
        cold = 0.0
        for route in (True, False):
            shown, hidden = shown_and_hidden_contacts(store, today)
            path = 'route' if route else 'sync '
            scenarios = [('a rename the feed shows', renames(store, shown)),
                         ('a rename inside a digest only', renames(store, hidden))]
            if route:
                scenarios.append(('an interaction logged', logged_interactions(store, hidden[::-1], today)))
            for label, changes in scenarios:
                cold = max(cold, cold_runs(store, feed, today, changes, f'{path}, {label}', route))
        phases(store, today)

        cached = []
        for _ in range(50):
            began = time.perf_counter()
            feed.current(today)
            cached.append((time.perf_counter() - began) * 1000)
        print(f'unchanged poll (cache): median {statistics.median(cached) * 1000:.0f} µs')
        body = feed.current(today).body
        print(f'feed: {len(body):,} bytes, {body.count(b"BEGIN:VEVENT")} events, {len(store.feed_marks):,} marks')
        return cold, len(body)
    finally:
        store.close()


def shown_and_hidden_contacts(store: Store, today: date) -> tuple[list[Contact], list[Contact]]:
    """RUNS contacts whose follow-up an event spells out, and RUNS counted only by a digest."""
    settings = store.settings
    events = feed_events(due_follow_ups(store.network(), today, settings.feed_horizon_days), settings, today)
    listed = [f.contact_id for event in events for f in event.listed if f.contact_id]
    counted = {f.contact_id for event in events if event.digest for f in event.followups} - set(listed)
    hidden = [contact for contact in store.contacts if contact.id in counted]
    return [store.contacts.get(contact_id) for contact_id in listed[:RUNS]], hidden[::97][:RUNS]


def renames(store: Store, contacts: list[Contact]) -> list[Callable[[], object]]:
    """One change per contact: a new name."""
    return [partial(store.contacts.update, dataclasses.replace(c, name=f'{c.name} (renamed)')) for c in contacts]


def logged_interactions(store: Store, contacts: list[Contact], today: date) -> list[Callable[[], object]]:
    """One change per contact: a call logged today."""
    return [partial(store.interactions.add, Interaction(contact_id=c.id, kind=InteractionKind.CALL, on=today))
            for c in contacts]


def cold_runs(
    store: Store, feed: CalendarFeed, today: date, changes: list[Callable[[], object]], label: str, route: bool
) -> float:
    """Make each change, then time the feed until its bytes are ready; prints and returns the median.

    On the route's path the marks are stored after that, as the route does once its response is
    sent: that write is timed apart. On the synchronous path it is part of the time.
    """
    cold: list[float] = []
    cold_cpu: list[float] = []
    after_response: list[float] = []
    writes: list[int] = []

    async def each_change() -> None:  # one event loop for all runs, as in the server
        for change in changes:
            change()
            revision = store.revision
            began, began_cpu = time.perf_counter(), time.process_time()
            if route:
                await feed.current_async(today, marks_later=True)
            else:
                feed.current(today)
            cold.append((time.perf_counter() - began) * 1000)
            cold_cpu.append((time.process_time() - began_cpu) * 1000)
            if route:
                began = time.perf_counter()
                feed.store_marks()
                after_response.append((time.perf_counter() - began) * 1000)
            writes.append(store.revision - revision)

    asyncio.run(each_change())
    stored = (f'; then the marks write after the response, median {statistics.median(after_response):.0f} ms'
              if route else '')
    print(f'cold after a change, {label} ({sum(writes)} writes in {len(cold)} runs): '
          f'median {statistics.median(cold):.0f} ms (CPU {statistics.median(cold_cpu):.0f} ms, '
          f'fastest {min(cold):.0f} ms){stored}; runs {", ".join(f"{ms:.0f}" for ms in cold)}')
    return statistics.median(cold)


def phases(store: Store, today: date) -> None:
    """Where a cold generation's time goes (each phase timed alone, median of RUNS)."""
    settings = store.settings
    marks = {mark.id: mark for mark in store.feed_marks}
    timings: dict[str, list[float]] = {'engine': [], 'events': [], 'marks': [], 'render': [], 'agenda+etag': []}
    memo, rendered = FollowUpMemo(), RenderedEvents()  # as the service keeps them; filled by a first run
    first = feed_events(unsorted_due_follow_ups(store.network(), today, settings.feed_horizon_days, memo=memo),
                        settings, today)
    prints = feed_fingerprints(first, settings, today, BASE_URL, memo=rendered)
    render_feed(first, settings, today, update_marks(first, marks, utc_now(), prints), BASE_URL, memo=rendered)
    contacts = store.contacts.all()
    for run in range(RUNS):
        contact = contacts[run * 89]  # a change, as in the cold runs: the memo serves all but its follow-ups
        store.contacts.update(dataclasses.replace(contact, name=f'{contact.name} [{run}]'))
        began = time.perf_counter()
        followups = unsorted_due_follow_ups(store.network(), today, settings.feed_horizon_days, memo=memo)
        engine_done = time.perf_counter()
        events = feed_events(followups, settings, today)
        events_done = time.perf_counter()
        # The marks follow each event's bytes: rendering the changed events happens here, as in the service.
        current = update_marks(events, marks, utc_now(), feed_fingerprints(events, settings, today, BASE_URL,
                                                                           memo=rendered))
        marks_done = time.perf_counter()
        body = render_feed(events, settings, today, current, BASE_URL, memo=rendered)
        render_done = time.perf_counter()
        feed_agenda(events, today)
        feed_etag(body)
        timings['engine'].append((engine_done - began) * 1000)
        timings['events'].append((events_done - engine_done) * 1000)
        timings['marks'].append((marks_done - events_done) * 1000)
        timings['render'].append((render_done - marks_done) * 1000)
        timings['agenda+etag'].append((time.perf_counter() - render_done) * 1000)
    print(f'  phases after a change ({len(followups):,} follow-ups, {len(events)} events): '
          + ', '.join(f'{name} {statistics.median(values):.0f} ms (min {min(values):.0f})'
                      for name, values in timings.items()))


def over_http(data: Path, today: date) -> float:
    """Serve the copy with app.py and time conditional requests; returns the median 304 round trip (ms)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, 'app.py', '--data', str(data), '--port', str(port), '--no-browser',
         '--today', today.isoformat()],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_serving(server, port, timeout=180)
        token = json.loads(data.read_bytes())['settings']['1']['feed_token']
        path = f'/calendar/{token}.ics'
        connection = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
        status, etag, full_ms = request(connection, path)
        print(f'first GET over HTTP: {status} in {full_ms:.0f} ms')
        fulls = [request(connection, path)[2] for _ in range(20)]
        print(f'200 round trip (body, no gzip asked): median {statistics.median(fulls):.2f} ms')
        round_trips = []
        for _ in range(ROUND_TRIPS):
            status, _, elapsed = request(connection, path, etag)
            if status != 304:
                raise RuntimeError(f'expected 304, got {status}')
            round_trips.append(elapsed)
        connection.close()
        round_trips.sort()
        print(f'304 round trip over {ROUND_TRIPS}: median {statistics.median(round_trips):.2f} ms, '
              f'p90 {round_trips[int(len(round_trips) * 0.9)]:.2f} ms')
        return statistics.median(round_trips)
    finally:
        server.terminate()
        server.wait(timeout=60)


def request(connection: http.client.HTTPConnection, path: str, etag: str | None = None) -> tuple[int, str, float]:
    """One GET; returns the status, the ETag and the round trip in ms (body read included)."""
    headers = {'If-None-Match': etag} if etag else {}
    began = time.perf_counter()
    connection.request('GET', path, headers=headers)
    response = connection.getresponse()
    response.read()
    elapsed = (time.perf_counter() - began) * 1000
    return response.status, response.getheader('ETag') or '', elapsed


if __name__ == '__main__':
    sys.exit(main())
