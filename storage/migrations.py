"""Schema versions of the data file and the steps between them.

The version lives in the ``_meta`` table. A migration is a function from the tables at
version N to the tables at N + 1, registered in ``MIGRATIONS`` under N.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import UnsupportedSchemaVersion

SCHEMA_VERSION = 1
META_TABLE = '_meta'

Tables = dict[str, dict[str, Any]]
MIGRATIONS: dict[int, Callable[[Tables], None]] = {}


def schema_version(tables: Tables) -> int:
    """The version a file declares; an empty (new) file counts as current."""
    meta = tables.get(META_TABLE, {})
    for doc in meta.values():
        if isinstance(doc, dict) and isinstance(doc.get('schema_version'), int):
            return int(doc['schema_version'])
    return SCHEMA_VERSION if not tables else 0


def check_supported(tables: Tables, path: Path, newest_backup: Path | None) -> int:
    """Return the file's version, or refuse a file from a newer CareerNet."""
    version = schema_version(tables)
    if version > SCHEMA_VERSION:
        backup = f' The newest backup is {newest_backup}.' if newest_backup else ''
        raise UnsupportedSchemaVersion(
            f'{path} was written by a newer CareerNet (schema {version}; this one reads up to '
            f'{SCHEMA_VERSION}). Upgrade CareerNet; the file was not changed.{backup}'
        )
    return version


def migrate(tables: Tables, version: int) -> bool:
    """Bring ``tables`` from ``version`` up to ``SCHEMA_VERSION`` in place; True if anything ran."""
    ran = False
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is not None:
            step(tables)
        version += 1
        ran = True
    tables[META_TABLE] = {'1': {'schema_version': SCHEMA_VERSION}}
    return ran
