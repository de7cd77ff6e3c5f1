"""Host and Origin checks that hold with --host 0.0.0.0 and a password, on a minimal ASGI app."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from careernet_ui.security import HostGuard, OriginGuard, same_origin


async def hello(request: object) -> PlainTextResponse:
    return PlainTextResponse('hello')


async def call(app: Any, headers: list[tuple[bytes, bytes]], *, path: str = '/', kind: str = 'http',
               server: tuple[str, int] = ('192.168.1.5', 8080)) -> int:
    """The status the app answers (websocket: 1008 when closed, 101 when accepted)."""
    scope = {'type': kind, 'method': 'GET', 'path': path, 'raw_path': path.encode(), 'query_string': b'',
             'headers': headers, 'server': server, 'client': ('10.0.0.9', 5555), 'scheme': 'http',
             'http_version': '1.1', 'root_path': ''}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {'type': 'http.request', 'body': b''} if kind == 'http' else {'type': 'websocket.connect'}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        if scope['type'] == 'websocket':
            await send({'type': 'websocket.accept'})
        else:
            await Starlette(routes=[Route(path, hello)])(scope, receive, send)

    await app(inner)(scope, receive, send)
    first = sent[0]
    if first['type'] == 'websocket.close':
        return 1008
    if first['type'] == 'websocket.accept':
        return 101
    return int(first['status'])


def guard(*hosts: str) -> Any:
    return lambda inner: HostGuard(inner, allowed_hosts=hosts)


@pytest.mark.parametrize(('host', 'status'), [
    (b'192.168.1.5:8080', 200),   # the address this connection reached: a LAN browser typed the IP
    (b'localhost:8080', 200),
    (b'laptop.local:8080', 200),  # --allow-host laptop.local
    (b'attacker.example:8080', 400),  # DNS rebinding: the attacker's name resolving to 192.168.1.5
    (b'192.168.1.6:8080', 400),
])
async def test_the_host_check_stays_on_when_bound_to_every_interface(host: bytes, status: int) -> None:
    app = guard('0.0.0.0', 'laptop.local')
    assert await call(app, [(b'host', host)]) == status


async def test_two_host_headers_are_refused() -> None:
    app = guard('127.0.0.1')
    assert await call(app, [(b'host', b'localhost:8080'), (b'host', b'localhost:8080')]) == 400
    assert await call(app, []) == 400


async def test_a_specific_bind_answers_to_its_own_address_only() -> None:
    app = guard('192.168.1.5')
    assert await call(app, [(b'host', b'192.168.1.5')]) == 200
    assert await call(app, [(b'host', b'10.1.1.1')], server=('10.1.1.1', 8080)) == 400


def origin_app() -> Any:
    return lambda inner: OriginGuard(inner)


@pytest.mark.parametrize(('origin', 'status'), [
    (None, 200),
    (b'http://localhost:8080', 200),
    (b'http://localhost:9000', 403),       # another server on this machine
    (b'http://evil.example:8080', 403),
    (b'null', 403),
    (b'https://localhost:8080', 200),      # same host and port: only this server can serve it
])
async def test_socket_io_polling_from_another_origin_is_refused(origin: bytes | None, status: int) -> None:
    headers = [(b'host', b'localhost:8080')] + ([(b'origin', origin)] if origin else [])
    assert await call(origin_app(), headers, path='/_nicegui_ws/socket.io/') == status


async def test_a_websocket_from_another_origin_is_closed() -> None:
    ours = [(b'host', b'localhost:8080'), (b'origin', b'http://localhost:8080')]
    theirs = [(b'host', b'localhost:8080'), (b'origin', b'http://localhost:9000')]
    assert await call(origin_app(), ours, path='/_nicegui_ws/socket.io/', kind='websocket') == 101
    assert await call(origin_app(), theirs, path='/_nicegui_ws/socket.io/', kind='websocket') == 1008


async def test_pages_keep_accepting_cross_origin_navigation() -> None:
    headers = [(b'host', b'localhost:8080'), (b'origin', b'http://elsewhere.example')]
    assert await call(origin_app(), headers, path='/contacts') == 200


def test_same_origin_compares_default_ports() -> None:
    scope = {'headers': [(b'host', b'example.lan'), (b'origin', b'http://example.lan:80')], 'scheme': 'http'}
    assert same_origin(scope)
    scope['headers'] = [(b'host', b'example.lan'), (b'origin', b'http://example.lan:81')]
    assert not same_origin(scope)
