"""Opening a data file only to read it, for the command line's exports.

``open_store`` owns the file: it takes the exclusive lock, makes a backup, writes a migration,
and keeps every document's JSON ready for the next write. An export needs none of that. The
file is only ever replaced whole (temp file, fsync, rename), so reading it without a lock sees
one complete version, even while the server writes: ``open_read_only`` takes no lock, makes
no backup and never writes. What the store is asked to change (a migration, the calendar's
feed marks) changes in memory only and is forgotten at ``close``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from careernet_ui.domain.collector import collector_paused

from . import backups, migrations
from .durable import DataFile, read_file
from .errors import DataFileCorrupt, InvalidRecord
from .lock import ProcessLock
from .store import Store


@collector_paused()
def open_read_only(path: Path | str) -> Store:
    """The records of the data file at ``path``, to read: no lock, no backup, nothing written.

    A missing file reads as an empty network and is not created.

    Raises:
        DataFileCorrupt: the file cannot be parsed, or a record in it is invalid.
        UnsupportedSchemaVersion: a newer CareerNet wrote the file.
    """
    path = Path(path).expanduser().resolve()
    try:
        tables, backing = read_file(path)
    except DataFileCorrupt as error:
        newest = backups.newest_backup(path)
        raise DataFileCorrupt(f'{error} It was not changed.' + (f' The newest backup is {newest}.' if newest else '')
                              ) from error
    try:
        version = migrations.check_supported(tables, path, partial(backups.newest_backup, path))
        if tables and (version != migrations.SCHEMA_VERSION or migrations.META_TABLE not in tables):
            migrations.migrate(tables, version)
        # A read-only data file keeps every write in memory; an unacquired lock: the store's close()
        # releases nothing, and no other process is kept out.
        data_file = DataFile(path, tables, read_only=True, backing=backing)
        try:
            return Store(path, data_file, tables, ProcessLock(path), last_backup=datetime.now(UTC))
        except InvalidRecord as error:
            error.args = (f'{error.args[0]} The data file {path} was not changed.',)
            raise
        except (ValueError, TypeError) as error:  # a record's own validation, or a wrong type in it
            raise DataFileCorrupt(f'The data file {path} has a record CareerNet cannot read ({error}). '
                                  'It was not changed.') from error
    except BaseException:
        if backing is not None:
            backing.close()
        raise
