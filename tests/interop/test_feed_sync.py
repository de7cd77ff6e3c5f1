"""A syncing client: vdirsyncer copies the feed from a local HTTP server into a folder, one item per event."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.domain import due_follow_ups
from storage import Store
from tests.conftest import TODAY
from tests.feed_helpers import BASE_URL, NOW, Clock, seed_demo, uids

VDIRSYNCER_CONFIG = """\
[general]
status_path = "{status}"

[pair feed]
a = "feed_remote"
b = "feed_local"
collections = null
conflict_resolution = "a wins"

[storage feed_remote]
type = "http"
url = "{url}"

[storage feed_local]
type = "filesystem"
path = "{local}"
fileext = ".ics"
"""


@pytest.fixture
def served(fresh_store: Store) -> Iterator[tuple[str, CalendarFeed, list[bytes]]]:
    """The demo network's feed (timed in Berlin, with digests) at a URL on 127.0.0.1.

    The server thread serves the bytes the test last computed (the store stays on the test's thread).
    """
    seed_demo(fresh_store, digest_threshold=5)
    fresh_store.save_settings(dataclasses.replace(fresh_store.settings, feed_all_day=False, timezone='Europe/Berlin'))
    feed = CalendarFeed(fresh_store, BASE_URL, clock=Clock(NOW))
    body = [feed.current(TODAY).body]
    server = ThreadingHTTPServer(('127.0.0.1', 0), _handler(lambda: body[0]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f'http://127.0.0.1:{server.server_address[1]}/calendar/feed.ics', feed, body
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_vdirsyncer_ends_with_exactly_one_item_per_served_event(
    served: tuple[str, CalendarFeed, list[bytes]], vdirsyncer: str, tmp_path: Path
) -> None:
    url, feed, body = served
    local = tmp_path / 'local'
    local.mkdir()
    config = tmp_path / 'config'
    config.write_text(VDIRSYNCER_CONFIG.format(status=tmp_path / 'status', url=url, local=local), encoding='utf-8')

    def sync() -> None:
        body[0] = feed.current(TODAY).body
        for step in ('discover', 'sync'):
            done = subprocess.run([vdirsyncer, '-c', str(config), step], capture_output=True, text=True,
                                  check=False, timeout=120)
            assert done.returncode == 0, done.stdout + done.stderr

    sync()
    assert len(uids(body[0])) >= 10
    assert _items(local) == _events(body[0])

    # A change (a contact renamed) syncs as an update of the same items, not as new ones.
    followup = next(f for f in due_follow_ups(feed.store.network(), TODAY, 90) if f.contact_id)
    contact = feed.store.contacts.get(followup.contact_id or '')
    feed.store.contacts.update(dataclasses.replace(contact, name='Renamed, Person; the\\Second'))
    changed = body[0]
    sync()
    assert body[0] != changed
    assert _items(local) == _events(body[0])


def _items(folder: Path) -> list[str]:
    """The VEVENT of each item vdirsyncer stored, without its UID.

    vdirsyncer's ``http`` storage gives each item a UID of its own (a hash of its content,
    ``ignore_uids``), so items are compared by everything else. Each must hold one VEVENT, and
    the VTIMEZONE its TZID names.
    """
    found = []
    for item in folder.glob('*.ics'):
        text = item.read_text(encoding='utf-8').replace('\r\n', '\n').replace('\n ', '')
        assert text.count('BEGIN:VEVENT') == 1, text
        for tzid in set(re.findall(r';TZID=([^:;]+)', text)):
            assert f'\nTZID:{tzid}\n' in text, f'{item.name} names {tzid} without its VTIMEZONE'
        found.extend(_events(text.encode('utf-8')))
    return sorted(found)


def _events(body: bytes) -> list[str]:
    """Each VEVENT of ``body``, unfolded, without its UID line, sorted."""
    text = body.decode('utf-8').replace('\r\n', '\n').replace('\n ', '')
    blocks = re.findall(r'^BEGIN:VEVENT\n.*?^END:VEVENT$', text, re.M | re.S)
    return sorted(re.sub(r'^UID:.*\n', '', block, flags=re.M) for block in blocks)


def _handler(body: Callable[[], bytes]) -> type[BaseHTTPRequestHandler]:
    class Feed(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = body()
            self.send_response(200)
            self.send_header('Content-Type', 'text/calendar; charset=utf-8')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Feed
