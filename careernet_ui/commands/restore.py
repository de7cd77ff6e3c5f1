"""``python app.py restore BACKUP [--merge]``: bring a backup back, into an empty data file or merged."""

from __future__ import annotations

import argparse
from pathlib import Path

from careernet_ui.domain import CareerNetError
from careernet_ui.paths import data_path
from careernet_ui.services.backup import RestoreRefused, read_backup_file, record_count, record_types, restore
from storage import backups, open_store
from storage.conflicts import conflict_copies

NAME = 'restore'
HELP = ('restore a backup made by export-json (or a rolling backup) into an empty data file, or --merge it '
        'into this one; without BACKUP, list the rolling backups')


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument('backup', type=Path, metavar='BACKUP', nargs='?',
                        help='a backup written by export-json, or one of the rolling backups; omit it to list those')
    parser.add_argument('--merge', action='store_true',
                        help='add the records whose ids the data file does not have; never overwrite one')


def run(args: argparse.Namespace) -> int:
    """Validate the whole backup, then store it in one write; returns the exit code.

    Restoring into a data file that did not exist creates it; if the restore then fails before
    storing anything, the new empty file (and its lock file) is removed again, so a failed restore
    leaves nothing behind that the next attempt, or the app, would take for the user's network.
    """
    if args.backup is None:
        return list_backups(data_path(args))
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
                f'Could not write {store.path}: {error.strerror or error}. Nothing was restored; '
                'free some space and run restore again.'
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


def list_backups(path: Path) -> int:
    """Print the rolling backups of the data file at ``path``, newest first; returns the exit code."""
    path = path.expanduser().resolve()
    lines = backups.describe(path)
    if not lines:
        print(f'There are no rolling backups of {path} yet (they are made once a day, in backups/ beside it).')
    else:
        print(f'Rolling backups of {path}, newest first (restore one with: restore PATH --data NEW.json):')
        for line in lines:
            print(f'  {line}')
    copies = conflict_copies(path)
    if copies:
        print('Sync conflict copies of it (another device saved at the same time); bring in the records one '
              f'holds with: restore PATH --merge --data {path}')
        for copy in copies:
            print(f'  {copy}')
    return 0
