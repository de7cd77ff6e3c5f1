"""What ``python app.py`` says while it starts, and that it serves once it says so."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.generate import network_of, write_network
from careernet_ui.cli import opening_message
from storage import open_store
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(('size', 'shown'), [(400, '1 KB'), (52_000, '52 KB'), (3_456_789, '3.5 MB'),
                                             (40_407_202, '40 MB')])
def test_the_opening_line_names_the_file_and_its_size(tmp_path: Path, size: int, shown: str) -> None:
    data = tmp_path / 'careernet.json'
    data.write_bytes(b' ' * size)
    assert opening_message(data) == f'Opening {data} ({shown})…'


def test_a_new_file_is_announced_as_created(tmp_path: Path) -> None:
    assert opening_message(tmp_path / 'new.json') == f'Creating {tmp_path / "new.json"}…'


def test_start_up_says_what_it_opens_then_where_it_serves_and_answers(data_path: Path) -> None:
    store = open_store(data_path)
    write_network(store, network_of(120, TODAY))
    store.close()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, '-u', 'app.py', '--data', str(data_path), '--port', str(port), '--no-browser'],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={key: value for key, value in os.environ.items() if key != 'PYTEST_CURRENT_TEST'},  # NiceGUI's test mode
    )
    try:
        assert server.stdout is not None
        lines = [server.stdout.readline() for _ in range(3)]
        status = _status_of(f'http://127.0.0.1:{port}/', lines)
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert lines[0].startswith(f'Opening {data_path.resolve()} (')
    assert lines[0].endswith(' KB)…\n')
    assert lines[1].startswith(f'CareerNet data file: {data_path.resolve()} (120 contacts, opened in ')
    assert lines[2].startswith(f'Serving on http://127.0.0.1:{port}')
    assert status == 200


def test_nicegui_is_imported_without_aiohttp_which_a_later_import_still_finds() -> None:
    code = (
        'import sys\n'
        'from careernet_ui.opening import import_nicegui\n'
        'import_nicegui()\n'
        'from careernet_ui import server\n'  # every page and NiceGUI's socket.io server
        "assert 'aiohttp' not in sys.modules, sorted(name for name in sys.modules if 'aiohttp' in name)\n"
        'import aiohttp\n'
        'print(aiohttp.ClientSession.__name__)\n'
    )
    env = {key: value for key, value in os.environ.items() if key != 'PYTEST_CURRENT_TEST'}
    done = subprocess.run([sys.executable, '-c', code], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.strip() == 'ClientSession', done.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return int(sock.getsockname()[1])




def _status_of(url: str, lines: list[str]) -> int:
    """The answer's status; the address is printed as the server starts listening, so allow a moment."""
    for _ in range(100):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:  # loopback
                return int(response.status)
        except ConnectionRefusedError:
            time.sleep(0.05)
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionRefusedError):
                raise
            time.sleep(0.05)
    raise AssertionError(f'nothing listens at {url} after {lines}')  # pragma: no cover
