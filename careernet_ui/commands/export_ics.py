"""``python app.py export-ics OUT.ics``: write the calendar feed to a file, offline.

The bytes are those ``/calendar/<token>.ics`` serves for the same data and day (given the
same ``--base-url``), because both go through ``CalendarFeed``. The data file is only read
(no lock, no backup, nothing written), so a cron job can export beside a running server. With
``--store-marks`` the command owns the file as the server does and stores the feed marks it
moves on (each event's SEQUENCE and DTSTAMP), so the next export shows what changed between.
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.commands.reading import open_to_read
from careernet_ui.domain import CareerNetError
from careernet_ui.failures import cannot_write
from careernet_ui.paths import data_path
from storage import open_store
from storage.durable import write_atomically

NAME = 'export-ics'
HELP = 'write your follow-ups as an iCalendar file (the same feed the server publishes)'
DEFAULT_BASE_URL = 'http://127.0.0.1:8080'


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument('out', type=Path, metavar='OUT.ics', help='the file to write (replaced atomically)')
    parser.add_argument('--base-url', default=DEFAULT_BASE_URL, metavar='URL',
                        help=f'where the events\' links should point: the address CareerNet is served on '
                             f'(default {DEFAULT_BASE_URL})')
    parser.add_argument('--store-marks', action='store_true',
                        help='remember each event\'s version in the data file, as the server does, so the '
                             'next export raises the SEQUENCE of events that changed (takes the file: the '
                             'server must not have it open)')


def run(args: argparse.Namespace) -> int:
    """Render the feed of the data file and write it to ``args.out``.

    Returns:
        0 on success.

    Raises:
        CareerNetError: The data file is missing or unreadable (or, with ``--store-marks``,
            locked), or the output cannot be written; the message says which and what to do.
    """
    path = data_path(args)
    out: Path = args.out.expanduser()
    if not path.exists():
        raise CareerNetError(f'There is no data file at {path}. Pass --data with the file CareerNet uses.')
    if out.is_dir():
        raise CareerNetError(f'{out} is a folder; give a file name such as {out / "careernet.ics"}.')
    store = open_store(path) if args.store_marks else open_to_read(path)
    try:
        rendered = CalendarFeed(store, args.base_url, once=True).current(_today(args))
    finally:
        store.close()
    try:
        write_atomically(out, [rendered.body])
    except OSError as error:
        raise CareerNetError(cannot_write(out, error)) from error
    print(f'Wrote {rendered.events:,} calendar events to {out}')
    return 0


def _today(args: argparse.Namespace) -> date:
    """The main parser's hidden ``--today``, else ``CAREERNET_TODAY`` (as the server), else today."""
    fixed: date | None = getattr(args, 'today', None)
    if fixed is not None:
        return fixed
    value = os.environ.get('CAREERNET_TODAY')
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise CareerNetError(f'CAREERNET_TODAY="{value}" is not a date like 2026-11-25.') from None
    return date.today()
