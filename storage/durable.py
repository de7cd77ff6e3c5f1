"""The data file: kept in memory as encoded JSON, written atomically, one transaction at a time.

Stock ``JSONStorage`` re-parses the whole file on every read and rewrites it in place on
every write, so a crash mid-write leaves a broken file and each write at 30,000 contacts
is slow (bench/README.md). ``DataFile`` instead:

* reads once, at open; the repositories serve every later read from memory;
* writes a temp file in the same folder, flushes, fsyncs, ``os.replace``-s it over the data
  file and fsyncs the folder, so the file on disk is always the old or the new state;
* keeps every document's JSON text in chunks and re-encodes only the documents a write
  touched, so a write's cost is the file's size in bytes, not its size in objects; the JSON is
  the file's own (``bulk.raw_tables``): no parsed document stays in memory, only the records;
* changes its memory only after the rename succeeded: a write that fails (full disk, read-only
  folder, I/O error) leaves the file, the memory and the folder exactly as they were.

The file stays a plain TinyDB document: ``TinyDB(path)`` opens it and sees every record, and
new documents get TinyDB's ids (one more than the largest the table ever held in this run).
"""

from __future__ import annotations

import json
import os
import re
import stat
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate, count
from pathlib import Path
from typing import Any

from .bulk import RawTable, dumps_ascii, parse, raw_tables
from .errors import DataFileCorrupt

Tables = dict[str, dict[str, Any]]
"""Per table, per document key: the parsed document."""
FileTables = dict[str, dict[str, Any] | RawTable]
"""Per table, its parsed documents, or (as read from a file) its JSON."""
Changes = Mapping[str, Mapping[str, Any]]
"""Per table, per document key: the new document, or ``None`` to remove it (in write order)."""

TEMP_PREFIX = '.careernet-tmp-'
PRIVATE = 0o600

# Compact, ASCII-only JSON: any TinyDB opens it whatever its locale's encoding.
_encode = json.JSONEncoder(ensure_ascii=True, separators=(',', ':')).encode
_temp_serial = count()


def fragment(key: str, value: Any) -> bytes:
    """``"key":value`` as compact ASCII JSON bytes: one member of a JSON object."""
    return f'{_encode(key)}:'.encode('ascii') + dumps_ascii(value)


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What identifies one version of the file on disk without reading it."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        """The stamp of ``path`` now, or None when there is no file."""
        try:
            info = os.stat(path)
        except FileNotFoundError:
            return None
        return cls(inode=info.st_ino, size=info.st_size, mtime_ns=info.st_mtime_ns)


class DataFile:
    """One TinyDB JSON file, held in memory as encoded documents and written atomically."""

    def __init__(self, path: str | os.PathLike[str], tables: FileTables, *, read_only: bool = False) -> None:
        """Hold ``tables`` (as read from ``path``); ``read_only`` keeps every write in memory only."""
        self.path = Path(path)
        self.read_only = read_only
        self._tables = {name: EncodedTable(_fragments(docs)) for name, docs in tables.items()}
        self._next_ids = {name: _next_id(docs.docs if isinstance(docs, RawTable) else docs)
                          for name, docs in tables.items()}
        self.writes = 0
        self.stamp = FileStamp.of(self.path)

    def changed_on_disk(self) -> bool:
        """Whether the file on disk is no longer the one this object read or last wrote.

        A sync client, a restore by hand or another program replaced or edited it: its inode,
        size or modification time moved.
        """
        return not self.read_only and FileStamp.of(self.path) != self.stamp

    def next_id(self, table: str) -> int:
        """The TinyDB doc id the next document added to ``table`` gets."""
        return self._next_ids.get(table, 1)

    def write(self, changes: Changes) -> None:
        """Write the file with ``changes`` applied, then apply them in memory.

        Raises:
            OSError: the file could not be written; the file and this object are as before.
        """
        staged: dict[str, StagedTable] = {}
        for name, docs in changes.items():
            table = self._tables.get(name) or EncodedTable({})
            staged[name] = table.stage(
                {key: None if doc is None else fragment(key, doc) for key, doc in docs.items()})
        names = list(self._tables) + [name for name in changes if name not in self._tables]
        parts = [b'{']
        for index, name in enumerate(names):
            parts.append(f'{"," if index else ""}{_encode(name)}:'.encode('ascii'))
            parts.extend(staged[name].parts() if name in staged else self._tables[name].parts())
        parts.append(b'}')
        if not self.read_only:
            self.stamp = write_atomically(self.path, parts)
        # The file holds the new state: only now does memory follow.
        for name, change in staged.items():
            self._tables[name] = change.commit()
            added = [int(key) for key, doc in changes[name].items() if doc is not None and key.isdigit()]
            if added:
                self._next_ids[name] = max(self.next_id(name), max(added) + 1)
        self.writes += 1

    def rewrite(self) -> None:
        """Write the whole file as it stands in memory (after a migration)."""
        self.write({})

    def documents(self) -> Tables:
        """Every table decoded from memory: what a fresh read of the file gives."""
        return {name: json.loads(b''.join(table.parts())) for name, table in self._tables.items()}


class EncodedTable:
    """A table's JSON kept in chunks of documents, so a write re-joins one chunk, not the table.

    Each chunk is one bytes object (its documents' JSON, comma-separated) and where each document
    ends in it: the table costs its size in the file and little more. Documents keep their order
    (TinyDB's dict order): a changed one stays in place, a new one goes at the end, exactly as a
    full re-encode of the dict would place it.
    """

    CHUNK = 256

    def __init__(self, fragments: Mapping[str, bytes] | Iterable[tuple[str, bytes]] = ()) -> None:
        """Hold ``fragments`` (``"key":document`` JSON, by key), read one chunk at a time."""
        self._chunks: list[Chunk] = []
        self._chunk_of: dict[str, int] = {}
        batch: dict[str, bytes] = {}
        for key, encoded in fragments.items() if isinstance(fragments, Mapping) else fragments:
            batch[key] = encoded
            if len(batch) == self.CHUNK:
                self._append(batch)
                batch = {}
        if batch:
            self._append(batch)

    def _append(self, fragments: dict[str, bytes]) -> None:
        index = len(self._chunks)
        self._chunks.append(Chunk.of(fragments))
        for key in fragments:
            self._chunk_of[key] = index

    def stage(self, changes: Mapping[str, bytes | None]) -> StagedTable:
        """The table with ``changes`` (key -> fragment, None to remove), built beside this one."""
        return StagedTable(self, changes)

    def parts(self) -> list[bytes]:
        """The table as JSON, in pieces to write one after another."""
        return _parts(self._chunks)


@dataclass(frozen=True, slots=True)
class Chunk:
    """Up to ``EncodedTable.CHUNK`` documents' JSON, joined by commas, and where each one ends."""

    keys: list[str]
    ends: array[int]
    data: bytes

    @classmethod
    def of(cls, fragments: Mapping[str, bytes]) -> Chunk:
        """The chunk of these fragments, in their order."""
        # Fragment i ends where fragment i + 1's comma is: the running total of (length + 1), from -1.
        ends = array('q', accumulate((len(encoded) + 1 for encoded in fragments.values()), initial=-1))
        del ends[0]
        return cls(list(fragments), ends, b','.join(fragments.values()))

    def fragments(self) -> dict[str, bytes]:
        """Every document's fragment, by key, in order."""
        data, start, found = self.data, 0, {}
        for key, end in zip(self.keys, self.ends, strict=True):
            found[key] = data[start:end]
            start = end + 1
        return found


class StagedTable:
    """A change to an ``EncodedTable`` that touches it only when ``commit`` is called.

    Only the chunks the change touches are copied, so staging costs one chunk per change.
    """

    def __init__(self, table: EncodedTable, changes: Mapping[str, bytes | None]) -> None:
        self._table = table
        self._copies: dict[int, dict[str, bytes]] = {}
        self._moves: dict[str, int | None] = {}
        self._count = len(table._chunks)
        for key, encoded in changes.items():
            index = self._moves[key] if key in self._moves else table._chunk_of.get(key)
            if encoded is None:
                if index is not None:
                    del self._chunk(index)[key]
                    self._moves[key] = None
                continue
            if index is None:
                index = self._count - 1
                if index < 0 or len(self._chunk(index)) >= EncodedTable.CHUNK:
                    index = self._count
                    self._count += 1
                    self._copies[index] = {}
                self._moves[key] = index
            self._chunk(index)[key] = encoded
        self._built: dict[int, Chunk] = {}

    def _chunk(self, index: int) -> dict[str, bytes]:
        copy = self._copies.get(index)
        if copy is None:
            copy = self._copies[index] = self._table._chunks[index].fragments()
        return copy

    def _chunks(self) -> list[Chunk]:
        table = self._table
        for index, fragments in self._copies.items():
            if index not in self._built:
                self._built[index] = Chunk.of(fragments)
        return [self._built[index] if index in self._built else table._chunks[index] for index in range(self._count)]

    def parts(self) -> list[bytes]:
        """The changed table as JSON pieces."""
        return _parts(self._chunks())

    def commit(self) -> EncodedTable:
        """Make the change in the table (after the file holds it); returns the table."""
        table = self._table
        table._chunks = self._chunks()
        for key, moved in self._moves.items():
            if moved is None:
                table._chunk_of.pop(key, None)
            else:
                table._chunk_of[key] = moved
        return table


def _parts(chunks: list[Chunk]) -> list[bytes]:
    pieces = [b'{']
    for chunk in chunks:
        if chunk.data:
            if len(pieces) > 1:
                pieces.append(b',')
            pieces.append(chunk.data)
    pieces.append(b'}')
    return pieces


def _fragments(table: dict[str, Any] | RawTable) -> Iterator[tuple[str, bytes]]:
    """Each document of a table as a ``"key":document`` fragment, in order."""
    if isinstance(table, RawTable):
        for key, doc in table.docs.items():  # the file's own JSON of the document
            # A TinyDB doc id is ASCII digits: nothing to escape, so no encoder call.
            name = f'"{key}":' if key.isascii() and key.isdigit() else f'{_encode(key)}:'
            yield key, b'%b%b' % (name.encode('ascii'), doc)
    else:
        for key, doc in table.items():
            yield key, fragment(key, doc)


def _next_id(docs: Mapping[str, Any]) -> int:
    ids = [int(key) for key in docs if key.isdigit()]
    return max(ids) + 1 if ids else 1


def load_tables(path: Path) -> FileTables:
    """Read a TinyDB JSON file's tables (see ``read_tables``); a missing or empty file is an empty database.

    Raises:
        DataFileCorrupt: the file is not JSON, or not shaped like a TinyDB database.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise DataFileCorrupt(f'Cannot read the data file {path}: {error.strerror}.') from error
    return read_tables(raw, path)


def read_tables(raw: bytes, path: Path) -> FileTables:
    """The tables of a TinyDB document's bytes, each kept as its JSON when msgspec reads the file.

    What msgspec does not read (a file that is not ASCII, or that only ``json.loads`` reads) is
    parsed into documents by ``parse_tables``, which also says what is wrong with a broken file.

    Raises:
        DataFileCorrupt: the bytes are not JSON, or not shaped like a TinyDB database.
    """
    if not raw.strip():
        return {}
    tables = raw_tables(raw)
    if tables is None:
        return {name: docs for name, docs in parse_tables(raw, path).items()}
    return {name: table for name, table in tables.items()}


def parse_tables(raw: bytes, path: Path) -> Tables:
    """The tables of a TinyDB document's bytes (empty bytes: no tables); ``path`` names it in errors.

    Raises:
        DataFileCorrupt: the bytes are not JSON, or not shaped like a TinyDB database.
    """
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


def write_atomically(path: Path, parts: Iterable[bytes]) -> FileStamp:
    """Write ``parts`` to ``path`` so that a crash leaves either the old or the new file, never a mix.

    The new file keeps the mode of the one it replaces (``0600`` for a new file), and a write that
    fails removes its temp file before raising. Returns the stamp of the file written.
    """
    mode = _mode_to_keep(path)
    temp = temp_path(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, 'O_BINARY', 0), mode)
    try:
        try:
            if hasattr(os, 'fchmod'):
                os.fchmod(fd, mode)  # the umask narrowed O_CREAT's mode; a user's 0640 stays 0640
            view = memoryview(b''.join(parts))
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        stamp = FileStamp.of(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
    assert stamp is not None
    return stamp


def temp_path(path: Path) -> Path:
    """A temp file name beside ``path`` that names the data file and the writing process."""
    return path.with_name(f'{TEMP_PREFIX}{path.name}-{os.getpid()}-{next(_temp_serial)}')


def _mode_to_keep(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode) or PRIVATE
    except OSError:
        return PRIVATE


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # Some filesystems refuse fsync on a folder; the rename itself is atomic and done.
    finally:
        os.close(fd)


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Delete the temp files of ``path`` whose writing process is gone; returns what was removed.

    Temp files of other data files in the folder, and of writers still running, are left alone.
    """
    pattern = re.compile(re.escape(f'{TEMP_PREFIX}{path.name}-') + r'(\d+)(?:-\d+)?')
    removed = []
    for candidate in path.parent.glob(f'{TEMP_PREFIX}*'):
        match = pattern.fullmatch(candidate.name)
        if match is None or process_alive(int(match.group(1))):
            continue
        candidate.unlink(missing_ok=True)
        removed.append(candidate)
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (this one counts as gone: its writes are not in flight)."""
    if pid == os.getpid() or os.name == 'nt':
        # On Windows os.kill(pid, 0) would send Ctrl+C; and the data file's lock already tells
        # that no other process writes it, so its temp files are stale.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False  # Windows raises other errors for a pid that is not running
    return True
