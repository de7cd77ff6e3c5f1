"""Schema versions of the data file and the steps between them.

The version lives in the ``_meta`` table. A migration is a function from the tables at
version N to the tables at N + 1, registered in ``MIGRATIONS`` under N.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .bulk import RawTable, documents_of
from .errors import UnsupportedSchemaVersion

SCHEMA_VERSION = 1
META_TABLE = '_meta'

Tables = dict[str, dict[str, Any]]
MIGRATIONS: dict[int, Callable[[Tables], None]] = {}


def schema_version(tables: Mapping[str, dict[str, Any] | RawTable], path: Path | None = None) -> int:
    """The version a file declares; an empty (new) file counts as current, one without ``_meta`` as 0.

    Raises:
        UnsupportedSchemaVersion: ``_meta`` holds something that is not a whole number from 0 up
            (``2.0``, ``"2"``, ``NaN``, ``true``, nothing at all).
    """
    if META_TABLE not in tables:
        return SCHEMA_VERSION if not tables else 0
    meta = documents_of(tables[META_TABLE])
    docs = [doc for doc in meta.values() if isinstance(doc, dict) and 'schema_version' in doc]
    found = docs[0]['schema_version'] if docs else None
    if type(found) is not int or found < 0:
        raise UnsupportedSchemaVersion(
            f'{path or "The data file"} declares schema version {json.dumps(found)}, which no CareerNet '
            'wrote (it must be a whole number). The file was not changed; put the number back or restore '
            'a backup.'
        )
    return found


def check_supported(tables: Mapping[str, dict[str, Any] | RawTable], path: Path,
                    newest_backup: Callable[[], Path | None]) -> int:
    """Return the file's version, or refuse a file from a newer CareerNet or with an unknown version.

    ``newest_backup`` finds the backup a refusal names; it is called only then (it reads backups).
    """
    version = schema_version(tables, path)
    if version > SCHEMA_VERSION:
        newest = newest_backup()
        backup = f' The newest backup is {newest}.' if newest else ''
        raise UnsupportedSchemaVersion(
            f'{path} was written by a newer CareerNet (schema {version}; this one reads up to '
            f'{SCHEMA_VERSION}). Upgrade CareerNet; the file was not changed.{backup}'
        )
    return version


def migrate(tables: dict[str, Any], version: int) -> bool:
    """Bring ``tables`` from ``version`` up to ``SCHEMA_VERSION`` in place; True if anything ran.

    A step sees every table parsed into documents (tables kept as JSON are parsed first).
    """
    ran = False
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is not None:
            for name, table in tables.items():
                tables[name] = documents_of(table)
            step(tables)
        version += 1
        ran = True
    tables[META_TABLE] = current_meta()
    return ran


def current_meta() -> dict[str, Any]:
    """The meta table's documents of a file at the current schema version."""
    return {'1': {'schema_version': SCHEMA_VERSION}}
