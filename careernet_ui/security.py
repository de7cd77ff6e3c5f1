"""Security by default: a Host-header guard against DNS rebinding, an Origin guard on the socket, a password.

All are plain ASGI middleware, so they cover every route: pages, NiceGUI's websocket and
the calendar feed alike.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

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
    """Answer 400 to requests whose Host header names neither an address the server is bound to nor an allowed name.

    A web page on any site can make the browser resolve its own domain to this machine (DNS
    rebinding) and then read the server as same-origin; checking Host stops that, on a LAN
    too. Allowed: localhost, the ``allowed_hosts`` (the bound host and ``--allow-host`` names)
    and, when bound to every interface, the address the connection actually arrived on,
    which is what a browser on the LAN that typed the IP sends. A request carrying two Host
    headers is refused: proxies and servers disagree on which one counts.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        named = frozenset(h.lower().strip('[]') for h in allowed_hosts)
        self.any_interface = bool(named & WILDCARDS)
        self.allowed = (named - WILDCARDS) | LOOPBACK_NAMES

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] in ('http', 'websocket'):
            hosts = [value for key, value in scope.get('headers') or [] if key == b'host']
            if len(hosts) != 1:
                await _refuse(scope, send, 400, b'Bad Host header: a request must carry exactly one.')
                return
            if not self.allows(host_name(hosts[0].decode('latin-1')), scope):
                await _refuse(scope, send, 400, b'Bad Host header: this server answers only to its own '
                                                b'addresses and the names given with --allow-host.')
                return
        await self.app(scope, receive, send)

    def allows(self, host: str, scope: Scope) -> bool:
        """Whether ``host`` (from the Host header) names this server for the connection in ``scope``."""
        if host in self.allowed:
            return True
        server = scope.get('server')
        return self.any_interface and server is not None and host == str(server[0]).lower()


class OriginGuard:
    """Refuse socket.io and websocket requests sent by a page of another origin.

    NiceGUI's socket.io server accepts any Origin and answers credentialed polling requests
    with ``access-control-allow-origin: <origin>``: a page on another site (or another port
    of localhost) could open a socket. A browser sends Origin on every cross-origin request
    and on every websocket handshake; it must name the same host and port as the Host
    header (the HostGuard, which runs first, has vetted that one). Requests without Origin
    (same-origin GETs, scripts) pass.
    """

    def __init__(self, app: ASGIApp, paths: tuple[str, ...] = ('/_nicegui_ws/',)) -> None:
        self.app = app
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        guarded = scope['type'] == 'websocket' or (
            scope['type'] == 'http' and str(scope.get('path', '')).startswith(self.paths))
        if guarded and not same_origin(scope):
            await _refuse(scope, send, 403, b'Cross-origin request refused: open CareerNet at its own address.')
            return
        await self.app(scope, receive, send)


def same_origin(scope: Scope) -> bool:
    """Whether the request's Origin header is absent or names the host and port of its Host header."""
    headers = scope.get('headers') or []
    origins = [value for key, value in headers if key == b'origin']
    if not origins:
        return True
    hosts = [value for key, value in headers if key == b'host']
    if len(origins) != 1 or len(hosts) != 1:
        return False
    secure = scope.get('scheme') in ('https', 'wss')
    origin = urlsplit(origins[0].decode('latin-1').strip().lower())
    if origin.scheme not in ('http', 'https') or not origin.hostname:
        return False  # "null" (a sandboxed frame or a file:// page) and anything stranger
    try:
        origin_port = origin.port or (443 if origin.scheme == 'https' else 80)
        own = urlsplit(('https://' if secure else 'http://') + hosts[0].decode('latin-1').strip().lower())
        own_port = own.port or (443 if secure else 80)
    except ValueError:
        return False
    return (origin.hostname, origin_port) == (own.hostname, own_port)


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
