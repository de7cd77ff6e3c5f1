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
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from . import backups, migrations
from .bulk import collector_paused
from .durable import load_tables
from .errors import DataFileCorrupt
from .lock import ProcessLock
from .store import CareerNetDB, Store

Tables = dict[str, dict[str, Any]]


class InMemoryCopy(Storage):
    """A TinyDB storage over tables already read: writes stay in memory, the file is never touched."""

    def __init__(self, path: str | Path, tables: Tables | None = None) -> None:
        self.path = Path(path)
        self._tables: Tables = {} if tables is None else tables

    def read(self) -> Tables:
        """The tables, as changed in memory since they were read."""
        return self._tables

    def write(self, data: Tables) -> None:
        """Keep ``data`` in memory; nothing is written to the file."""
        self._tables = data


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
        tables = load_tables(path)
    except DataFileCorrupt as error:
        newest = backups.newest_backup(path)
        raise DataFileCorrupt(f'{error} It was not changed.' + (f' The newest backup is {newest}.' if newest else '')
                              ) from error
    version = migrations.check_supported(tables, path, backups.newest_backup(path))
    if tables and (version != migrations.SCHEMA_VERSION or migrations.META_TABLE not in tables):
        migrations.migrate(tables, version)
    db = CareerNetDB(path, tables=tables, storage=InMemoryCopy)
    # An unacquired lock: the store's close() releases nothing, and no other process is kept out.
    return Store(path, db, ProcessLock(path), last_backup=datetime.now(UTC))
