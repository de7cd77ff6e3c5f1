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
* keeps an unchanged chunk's JSON in the file, not in memory: it holds the version of the file it
  read or last wrote open (``Backing``) and copies those chunks from it into the next version,
  so the data file costs memory for the documents' keys and places only (a third of the
  server's memory at 30,000 contacts, before); a small table is kept in memory whole;
* changes its memory only after the rename succeeded: a write that fails (full disk, read-only
  folder, I/O error) leaves the file, the memory and the folder exactly as they were.

The file stays a plain TinyDB document: ``TinyDB(path)`` opens it and sees every record, and
new documents get TinyDB's ids (one more than the largest the table ever held in this run).
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import threading
import weakref
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
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
IN_MEMORY_BELOW = 1 << 20
"""A table smaller than this (settings, the schema version, a few records) is kept in memory whole."""
_BLOCK = 1 << 20  # bytes written (or copied from the version held open) per system call

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
        return cls.of_info(info)

    @classmethod
    def of_info(cls, info: os.stat_result) -> FileStamp:
        """The stamp of a file ``os.stat`` or ``os.fstat`` described."""
        return cls(inode=info.st_ino, size=info.st_size, mtime_ns=info.st_mtime_ns)


class Backing:
    """One version of the data file, held open: the unchanged chunks of the next write come from it.

    The descriptor keeps that version readable after a sync client or a restore replaces the
    file by a rename. A program that rewrites it in place (stock TinyDB does) changes its size
    or modification time: ``intact`` then says no, and nothing is copied from it.
    """

    def __init__(self, fd: int, stamp: FileStamp) -> None:
        self.fd = fd
        self.stamp = stamp
        self._closed = weakref.finalize(self, os.close, fd)
        self._position = threading.Lock()  # where os.pread is missing (Windows): seek, then read

    def intact(self) -> bool:
        """Whether the file still holds the version this backing was made for."""
        try:
            return FileStamp.of_info(os.fstat(self.fd)) == self.stamp
        except OSError:
            return False

    def read(self, start: int, size: int) -> bytes:
        """``size`` bytes from ``start``.

        Raises:
            OSError: they cannot be read, or the file is shorter.
        """
        pieces, done = [], 0
        while done < size:
            if hasattr(os, 'pread'):
                piece = os.pread(self.fd, size - done, start + done)
            else:
                with self._position:
                    os.lseek(self.fd, start + done, os.SEEK_SET)
                    piece = os.read(self.fd, size - done)
            if not piece:
                raise OSError(errno.EIO, 'the data file is shorter than CareerNet wrote it')
            pieces.append(piece)
            done += len(piece)
        return pieces[0] if len(pieces) == 1 else b''.join(pieces)

    def close(self) -> None:
        """Close the descriptor (also done when the backing is collected)."""
        self._closed()


class DataFile:
    """One TinyDB JSON file, held as encoded documents (in memory, or in the file) and written atomically."""

    def __init__(self, path: str | os.PathLike[str], tables: FileTables, *, read_only: bool = False,
                 backing: Backing | None = None) -> None:
        """Hold ``tables`` (as read from ``path``); ``read_only`` keeps every write in memory only.

        With ``backing`` (the version of the file ``tables`` were read from, see ``read_file``), a
        large table laid out as CareerNet writes it stays in the file; every other is kept in memory.
        """
        self.path = Path(path)
        self.read_only = read_only
        self._backing = backing
        self._tables = {name: self._table(docs) for name, docs in tables.items()}
        self._next_ids = {name: _next_id(docs.docs if isinstance(docs, RawTable) else docs)
                          for name, docs in tables.items()}
        self.writes = 0
        self.stamp = backing.stamp if backing is not None else FileStamp.of(self.path)
        self.recover: Callable[[str], dict[str, Any] | None] = lambda name: None
        """The documents of a table from the records (set by the store): used when the version a
        table's chunks are in was rewritten in place by another program."""

    def _table(self, docs: dict[str, Any] | RawTable) -> EncodedTable:
        if self._backing is not None and isinstance(docs, RawTable) and docs.start >= 0 \
                and len(docs.raw) >= IN_MEMORY_BELOW:
            return EncodedTable.in_file(docs.docs, docs.start)
        return EncodedTable(_fragments(docs))

    def close(self) -> None:
        """Let go of the file's version held open (the object is not used afterwards)."""
        if self._backing is not None:
            self._backing.close()

    def held_in_memory(self) -> int:
        """How many bytes of documents' JSON this object holds in memory (the rest is in the file)."""
        return sum(len(chunk.data) for table in self._tables.values() for chunk in table._chunks
                   if chunk.data is not None)

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
        if self._backing is not None and not self._backing.intact():  # (read-only too: it reads chunks)
            self._recover_tables()
        staged: dict[str, StagedTable] = {}
        for name, docs in changes.items():
            table = self._tables.get(name) or EncodedTable({})
            staged[name] = table.stage(
                {key: None if doc is None else fragment(key, doc) for key, doc in docs.items()}, self._backing)
        names = list(self._tables) + [name for name in changes if name not in self._tables]
        parts: list[bytes | Chunk] = [b'{']
        for index, name in enumerate(names):
            parts.append(f'{"," if index else ""}{_encode(name)}:'.encode('ascii'))
            parts.extend(staged[name].parts() if name in staged else self._tables[name].parts())
        parts.append(b'}')
        written: Written | None = None
        if not self.read_only:
            written = _write_version(self.path, parts, self._backing)
            self.stamp = written.backing.stamp
        # The file holds the new state: only now does memory follow.
        for name, change in staged.items():
            self._tables[name] = change.commit()
            added = [int(key) for key, doc in changes[name].items() if doc is not None and key.isdigit()]
            if added:
                self._next_ids[name] = max(self.next_id(name), max(added) + 1)
        if written is not None:
            self._settle(written)
        self.writes += 1

    def _settle(self, written: Written) -> None:
        """Hold the version just written: a large table's chunks in it, and memory let go of."""
        for table in self._tables.values():
            if table.size() >= IN_MEMORY_BELOW:
                table.move_into(written.places)
            else:
                table.keep_in_memory(written)
        if self._backing is not None:
            self._backing.close()
        self._backing = written.backing

    def _recover_tables(self) -> None:
        """The version held open was rewritten in place: take the tables kept in it from the records.

        Raises:
            OSError: a table kept in the file is not one the records can give (nothing was changed).
        """
        recovered = {}
        for name, table in self._tables.items():
            if table.in_memory():
                continue
            docs = self.recover(name)
            if docs is None:
                raise OSError(errno.EIO, f'the table "{name}" of {self.path.name} was changed by another program')
            recovered[name] = EncodedTable(_fragments(docs))
        self._tables.update(recovered)
        assert self._backing is not None
        self._backing.close()
        self._backing = None

    def rewrite(self) -> None:
        """Write the whole file as it stands in memory (after a migration)."""
        self.write({})

    def documents(self) -> Tables:
        """Every table decoded from what this object holds: what a fresh read of the file gives."""
        return {name: json.loads(b''.join(_materialised(table.parts(), self._backing)))
                for name, table in self._tables.items()}


class EncodedTable:
    """A table's JSON kept in chunks of documents, so a write re-joins one chunk, not the table.

    Each chunk is its documents' JSON, comma-separated (one bytes object, or a place in the file
    held open), and where each document ends in it: a table kept in the file costs its keys and
    little more, one kept in memory its size in the file and little more. Documents keep their order
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

    @classmethod
    def in_file(cls, docs: Mapping[str, Any], start: int) -> EncodedTable:
        """A table whose JSON is in the file from ``start``, compact: placed by the documents' lengths.

        ``docs`` holds each document's JSON (anything ``len`` measures) by key, in file order.
        """
        table = cls()
        keys: list[str] = []
        lengths: list[int] = []
        at = start + 1  # after the table's '{'
        for key, doc in docs.items():
            keys.append(key)
            lengths.append(len(key) + 3 + len(doc))  # "key":doc
            if len(keys) == cls.CHUNK:
                at = table._append_placed(keys, lengths, at)
                keys, lengths = [], []
        if keys:
            table._append_placed(keys, lengths, at)
        return table

    def _append(self, fragments: dict[str, bytes]) -> None:
        self._add(Chunk.of(fragments))

    def _append_placed(self, keys: list[str], lengths: list[int], at: int) -> int:
        chunk = Chunk.placed(keys, lengths, at)
        self._add(chunk)
        return at + chunk.size + 1  # the next chunk starts after a comma

    def _add(self, chunk: Chunk) -> None:
        index = len(self._chunks)
        self._chunks.append(chunk)
        for key in chunk.keys:
            self._chunk_of[key] = index

    def stage(self, changes: Mapping[str, bytes | None], backing: Backing | None = None) -> StagedTable:
        """The table with ``changes`` (key -> fragment, None to remove), built beside this one."""
        return StagedTable(self, changes, backing)

    def parts(self) -> list[bytes | Chunk]:
        """The table as JSON, in pieces to write one after another (a chunk may be in the file)."""
        return _parts(self._chunks)

    def size(self) -> int:
        """The table's JSON length without its braces."""
        return sum(chunk.size for chunk in self._chunks)

    def in_memory(self) -> bool:
        """Whether every chunk is held in memory."""
        return all(chunk.data is not None for chunk in self._chunks)

    def keep_in_memory(self, written: Written) -> None:
        """After a write: hold every chunk in memory (a small table), reading those kept in the file."""
        try:
            self._chunks = [chunk if chunk.data is not None or id(chunk) not in written.places
                            else replace(chunk, data=written.backing.read(written.places[id(chunk)], chunk.size))
                            for chunk in self._chunks]
        except OSError:  # cannot read back what was just written: then it stays in the file
            self.move_into(written.places)

    def move_into(self, places: Mapping[int, int]) -> None:
        """After a write: each chunk is only in the file just written, where ``places`` says."""
        self._chunks = [Chunk(chunk.keys, chunk.ends, None, places[id(chunk)]) if id(chunk) in places else chunk
                        for chunk in self._chunks]


@dataclass(frozen=True, slots=True)
class Chunk:
    """Up to ``EncodedTable.CHUNK`` documents' JSON, joined by commas, and where each one ends.

    The JSON is ``data`` when it is held in memory; else (``data`` None) it is in the version of
    the file held open (a ``Backing``), from ``start``.
    """

    keys: list[str]
    ends: array[int]
    data: bytes | None
    start: int = -1

    @classmethod
    def of(cls, fragments: Mapping[str, bytes]) -> Chunk:
        """The chunk of these fragments, in their order, held in memory."""
        return cls(list(fragments), _ends(len(encoded) for encoded in fragments.values()),
                   b','.join(fragments.values()))

    @classmethod
    def placed(cls, keys: list[str], lengths: Iterable[int], start: int) -> Chunk:
        """The chunk of fragments of these lengths, in the file from ``start``."""
        return cls(keys, _ends(lengths), None, start)

    @property
    def size(self) -> int:
        """The chunk's length in bytes."""
        return self.ends[-1] if self.ends else 0

    def read(self, backing: Backing | None) -> bytes:
        """The chunk's JSON, from memory or from ``backing``.

        Raises:
            OSError: it cannot be read from the file.
        """
        if self.data is not None:
            return self.data
        if not self.ends:
            return b''
        if backing is None:
            raise OSError(errno.EIO, 'the version of the data file CareerNet read is no longer open')
        return backing.read(self.start, self.size)

    def fragments(self, backing: Backing | None = None) -> dict[str, bytes]:
        """Every document's fragment, by key, in order."""
        data, start, found = self.read(backing), 0, {}
        for key, end in zip(self.keys, self.ends, strict=True):
            found[key] = data[start:end]
            start = end + 1
        return found


def _ends(lengths: Iterable[int]) -> array[int]:
    # Fragment i ends where fragment i + 1's comma is: the running total of (length + 1), from -1.
    ends = array('q', accumulate((length + 1 for length in lengths), initial=-1))
    del ends[0]
    return ends


class StagedTable:
    """A change to an ``EncodedTable`` that touches it only when ``commit`` is called.

    Only the chunks the change touches are copied, so staging costs one chunk per change.
    """

    def __init__(self, table: EncodedTable, changes: Mapping[str, bytes | None], backing: Backing | None) -> None:
        self._table = table
        self._backing = backing
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
            copy = self._copies[index] = self._table._chunks[index].fragments(self._backing)
        return copy

    def _chunks(self) -> list[Chunk]:
        table = self._table
        for index, fragments in self._copies.items():
            if index not in self._built:
                self._built[index] = Chunk.of(fragments)
        return [self._built[index] if index in self._built else table._chunks[index] for index in range(self._count)]

    def parts(self) -> list[bytes | Chunk]:
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


def _parts(chunks: list[Chunk]) -> list[bytes | Chunk]:
    pieces: list[bytes | Chunk] = [b'{']
    for chunk in chunks:
        if chunk.size:
            if len(pieces) > 1:
                pieces.append(b',')
            pieces.append(chunk)
    pieces.append(b'}')
    return pieces


def _materialised(parts: Iterable[bytes | Chunk], backing: Backing | None) -> Iterator[bytes]:
    for part in parts:
        yield part.read(backing) if isinstance(part, Chunk) else part


@dataclass(frozen=True, slots=True)
class Written:
    """A version of the data file just written: held open, and where each chunk went in it."""

    backing: Backing
    places: dict[int, int]
    """``id(chunk)`` -> where the chunk starts in the new version."""


def _write_version(path: Path, parts: list[bytes | Chunk], backing: Backing | None) -> Written:
    """Write the data file's new version atomically, copying the chunks kept in the file from ``backing``.

    Raises:
        OSError: it could not be written (or ``backing`` was rewritten in place meanwhile); the
            file on disk is the old version.
    """
    places: dict[int, int] = {}

    def write(fd: int) -> None:
        sink = _Sink(fd)
        for part in parts:
            if isinstance(part, Chunk):
                places[id(part)] = sink.written
                if part.data is not None:
                    sink.write(part.data)
                else:
                    if backing is None:
                        raise OSError(errno.EIO, 'the version of the data file CareerNet read is no longer open')
                    for at in range(0, part.size, _BLOCK):
                        sink.write(backing.read(part.start + at, min(_BLOCK, part.size - at)))
            else:
                sink.write(part)
        sink.flush()
        if backing is not None and not backing.intact():
            raise OSError(errno.EAGAIN, 'another program rewrote the data file while CareerNet saved it')

    fd, stamp = _replace(path, write, keep_open=True)
    assert fd is not None
    return Written(Backing(fd, stamp), places)


class _Sink:
    """Writes pieces to a descriptor, gathering small ones into one system call."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._pending: list[bytes] = []
        self._size = 0
        self.written = 0
        """Bytes written so far, pending ones included: where the next piece starts in the file."""

    def write(self, data: bytes) -> None:
        self._pending.append(data)
        self._size += len(data)
        self.written += len(data)
        if self._size >= _BLOCK:
            self.flush()

    def flush(self) -> None:
        view = memoryview(self._pending[0] if len(self._pending) == 1 else b''.join(self._pending))
        while view:
            view = view[os.write(self._fd, view):]
        self._pending.clear()
        self._size = 0


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
    tables, backing = read_file(path)
    if backing is not None:
        backing.close()
    return tables


def read_file(path: Path) -> tuple[FileTables, Backing | None]:
    """Read a TinyDB JSON file's tables, and hold the version read open when its tables can stay in it.

    The version is held (a ``Backing`` for ``DataFile``) when the file is laid out as CareerNet
    writes it and did not change while it was read; else None. A missing or empty file is an
    empty database.

    Raises:
        DataFileCorrupt: the file cannot be read, is not JSON, or not shaped like a TinyDB database.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, 'O_BINARY', 0))
    except FileNotFoundError:
        return {}, None
    except OSError as error:
        raise DataFileCorrupt(f'Cannot read the data file {path}: {error.strerror}.') from error
    try:
        before = FileStamp.of_info(os.fstat(fd))
        with open(fd, 'rb', closefd=False) as file:
            raw = file.read()
        tables = read_tables(raw, path)
        held = FileStamp.of_info(os.fstat(fd)) == before and before.size == len(raw) and any(
            isinstance(table, RawTable) and table.start >= 0 for table in tables.values())
    except OSError as error:
        os.close(fd)
        raise DataFileCorrupt(f'Cannot read the data file {path}: {error.strerror}.') from error
    except BaseException:
        os.close(fd)
        raise
    if not held:
        os.close(fd)
        return tables, None
    return tables, Backing(fd, before)


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
    def write(fd: int) -> None:
        view = memoryview(b''.join(parts))
        while view:
            view = view[os.write(fd, view):]

    return _replace(path, write, keep_open=False)[1]


def _replace(path: Path, write: Callable[[int], None], *, keep_open: bool) -> tuple[int | None, FileStamp]:
    """Have ``write`` fill a temp file beside ``path``, fsync it and rename it over ``path``.

    Returns the temp file's descriptor (open for reading, if ``keep_open``) and its stamp.
    """
    mode = _mode_to_keep(path)
    temp = temp_path(path)
    access = os.O_RDWR if keep_open else os.O_WRONLY
    fd = os.open(temp, access | os.O_CREAT | os.O_EXCL | getattr(os, 'O_BINARY', 0), mode)
    try:
        try:
            if hasattr(os, 'fchmod'):
                os.fchmod(fd, mode)  # the umask narrowed O_CREAT's mode; a user's 0640 stays 0640
            write(fd)
            os.fsync(fd)
            stamp = FileStamp.of_info(os.fstat(fd))
        except BaseException:
            os.close(fd)
            raise
        if not keep_open:
            os.close(fd)
        try:
            os.replace(temp, path)
        except BaseException:
            if keep_open:
                os.close(fd)
            raise
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
    return (fd if keep_open else None), stamp


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
