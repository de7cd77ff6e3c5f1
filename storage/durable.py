"""A TinyDB storage that keeps the database in memory and writes the file atomically.

Stock ``JSONStorage`` re-parses the whole file on every read and rewrites it in place on
every write, so a crash mid-write leaves a broken file and each write at 30,000 contacts
costs well over 100 ms. ``DurableJSONStorage`` instead:

* reads once, at open, and serves every later read from memory;
* writes a temp file in the same folder, flushes, fsyncs, ``os.replace``-s it over the data
  file and fsyncs the folder, so the file on disk is always the old or the new state;
* keeps every document's JSON text and re-encodes only the documents a write touched
  (``commit``), so a write's cost is the file's size in bytes, not its size in objects.

The file stays a plain TinyDB document: ``TinyDB(path)`` opens it and sees every record.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .errors import DataFileCorrupt

Tables = dict[str, dict[str, Any]]

TEMP_PREFIX = '.careernet-tmp-'


def dumps(value: Any) -> str:
    """Compact, ASCII-only JSON: any TinyDB opens it whatever its locale's encoding."""
    return json.dumps(value, ensure_ascii=True, separators=(',', ':'))


class DurableJSONStorage(Storage):
    """In-memory TinyDB storage backed by one JSON file written atomically."""

    def __init__(self, path: str | os.PathLike[str], tables: Tables | None = None) -> None:
        self.path = Path(path)
        self._tables: Tables = load_tables(self.path) if tables is None else tables
        # table name -> document key -> the document's JSON text, as last written.
        self._fragments: dict[str, dict[str, str]] = {
            name: {key: dumps(doc) for key, doc in table.items()} for name, table in self._tables.items()
        }
        self._table_text: dict[str, str] = {}
        self.writes = 0

    def read(self) -> Tables:
        """The live in-memory tables (like TinyDB's ``MemoryStorage``)."""
        return self._tables

    def write(self, data: Tables) -> None:
        """Re-encode everything and write it: the general path used by TinyDB's own operations."""
        self._tables = data
        self._fragments = {name: {key: dumps(doc) for key, doc in t.items()} for name, t in data.items()}
        self._table_text.clear()
        self._flush()

    def commit(self, table: str, changed: Iterable[str]) -> None:
        """Write after a change to the documents ``changed`` of ``table``; only they are re-encoded."""
        docs = self._tables.setdefault(table, {})
        fragments = self._fragments.setdefault(table, {})
        for key in changed:
            if key in docs:
                fragments[key] = dumps(docs[key])
            else:
                fragments.pop(key, None)
        self._table_text.pop(table, None)
        self._flush()

    def _flush(self) -> None:
        parts = ['{']
        for index, name in enumerate(self._tables):
            if index:
                parts.append(',')
            parts.append(dumps(name))
            parts.append(':')
            parts.append(self._encoded_table(name))
        parts.append('}')
        write_atomically(self.path, parts)
        self.writes += 1

    def _encoded_table(self, name: str) -> str:
        text = self._table_text.get(name)
        if text is None:
            fragments = self._fragments.get(name, {})
            text = '{' + ','.join(f'{dumps(key)}:{doc}' for key, doc in fragments.items()) + '}'
            self._table_text[name] = text
        return text


def load_tables(path: Path) -> Tables:
    """Parse a TinyDB JSON file; a missing or empty file is an empty database.

    Raises:
        DataFileCorrupt: the file is not JSON, or not shaped like a TinyDB database.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise DataFileCorrupt(f'Cannot read the data file {path}: {error.strerror}.') from error
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataFileCorrupt(f'The data file {path} is not valid JSON ({error}).') from error
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        raise DataFileCorrupt(f'The data file {path} is JSON but not a TinyDB database (expected tables).')
    for name, table in data.items():
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise DataFileCorrupt(f'The data file {path} has a broken record {key} in table "{name}".')
    return data


def write_atomically(path: Path, parts: Iterable[str]) -> None:
    """Write ``parts`` to ``path`` so that a crash leaves either the old or the new file, never a mix."""
    temp = path.with_name(f'{TEMP_PREFIX}{path.name}-{os.getpid()}')
    with open(temp, 'w', encoding='ascii', newline='') as handle:
        for part in parts:
            handle.write(part)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # Some filesystems refuse fsync on a folder; the rename itself is still atomic.
    finally:
        os.close(fd)


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete temp files an interrupted write left behind; returns what was removed."""
    removed = []
    for stale in folder.glob(f'{TEMP_PREFIX}*'):
        stale.unlink(missing_ok=True)
        removed.append(stale)
    return removed
