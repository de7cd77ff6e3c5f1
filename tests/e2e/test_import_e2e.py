"""A large LinkedIn import in a real Chromium: the progress bar moves and other pages keep answering."""

from __future__ import annotations

import re
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from tinydb import TinyDB

from bench.import_linkedin import connections_csv
from tests.e2e.conftest import Server, screenshot

pytestmark = pytest.mark.e2e

ROWS = 30_000
PROGRESS_TEXT = re.compile(r'^Imported ([\d,]+) of 30,000…$')


class Prober(threading.Thread):
    """Asks another page for as long as it runs, recording each answer's status and latency."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.answers: list[tuple[int, float]] = []
        self.failures: list[str] = []
        self.running = True

    def run(self) -> None:
        while self.running:
            began = time.monotonic()
            try:
                with urllib.request.urlopen(self.url, timeout=15) as response:  # our own loopback server
                    response.read()
                    self.answers.append((response.status, time.monotonic() - began))
            except OSError as error:
                self.failures.append(str(error))
            time.sleep(0.25)  # a person clicking around in another tab, not a load test

    def stop(self) -> None:
        self.running = False
        self.join(timeout=20)


def test_a_30k_linkedin_import_shows_progress_while_other_pages_answer(
    server: Server, page: Page, tmp_path: Path
) -> None:
    export = tmp_path / 'Connections.csv'
    export.write_bytes(connections_csv(ROWS).encode('utf-8-sig'))
    page.goto(server.url + '/import')
    expect(page.get_by_text('Drop your file here')).to_be_visible()

    page.locator('input[type=file]').first.set_input_files(str(export))

    expect(page.get_by_text('Nothing is stored until you confirm.')).to_be_visible(timeout=60_000)
    expect(page.get_by_text('30,000', exact=True).first).to_be_visible()
    screenshot(page, 'import-preview')

    prober = Prober(server.url + '/contacts')
    prober.start()
    try:
        page.get_by_role('button', name='Import Connections.csv').click()
        label = page.get_by_text(PROGRESS_TEXT)
        expect(label).to_be_visible(timeout=60_000)
        shot = screenshot(page, 'import-progress')  # at once: storing takes a few seconds
        expect(page.locator('.q-linear-progress')).to_be_visible()
        seen = _progress_until(page, 'Imported 30,000, updated 0, unchanged 0, skipped 0.')
    finally:
        prober.stop()
    screenshot(page, 'import-summary')

    done = sorted({int(match.group(1).replace(',', '')) for text in seen if (match := PROGRESS_TEXT.match(text))})
    assert len(done) >= 2, f'the progress bar did not move: {seen}'  # at least two different points seen
    assert 0 < done[0] < ROWS
    assert shot.exists()
    assert prober.failures == []
    assert len(prober.answers) >= 3, prober.answers  # /contacts answered again and again during the import
    assert {status for status, _ in prober.answers} == {200}
    print(f'/contacts during the import: {len(prober.answers)} answers, '
          f'slowest {max(latency for _, latency in prober.answers):.2f} s; progress seen at {done}')
    assert len(TinyDB(server.data).table('contacts')) == ROWS


def _progress_until(page: Page, summary: str, timeout: float = 120.0) -> list[str]:
    """The progress label's text, read every 50 ms until ``summary`` shows."""
    texts: list[str] = []
    label, done = page.get_by_text(PROGRESS_TEXT), page.get_by_text(summary)
    deadline = time.monotonic() + timeout
    while not done.count():
        assert time.monotonic() < deadline, f'no summary after {timeout:.0f} s; progress seen: {texts[-3:]}'
        try:
            texts.append(label.first.inner_text(timeout=200))
        except Exception:  # between two states of the card: look again
            continue
        time.sleep(0.05)
    return texts


def test_a_file_over_the_limit_is_refused_in_the_browser(server: Server, page: Page, tmp_path: Path) -> None:
    garbage = tmp_path / 'huge.csv'
    garbage.write_bytes(b'\xde\xad\xbe\xef garbage ' * (50 * 1024 * 1024 // 13))
    page.goto(server.url + '/import')

    page.locator('input[type=file]').first.set_input_files(str(garbage))

    expect(page.get_by_text('That file is larger than 20 MB').first).to_be_visible()
    page.wait_for_timeout(800)  # let the toast finish fading in before the screenshot
    screenshot(page, 'import-too-large')
    assert TinyDB(server.data).table('contacts').all() == []
