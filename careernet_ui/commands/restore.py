"""``python app.py restore BACKUP [--merge]``: bring a backup back, into an empty data file or merged."""

from __future__ import annotations

import argparse
from pathlib import Path

from careernet_ui.domain import CareerNetError
from careernet_ui.paths import data_path
from careernet_ui.services.backup import RestoreRefused, read_backup_file, record_types, restore
from storage import open_store

NAME = 'restore'
HELP = 'restore a backup made by export-json into an empty data file, or --merge it into this one'


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument('backup', type=Path, metavar='BACKUP', help='a backup written by export-json')
    parser.add_argument('--merge', action='store_true',
                        help='add the records whose ids the data file does not have; never overwrite one')


def run(args: argparse.Namespace) -> int:
    """Validate the whole backup, then store it; returns the exit code."""
    store = open_store(data_path(args))
    try:
        backup = read_backup_file(args.backup.expanduser(), record_types(store))
        try:
            summary = restore(store, backup, merge=args.merge)
        except RestoreRefused as error:
            raise RestoreRefused(f'{error} To merge, run restore again with --merge.') from None
        except OSError as error:
            raise CareerNetError(
                f'Could not write {store.path}: {error.strerror or error}. What was written before stays; '
                'free some space and run restore again with --merge to add the rest.'
            ) from None
    finally:
        store.close()
    print(summary.describe())
    return 0
