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

from .bulk import dumps_ascii, parse
from .errors import DataFileCorrupt

Tables = dict[str, dict[str, Any]]

TEMP_PREFIX = '.careernet-tmp-'


# Compact, ASCII-only JSON: any TinyDB opens it whatever its locale's encoding.
_encode = json.JSONEncoder(ensure_ascii=True, separators=(',', ':')).encode


def fragment(key: str, value: Any) -> bytes:
    """``"key":value`` as compact ASCII JSON bytes: one member of a JSON object."""
    return f'{_encode(key)}:'.encode('ascii') + dumps_ascii(value)


class DurableJSONStorage(Storage):
    """In-memory TinyDB storage backed by one JSON file written atomically."""

    def __init__(self, path: str | os.PathLike[str], tables: Tables | None = None) -> None:
        self.path = Path(path)
        self._tables: Tables = load_tables(self.path) if tables is None else tables
        self._encoded = {name: EncodedTable(table) for name, table in self._tables.items()}
        self.writes = 0

    def read(self) -> Tables:
        """The live in-memory tables (like TinyDB's ``MemoryStorage``)."""
        return self._tables

    def write(self, data: Tables) -> None:
        """Re-encode everything and write it: the general path used by TinyDB's own operations."""
        self._tables = data
        self._encoded = {name: EncodedTable(table) for name, table in data.items()}
        self._flush()

    def commit(self, table: str, changed: Iterable[str]) -> None:
        """Write after a change to the documents ``changed`` of ``table``; only they are re-encoded."""
        docs = self._tables.setdefault(table, {})
        encoded = self._encoded.get(table)
        if encoded is None:
            encoded = self._encoded[table] = EncodedTable({})
        encoded.update(docs, changed)
        self._flush()

    def _flush(self) -> None:
        parts = [b'{']
        for index, name in enumerate(self._tables):
            parts.append(f'{"," if index else ""}{_encode(name)}:'.encode('ascii'))
            parts.extend(self._encoded[name].parts())
        parts.append(b'}')
        write_atomically(self.path, parts)
        self.writes += 1


class EncodedTable:
    """A table's JSON kept in chunks of documents, so a write re-joins one chunk, not the table.

    Documents keep their order (TinyDB's dict order): a changed one stays in place, a new one
    goes at the end, exactly as a full re-encode of the dict would place it.
    """

    CHUNK = 256

    def __init__(self, docs: dict[str, Any]) -> None:
        self._chunks: list[dict[str, bytes]] = []
        self._joined: list[bytes | None] = []
        self._chunk_of: dict[str, int] = {}
        self.update(docs, docs.keys())

    def update(self, docs: dict[str, Any], changed: Iterable[str]) -> None:
        """Re-encode the documents ``changed`` (added, replaced or removed) from ``docs``."""
        for key in changed:
            index = self._chunk_of.get(key)
            if key not in docs:
                if index is not None:
                    del self._chunks[index][key]
                    del self._chunk_of[key]
                    self._joined[index] = None
                continue
            if index is None:
                if not self._chunks or len(self._chunks[-1]) >= self.CHUNK:
                    self._chunks.append({})
                    self._joined.append(None)
                index = len(self._chunks) - 1
                self._chunk_of[key] = index
            self._chunks[index][key] = fragment(key, docs[key])
            self._joined[index] = None

    def parts(self) -> list[bytes]:
        """The table as JSON, in pieces to write one after another."""
        pieces = [b'{']
        for index, chunk in enumerate(self._chunks):
            if not chunk:
                continue
            joined = self._joined[index]
            if joined is None:
                joined = self._joined[index] = b','.join(chunk.values())
            pieces.append(joined if len(pieces) == 1 else b',' + joined)
        pieces.append(b'}')
        return pieces


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
        data = parse(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataFileCorrupt(f'The data file {path} is not valid JSON ({error}).') from error
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        raise DataFileCorrupt(f'The data file {path} is JSON but not a TinyDB database (expected tables).')
    for name, table in data.items():
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise DataFileCorrupt(f'The data file {path} has a broken record {key} in table "{name}".')
    return data


def write_atomically(path: Path, parts: Iterable[bytes]) -> None:
    """Write ``parts`` to ``path`` so that a crash leaves either the old or the new file, never a mix."""
    temp = path.with_name(f'{TEMP_PREFIX}{path.name}-{os.getpid()}')
    with open(temp, 'wb') as handle:
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
