"""The Host guard and the password guard, on a minimal ASGI app, and the bind rule of the CLI."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from careernet_ui.security import HostGuard, PasswordGuard, host_name, is_loopback


async def hello(request: object) -> PlainTextResponse:
    return PlainTextResponse('hello')


def client(app: object, host: str = '127.0.0.1:8080') -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url=f'http://{host}')  # type: ignore[arg-type]


@pytest.mark.parametrize(('header', 'name'), [
    ('127.0.0.1:8080', '127.0.0.1'), ('localhost', 'localhost'), ('[::1]:8080', '::1'),
    ('Example.COM:443', 'example.com'), ('::1', '::1'),
])
def test_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize(('host', 'loopback'), [
    ('127.0.0.1', True), ('localhost', True), ('::1', True), ('127.0.0.2', True),
    ('0.0.0.0', False), ('192.168.1.10', False), ('example.com', False),
])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


async def test_foreign_host_gets_400_and_localhost_passes() -> None:
    app = HostGuard(Starlette(routes=[Route('/', hello)]), allowed_hosts=['127.0.0.1'])
    async with client(app) as ok:
        assert (await ok.get('/')).text == 'hello'
    async with client(app, 'localhost:8080') as ok:
        assert (await ok.get('/')).status_code == 200
    async with client(app, 'attacker.example') as bad:
        response = await bad.get('/')
    assert response.status_code == 400
    assert 'Bad Host header' in response.text


async def test_password_guard_asks_and_checks() -> None:
    app = PasswordGuard(Starlette(routes=[Route('/', hello)]), password='s3cret')
    async with client(app) as anonymous:
        refused = await anonymous.get('/')
        assert refused.status_code == 401
        assert refused.headers['www-authenticate'].startswith('Basic')
        wrong = base64.b64encode(b'me:nope').decode()
        assert (await anonymous.get('/', headers={'Authorization': f'Basic {wrong}'})).status_code == 401
        garbage = await anonymous.get('/', headers={'Authorization': 'Basic !!!'})
        assert garbage.status_code == 401
        right = base64.b64encode(b'anyone:s3cret').decode()
        assert (await anonymous.get('/', headers={'Authorization': f'Basic {right}'})).text == 'hello'


def test_non_loopback_bind_without_password_is_refused(data_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith(('PYTEST', 'NICEGUI'))}
    env.pop('CAREERNET_PASSWORD', None)
    result = subprocess.run([sys.executable, 'app.py', '--host', '0.0.0.0', '--no-browser', '--data', str(data_path)],
                            cwd=Path(__file__).resolve().parents[1], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert 'refusing to serve on 0.0.0.0 without a password' in result.stderr
    assert not data_path.exists()
