"""Start-up before NiceGUI is imported: how the server was asked to run, and opening the data file."""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from careernet_ui.demo import generate_network
from careernet_ui.security import WILDCARDS
from careernet_ui.services.seed import add_network
from storage import Store, open_store

BACKUP_AFTER_START = 5.0
"""Seconds from opening the data file to beginning its daily backup, on a thread.

By then the first page is built and shown (2–3 s at 30,000 contacts), so copying the file does
not slow it; a write that comes sooner makes the backup first (``Store.back_up_in_background``).
"""


@dataclass(kw_only=True, slots=True)
class ServeOptions:
    """How ``python app.py`` was asked to run."""

    data: Path | None
    host: str = '127.0.0.1'
    port: int = 8080
    open_browser: bool = True
    password: str | None = None
    demo: bool = False
    today: date | None = None
    extra_hosts: tuple[str, ...] = ()
    ics_file: Path | None = None
    certfile: Path | None = None
    keyfile: Path | None = None

    @property
    def base_url(self) -> str:
        """Where a person on this machine opens the app (and what links in the feed point to)."""
        shown_host = 'localhost' if self.host in WILDCARDS else self.host
        if ':' in shown_host:
            shown_host = f'[{shown_host}]'
        scheme = 'https' if self.certfile else 'http'
        return f'{scheme}://{shown_host}:{self.port}'


def open_data(options: ServeOptions, default_data: Path) -> tuple[Store, bool]:
    """Open the data file the options name; with ``--demo``, seed it if it is new.

    Returns the store and whether demo data was written. ``--demo`` without ``--data`` uses a
    fresh temporary file, so a newcomer's first look never touches their real data.
    """
    path = options.data
    if path is None:
        path = Path(tempfile.mkdtemp(prefix='careernet-demo-')) / 'careernet.json' if options.demo else default_data
    is_new = not path.exists() or path.stat().st_size == 0
    store = open_store(path, backup_after=BACKUP_AFTER_START)
    seeded = False
    if options.demo and is_new and not len(store.contacts):
        seed_demo(store, options.today or date.today())
        seeded = True
    return store, seeded


def seed_demo(store: Store, today: date) -> None:
    """Fill an empty store with the made-up demo network."""
    add_network(store, generate_network(today, storylines=True))


def import_nicegui() -> None:
    """Import NiceGUI, leaving out aiohttp, which only an outgoing socket.io connection would use.

    python-socketio loads its asyncio client along with its server, and python-engineio's client
    imports aiohttp if it is installed: aiohttp is optional to engineio (without it the client
    cannot connect out, and nothing else changes). NiceGUI uses that client for On Air only, its
    relay through a remote server, which CareerNet never starts: its data stays on localhost.
    Importing aiohttp took 0.12 s of a 2 s start at 30,000 contacts (bench/README.md), so it is
    hidden while NiceGUI loads and put back after: a later ``import aiohttp`` works as usual.
    """
    if 'nicegui' in sys.modules or 'aiohttp' in sys.modules:
        return  # already imported (the test fixtures import NiceGUI first)
    sys.modules['aiohttp'] = None  # type: ignore[assignment]  # makes "import aiohttp" raise ImportError
    try:
        import nicegui  # noqa: F401
    finally:
        del sys.modules['aiohttp']
