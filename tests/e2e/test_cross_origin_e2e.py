"""A page from another origin cannot open CareerNet's socket or read its polling answers, in Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import Server, free_port

pytestmark = pytest.mark.e2e

# Tries both socket.io transports against the app; resolves to what got through.
PROBE = '''async (app) => {
    const polling = await fetch(app + '/_nicegui_ws/socket.io/?EIO=4&transport=polling', {credentials: 'include'})
        .then(async (response) => 'read ' + response.status + ' ' + (await response.text()).slice(0, 20))
        .catch((error) => 'refused');
    const socket = await new Promise((resolve) => {
        const ws = new WebSocket(app.replace('http', 'ws') + '/_nicegui_ws/socket.io/?EIO=4&transport=websocket');
        ws.onopen = () => { ws.close(); resolve('open'); };
        ws.onerror = () => resolve('refused');
        setTimeout(() => resolve('timeout'), 10000);
    });
    return {polling, socket};
}'''


@pytest.fixture
def other_origin(tmp_path: Path) -> Iterator[str]:
    """A second web server on another port of localhost, serving a plain page."""
    (tmp_path / 'index.html').write_text('<!doctype html><title>elsewhere</title><p>another site</p>')
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(('127.0.0.1', free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f'http://127.0.0.1:{httpd.server_address[1]}'
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # the stdlib's name
        pass


def test_a_page_of_another_origin_cannot_open_the_socket(server: Server, other_origin: str, page: Page) -> None:
    page.goto(other_origin + '/index.html')
    result = page.evaluate(PROBE, server.url)
    assert result == {'polling': 'refused', 'socket': 'refused'}


def test_the_apps_own_page_still_opens_it(server: Server, page: Page) -> None:
    page.goto(server.url + '/contacts')
    result = page.evaluate(PROBE, server.url)
    assert result['socket'] == 'open'
    assert result['polling'].startswith('read 200')
