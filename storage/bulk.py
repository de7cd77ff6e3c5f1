"""Reading and writing a whole data file fast, with the bytes the standard library would give.

At 30,000 contacts the file holds 94,000 documents. The standard ``json`` module parses and encodes
them in Python; msgspec does both in C, several times faster (bench/README.md). The file's bytes
must not change with the library, so:

* ``parse`` is msgspec's parser, falling back to ``json.loads`` for what msgspec refuses but
  ``json`` accepts (a byte-order mark, ``NaN``, integers beyond 64 bits, lone surrogates);
* ``dumps_ascii`` is msgspec's encoder, with the few spellings where it differs from
  ``json.dumps(ensure_ascii=True, separators=(',', ':'))`` put back: non-ASCII characters and
  DEL escaped as ``\\uXXXX``, and any document holding a float (msgspec spells some differently:
  1e16 against 1e+16) or something msgspec cannot encode left to ``json`` itself;
* ``raw_tables`` does not build the documents at all: it splits the file into each table's and
  each document's JSON bytes (views into the file), so the records are decoded straight from
  the bytes and the data file keeps each document's JSON, with no parsed dict in between.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import msgspec

_json_encode = json.JSONEncoder(ensure_ascii=True, separators=(',', ':')).encode
_msgspec_encode = msgspec.json.Encoder().encode
_msgspec_decode = msgspec.json.Decoder().decode
_msgpack_encode = msgspec.msgpack.Encoder().encode
_NOT_PRINTABLE_ASCII = re.compile('[^\x00-\x7e]')
_split = msgspec.json.Decoder(dict[str, msgspec.Raw]).decode  # an object's members, as JSON
# What json.dumps's default separators (TinyDB's own writes) and indent leave in a file; also
# found, harmlessly, inside strings that hold an escaped quote before ": ".
_LOOSE = (b'": ', b', "', b'\n')


@dataclass(frozen=True, slots=True)
class RawTable:
    """A table as the file holds it, not parsed: its JSON object, and each document's JSON.

    Both are views into the file's bytes (``msgspec.Raw``): the file stays in memory as long as
    one of them does. Every document is a JSON object. ``start`` is where the table's ``{`` is
    in the file when the file is laid out as CareerNet writes it (no whitespace between
    documents, no escape in a table name or document key), so each document's place in the
    file follows from the lengths alone; else -1.
    """

    raw: msgspec.Raw
    docs: dict[str, msgspec.Raw]
    start: int = -1


def raw_tables(raw: bytes) -> dict[str, RawTable] | None:
    """The tables of a TinyDB file's bytes, each kept as JSON; None when only ``parse`` can read it.

    The documents' JSON is what the file holds, so a write can put it back as it is; a file with
    whitespace between its tables or documents (TinyDB's own writes have some everywhere) is
    compacted first. None for a file that is not ASCII (it is re-encoded as ASCII on the next
    write), and for anything msgspec does not read as JSON (``parse`` then reads it as
    ``json.loads`` would, or says what is wrong with it): JSON that is not an object of tables,
    each an object of documents, each a JSON object.
    """
    if not raw.isascii():
        return None
    try:
        tables = _split_tables(raw, in_file=True)
        # A file CareerNet wrote is laid out compactly, which the lengths show. Only a file where they
        # do not add up is searched for whitespace: each search takes 40 ms at 30,000 contacts.
        if tables is not None and any(table.start < 0 for table in tables.values()) \
                and any(loose in raw for loose in _LOOSE):
            tables = _split_tables(msgspec.json.format(raw, indent=-1), in_file=False)
    except msgspec.DecodeError:  # not JSON as msgspec reads it, or not tables of objects
        return None
    return tables


def _split_tables(raw: bytes, *, in_file: bool) -> dict[str, RawTable] | None:
    """``raw``'s tables, each split into its documents; None when a document is not a JSON object.

    With ``in_file``, a table whose parts' lengths add up to the file's is placed in it (``start``).
    """
    split = _split(raw)
    # Where each table starts, if the file is compact: then its length is the sum of its parts'.
    starts, at = {}, 1
    for name, table in split.items():
        at += len(name) + 3  # "name":
        starts[name] = at
        at += len(table) + 1  # the table, then a comma (or the closing brace)
    laid_out = in_file and (at == len(raw) or not split)
    tables = {}
    for name, table in split.items():
        docs = _split(table)
        if not all(memoryview(doc)[0] == 0x7b for doc in docs.values()):  # '{'
            return None
        compact = laid_out and sum(len(key) + 4 + len(doc) for key, doc in docs.items()) + 1 + (not docs) \
            == len(table)
        tables[name] = RawTable(table, docs, starts[name] if compact else -1)
    return tables


def documents_of(table: dict[str, Any] | RawTable) -> dict[str, Any]:
    """A table's documents as ``json.loads`` gives them: parsed from its JSON if it is kept as JSON."""
    if isinstance(table, RawTable):
        return parse(bytes(table.raw))  # type: ignore[no-any-return]
    return table


def parse(raw: bytes) -> Any:
    """The JSON document in ``raw``, as ``json.loads`` would return it.

    Raises:
        json.JSONDecodeError, UnicodeDecodeError: ``raw`` is not JSON, as ``json.loads`` says.
    """
    try:
        return _msgspec_decode(raw)
    except (msgspec.DecodeError, UnicodeDecodeError, OverflowError):
        return json.loads(raw)


def dumps_ascii(value: Any) -> bytes:
    """``value`` as compact ASCII JSON: ``json.dumps(value, ensure_ascii=True, separators=(',', ':'))``."""
    try:
        if _may_hold_a_float(value):
            return _json_encode(value).encode('ascii')
        out = _msgspec_encode(value)
    except (TypeError, ValueError, OverflowError):  # lone surrogates, huge ints, odd types
        return _json_encode(value).encode('ascii')
    if out.isascii() and b'\x7f' not in out:
        return out
    return _NOT_PRINTABLE_ASCII.sub(_escape, out.decode('utf-8')).encode('ascii')


def _may_hold_a_float(value: Any) -> bool:
    # msgspec spells some floats differently from Python's repr (1e16 against 1e+16, 0.00001
    # against 1e-05) and writes NaN and infinities as null. CareerNet stores floats only in a
    # few metrics, so a document holding one is left to json. MessagePack (in C, a tenth of the
    # JSON encoding's time) writes every float as the byte 0xcb and its 8 IEEE bytes: a 0xcb
    # elsewhere (inside a string or an integer) is a false alarm, a float is never missed.
    return b'\xcb' in _msgpack_encode(value)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f'\\u{code:04x}'
    code -= 0x10000
    return f'\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}'
