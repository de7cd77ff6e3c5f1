"""Security by default: a Host-header guard against DNS rebinding, and an optional password.

Both are plain ASGI middleware, so they cover every route: pages, NiceGUI's websocket and
the calendar feed alike.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({'localhost', '127.0.0.1', '::1'})
WILDCARDS = frozenset({'0.0.0.0', '::'})  # noqa: S104  # named, not bound


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the server reachable from this machine only."""
    if host.lower() == 'localhost':
        return True
    try:
        return ipaddress.ip_address(host.strip('[]')).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The host part of a Host header: ``[::1]:8080`` → ``::1``, ``Example.com:80`` → ``example.com``."""
    header = header.strip().lower()
    if header.startswith('['):
        return header[1:].split(']', 1)[0]
    return header.rsplit(':', 1)[0] if header.count(':') == 1 else header


class HostGuard:
    """Answer 400 to requests whose Host header names neither the bound host nor localhost.

    A web page on any site can make the browser resolve its own domain to 127.0.0.1 (DNS
    rebinding) and then read a localhost server as same-origin; checking Host stops that.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(h.lower().strip('[]') for h in allowed_hosts) | LOOPBACK_NAMES

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] in ('http', 'websocket'):
            headers = dict(scope.get('headers') or [])
            host = host_name(headers.get(b'host', b'').decode('latin-1'))
            if host not in self.allowed:
                await _refuse(scope, send, 400, b'Bad Host header: this server answers only to localhost.')
                return
        await self.app(scope, receive, send)


class PasswordGuard:
    """HTTP Basic authentication with one shared password (any user name) on every route."""

    def __init__(self, app: ASGIApp, password: str) -> None:
        self.app = app
        self._password = password.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] in ('http', 'websocket') and not self._authorised(scope):
            await _refuse(scope, send, 401, b'CareerNet asks for its password.',
                          [(b'www-authenticate', b'Basic realm="CareerNet", charset="UTF-8"')])
            return
        await self.app(scope, receive, send)

    def _authorised(self, scope: Scope) -> bool:
        headers = dict(scope.get('headers') or [])
        scheme, _, value = headers.get(b'authorization', b'').partition(b' ')
        if scheme.lower() != b'basic':
            return False
        try:
            _, _, password = base64.b64decode(value, validate=True).partition(b':')
        except (binascii.Error, ValueError):
            return False
        return hmac.compare_digest(password, self._password)


async def _refuse(scope: Scope, send: Send, status: int, body: bytes,
                  extra: list[tuple[bytes, bytes]] | None = None) -> None:
    if scope['type'] == 'websocket':
        await send({'type': 'websocket.close', 'code': 1008})
        return
    headers = [(b'content-type', b'text/plain; charset=utf-8'), (b'content-length', str(len(body)).encode()),
               *(extra or [])]
    await send({'type': 'http.response.start', 'status': status, 'headers': headers})
    await send({'type': 'http.response.body', 'body': body})
