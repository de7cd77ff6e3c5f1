"""app.py as a server: HTTPS with --certfile/--keyfile, the Host check on 0.0.0.0, a quiet Ctrl+C."""

from __future__ import annotations

import base64
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = 's3cret-for-tests'
AUTH = 'Basic ' + base64.b64encode(f'me:{PASSWORD}'.encode()).decode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return int(sock.getsockname()[1])


def start(tmp_path: Path, *options: str) -> tuple[subprocess.Popen[str], int]:
    """Start app.py with ``options`` and wait until its port accepts connections."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(('PYTEST', 'NICEGUI'))}
    env.pop('CAREERNET_PASSWORD', None)
    process = subprocess.Popen([sys.executable, 'app.py', '--no-browser', '--data', str(tmp_path / 'c.json'),
                                '--port', str(port), *options],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read() if process.stdout else ''
        try:
            with socket.create_connection(('127.0.0.1', port), timeout=1):
                return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError('app.py did not listen within 60 s')


def interrupt(process: subprocess.Popen[str]) -> str:
    """Ctrl+C, as a terminal sends it; returns everything the server printed."""
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    return output


def get(url: str, *, host: str | None = None, context: ssl.SSLContext | None = None) -> int:
    headers = {'Authorization': AUTH}
    if host:
        headers['Host'] = host
    request = urllib.request.Request(url, headers=headers)
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(request, timeout=10, context=context) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1, made with the openssl command."""
    openssl = shutil.which('openssl')
    if openssl is None:
        pytest.skip('the openssl command is needed to make a test certificate')
    cert, key = tmp_path / 'cert.pem', tmp_path / 'key.pem'
    subprocess.run([openssl, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
                    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', str(key), '-out', str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def test_https_with_certfile_and_keyfile(tmp_path: Path, certificate: tuple[Path, Path]) -> None:
    cert, key = certificate
    process, port = start(tmp_path, '--certfile', str(cert), '--keyfile', str(key))
    try:
        trusting = ssl.create_default_context(cafile=str(cert))
        assert get(f'https://127.0.0.1:{port}/contacts', context=trusting) == 200
        with pytest.raises(OSError):  # plain HTTP is not served beside it
            urllib.request.urlopen(f'http://127.0.0.1:{port}/', timeout=10)
    finally:
        output = interrupt(process)
    assert f'Serving on https://127.0.0.1:{port}' in output
    assert 'Traceback' not in output


def test_https_needs_both_files(tmp_path: Path, certificate: tuple[Path, Path]) -> None:
    cert, _ = certificate
    env = {key: value for key, value in os.environ.items() if not key.startswith(('PYTEST', 'NICEGUI'))}
    result = subprocess.run([sys.executable, 'app.py', '--no-browser', '--data', str(tmp_path / 'c.json'),
                             '--certfile', str(cert)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == 'careernet: HTTPS needs both --certfile and --keyfile.\n'


def test_the_host_check_stays_on_with_0000_and_a_password(tmp_path: Path) -> None:
    process, port = start(tmp_path, '--host', '0.0.0.0', '--password', PASSWORD, '--allow-host', 'laptop.lan')
    try:
        url = f'http://127.0.0.1:{port}/'
        assert get(url) == 200
        assert get(url, host=f'laptop.lan:{port}') == 200
        assert get(url, host=f'attacker.example:{port}') == 400
        assert two_host_headers(port) == 400
        lan = lan_address()
        if lan is not None:  # a browser on the LAN that typed this machine's address
            assert get(f'http://{lan}:{port}/') == 200
            assert get(f'http://{lan}:{port}/', host=f'rebound.example:{port}') == 400
    finally:
        output = interrupt(process)
    assert 'Traceback' not in output
    assert output.rstrip().endswith('careernet: stopped.')
    assert process.returncode == 130


def two_host_headers(port: int) -> int:
    with socket.create_connection(('127.0.0.1', port), timeout=10) as sock:
        sock.sendall(f'GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: attacker.example\r\n'
                     f'Authorization: {AUTH}\r\nConnection: close\r\n\r\n'.encode())
        status_line = sock.makefile('rb').readline().decode()
    return int(status_line.split()[1])


def lan_address() -> str | None:
    """This machine's address on its network, if it has one (a UDP connect sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(('10.254.254.254', 1))
        except OSError:
            return None
        address = str(sock.getsockname()[0])
    return None if address.startswith('127.') or address == '0.0.0.0' else address
