"""``python app.py restore BACKUP [--merge]``: bring a backup back, into an empty data file or merged."""

from __future__ import annotations

import argparse
from pathlib import Path

from careernet_ui.domain import CareerNetError
from careernet_ui.paths import data_path
from careernet_ui.services.backup import RestoreRefused, read_backup_file, record_count, record_types, restore
from storage import open_store

NAME = 'restore'
HELP = 'restore a backup made by export-json into an empty data file, or --merge it into this one'


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument('backup', type=Path, metavar='BACKUP', help='a backup written by export-json')
    parser.add_argument('--merge', action='store_true',
                        help='add the records whose ids the data file does not have; never overwrite one')


def run(args: argparse.Namespace) -> int:
    """Validate the whole backup, then store it; returns the exit code.

    Restoring into a data file that did not exist creates it; if the restore then fails before
    storing anything, the new empty file (and its lock file) is removed again, so a failed restore
    leaves nothing behind that the next attempt, or the app, would take for the user's network.
    """
    path = data_path(args)
    made = [file for file in (path, path.with_name(f'{path.name}.lock')) if not file.exists()]
    store = open_store(path)
    restored = False
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
        restored = True
    finally:
        stored_nothing = not restored and record_count(store) == 0
        store.close()
        if stored_nothing and path in made:
            for file in made:
                file.unlink(missing_ok=True)
    print(summary.describe())
    return 0
