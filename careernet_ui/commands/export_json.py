"""``python app.py export-json OUT``: write a full backup of the data file."""

from __future__ import annotations

import argparse
from pathlib import Path

from careernet_ui.commands.reading import open_to_read
from careernet_ui.domain import CareerNetError
from careernet_ui.failures import cannot_write
from careernet_ui.paths import data_path
from careernet_ui.services.backup import write_backup

NAME = 'export-json'
HELP = 'write a full backup (every record and the settings) as a JSON file stock TinyDB can open'


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument('out', type=Path, metavar='OUT', help='the backup file to write (e.g. careernet-backup.json)')


def run(args: argparse.Namespace) -> int:
    """Write the backup; returns the exit code."""
    out: Path = args.out.expanduser()
    store = open_to_read(data_path(args))
    try:
        if out.resolve() == store.path:
            raise CareerNetError(f'{out} is the data file itself; choose another name for the backup.')
        try:
            count = write_backup(store, out)
        except OSError as error:
            raise CareerNetError(cannot_write(out, error)) from None
    finally:
        store.close()
    print(f'Backed up {count:,} record{"" if count == 1 else "s"} and the settings to {out}.')
    return 0
