"""Wiring the running app: register pages and routes on the open store, guard them, serve."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from nicegui import app, background_tasks, ui

from careernet_ui import nicegui_compat, pages
from careernet_ui.calendar.file import FeedFileWriter
from careernet_ui.calendar.route import add_feed_route
from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.context import AppContext
from careernet_ui.domain.followups.memo import FollowUpMemo
from careernet_ui.opening import ServeOptions
from careernet_ui.security import HostGuard, OriginGuard, PasswordGuard
from careernet_ui.styles import install_styles
from storage import Store

log = logging.getLogger(__name__)

BACKUP_CHECK_SECONDS = 3600


def install(store: Store, options: ServeOptions, *, after_first_dashboard: Callable[[], None] | None = None
            ) -> AppContext:
    """Register every page and route, the security middleware and the store's lifecycle.

    ``after_first_dashboard`` is called once, as soon as the first dashboard has been computed.
    """
    fixed = options.today
    clock: Callable[[], date] = (lambda: fixed) if fixed else date.today
    base_url = options.base_url
    memo = FollowUpMemo()  # one set of follow-ups for the dashboard and the feed
    feed = CalendarFeed(store, base_url, memo=memo)
    ctx = AppContext(store=store, today=clock, base_url=base_url, calendar_feed=feed, followup_memo=memo,
                     after_first_dashboard=after_first_dashboard)
    nicegui_compat.remember_handler_signatures()
    install_styles()
    pages.register_all(ctx)
    _install_calendar(feed, clock, options.ics_file)
    if options.password:
        app.add_middleware(PasswordGuard, password=options.password)
    app.add_middleware(OriginGuard)
    # Starlette runs the last-added middleware first: the Host check precedes the Origin check and the
    # password. It stays on with --host 0.0.0.0 too: DNS rebinding works on a LAN as well.
    app.add_middleware(HostGuard, allowed_hosts=(options.host, *options.extra_hosts))
    store.on_notice(_tell_user)
    app.on_startup(lambda: background_tasks.create(_daily_backups(store), name='careernet-backups'))
    app.on_shutdown(store.close)
    return ctx


def run(options: ServeOptions) -> None:
    """Hand over to NiceGUI's server (returns at once under the test ``user`` fixture)."""
    ui.run(
        host=options.host,
        port=options.port,
        title='CareerNet',
        language='en-GB',  # <html lang>, for screen readers; CareerNet writes British English
        favicon='🤝',
        show=options.open_browser,
        reload=False,
        show_welcome_message=False,
        uvicorn_logging_level='warning',
        tailwind=False,  # the classes come compiled, from careernet_ui/styles.py
        **_tls(options),
    )


def when_serving(callback: Callable[[], None]) -> None:
    """Call ``callback`` once NiceGUI has started, as the server begins to listen."""
    app.on_startup(callback)


def _tls(options: ServeOptions) -> dict[str, Any]:
    """uvicorn's own HTTPS, when both PEM files are given."""
    if options.certfile is None or options.keyfile is None:
        return {}
    return {'ssl_certfile': str(options.certfile), 'ssl_keyfile': str(options.keyfile)}


def _install_calendar(feed: CalendarFeed, today: Callable[[], date], ics_file: Path | None) -> None:
    """The feed route and, with ``--ics-file``, the file kept up to date beside it."""
    add_feed_route(app, feed, today)
    app.on_shutdown(feed.store_marks)  # marks the route has not stored yet; runs before store.close
    if ics_file is None:
        return
    writer = FeedFileWriter(feed, ics_file, today)
    feed.store.subscribe(writer.changed)
    app.on_startup(lambda: background_tasks.create(writer.run(), name='careernet-ics-file'))
    app.on_shutdown(writer.flush)  # registered before store.close, so it runs first


def _tell_user(text: str) -> None:
    """Show a store's notice to the person whose action caused it (outside a page: the log has it)."""
    with contextlib.suppress(RuntimeError):  # no page in context (a background write): the store logged it
        ui.notify(text, type='warning', multi_line=True, close_button='OK', timeout=0)


async def _daily_backups(store: Store) -> None:
    while True:
        await asyncio.sleep(BACKUP_CHECK_SECONDS)
        try:
            store.backup_if_due()
        except OSError:
            log.exception('The daily backup failed; the data file itself is unaffected')
