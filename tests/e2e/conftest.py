"""Real-browser tests: app.py in a subprocess, driven by Debian's Chromium through Playwright.

Without Chromium these tests skip with a message, except under ``CI=true``, where a missing
browser fails the run (CI installs it; a silent skip would hide that it did not).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import TODAY

CHROMIUM = Path('/usr/bin/chromium')
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / 'tests' / 'artifacts'
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                 '--disable-sync', '--no-first-run', '--disable-quic']


@dataclass(kw_only=True, slots=True)
class Server:
    """A running ``python app.py``."""

    url: str
    data: Path
    process: subprocess.Popen[str]

    def stop(self, sig: int | None = None) -> None:
        """Stop the server (politely, or with ``sig``) and wait for it."""
        if self.process.poll() is None:
            if sig is None:
                self.process.terminate()
            else:
                self.process.send_signal(sig)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return int(sock.getsockname()[1])


def start_server(data: Path, *extra: str) -> Server:
    """Start app.py on a free port and wait until it answers."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(('PYTEST', 'NICEGUI'))}
    env['CAREERNET_TODAY'] = TODAY.isoformat()
    process = subprocess.Popen(
        [sys.executable, 'app.py', '--data', str(data), '--port', str(port), '--no-browser', *extra],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f'http://127.0.0.1:{port}'
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ''
            raise RuntimeError(f'app.py exited with {process.returncode}:\n{output}')
        try:
            with urllib.request.urlopen(url, timeout=2):
                return Server(url=url, data=data, process=process)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError('app.py did not answer within 60 s')


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """app.py serving an empty data file."""
    running = start_server(tmp_path / 'careernet.json')
    yield running
    running.stop()


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[Server]:
    """app.py serving the demo network, as ``python app.py --demo --data NEW`` does."""
    running = start_server(tmp_path / 'careernet.json', '--demo')
    yield running
    running.stop()


@pytest.fixture(scope='session')
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole run."""
    if not CHROMIUM.exists():
        message = f'{CHROMIUM} is missing: install Debian\'s chromium package to run the browser tests'
        if os.environ.get('CI') == 'true':
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser tab, 1280×900, that fails the test on any page error."""
    context = browser.new_context(viewport={'width': 1280, 'height': 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on('pageerror', lambda error: errors.append(str(error)))
    tab.on('dialog', lambda dialog: errors.append(f'unexpected dialog: {dialog.message}'))
    yield tab
    context.close()
    assert not errors, f'the page raised: {errors}'


def screenshot(page: Page, name: str) -> Path:
    """Save a screenshot under tests/artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f'{name}.png'
    page.screenshot(path=str(path), full_page=True)
    return path
