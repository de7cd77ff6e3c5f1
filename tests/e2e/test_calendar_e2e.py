"""The calendar feed in a real Chromium against app.py: subscribe, rotate, export, ``--ics-file``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import TODAY
from tests.e2e.conftest import ARTIFACTS, ROOT, Server, screenshot, start_server
from tests.feed_helpers import events

pytestmark = pytest.mark.e2e


def fetch(page: Page, url: str) -> tuple[int, bytes, dict[str, str]]:
    """GET ``url`` the way a calendar app would: no page, no script."""
    response = page.request.get(url)
    return response.status, response.body(), response.headers


def test_the_copied_link_fetches_a_valid_feed_and_rotating_retires_it(demo_server: Server, page: Page) -> None:
    page.context.grant_permissions(['clipboard-read', 'clipboard-write'], origin=demo_server.url)
    page.goto(demo_server.url + '/calendar')
    link = page.get_by_label('Subscription link')
    expect(link).to_be_visible()
    old_url = link.input_value()
    assert old_url.startswith(f'{demo_server.url}/calendar/')
    assert old_url.endswith('.ics')
    page.get_by_role('button', name='Copy').click()
    expect(page.get_by_text('Link copied')).to_be_visible()
    assert page.evaluate('navigator.clipboard.readText()') == old_url
    expect(page.get_by_role('link', name='Open in calendar app')) \
        .to_have_attribute('href', old_url.replace('http://', 'webcal://'))
    expect(page.get_by_text('Coming up in your calendar')).to_be_visible()
    screenshot(page, 'calendar-page')
    page.get_by_role('button', name='Expand "Google Calendar"').click()
    google = page.get_by_text('cannot reach CareerNet on this computer', exact=False)
    expect(google).to_be_visible()
    page.wait_for_timeout(400)  # let the expansion finish opening before the picture
    page.locator('.q-card', has_text='How to subscribe').screenshot(path=str(ARTIFACTS / 'calendar-how-to.png'))

    status, body, headers = fetch(page, old_url)
    assert status == 200
    assert headers['content-type'] == 'text/calendar; charset=utf-8'
    assert 'set-cookie' not in headers
    assert len(events(body)) > 0  # icalendar (no component errors) and vobject both read it

    page.get_by_role('button', name='Rotate link').click()
    page.get_by_role('dialog').get_by_role('button', name='Rotate link').click()
    expect(link).not_to_have_value(old_url)
    new_url = link.input_value()
    screenshot(page, 'calendar-page-rotated')

    assert fetch(page, old_url)[0] == 404
    status, new_body, _ = fetch(page, new_url)
    assert status == 200
    assert new_body == body


def test_export_ics_writes_the_bytes_the_server_served(demo_server: Server, page: Page, tmp_path: Path) -> None:
    page.goto(demo_server.url + '/calendar')
    served = fetch(page, page.get_by_label('Subscription link').input_value())[1]
    demo_server.stop()
    out = tmp_path / 'careernet.ics'
    env = {**os.environ, 'CAREERNET_TODAY': TODAY.isoformat()}

    done = subprocess.run(
        [sys.executable, 'app.py', 'export-ics', str(out), '--data', str(demo_server.data),
         '--base-url', demo_server.url],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )

    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == served


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f'{condition} did not hold within {timeout} s')


def test_ics_file_is_written_at_start_and_after_a_change(tmp_path: Path, page: Page) -> None:
    ics = tmp_path / 'synced' / 'careernet.ics'
    ics.parent.mkdir()
    server = start_server(tmp_path / 'careernet.json', '--demo', '--ics-file', str(ics))
    try:
        page.goto(server.url + '/calendar')
        url = page.get_by_label('Subscription link').input_value()
        wait_for(ics.exists)
        assert ics.read_bytes() == fetch(page, url)[1]

        page.get_by_text('All-day events').click()  # to timed events, with an alarm
        expect(page.get_by_label('Alarm, minutes before')).to_be_visible()
        screenshot(page, 'calendar-timed-settings')
        page.get_by_role('button', name='Save settings').click()
        expect(page.get_by_text('Calendar settings saved.')).to_be_visible()
        wait_for(lambda: b'BEGIN:VALARM' in ics.read_bytes())

        assert ics.read_bytes() == fetch(page, url)[1]
        assert not list(ics.parent.glob('.careernet-tmp-*'))
    finally:
        server.stop()
