"""The fast JSON paths give exactly the bytes and values the standard library gives."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.bulk import dumps_ascii, parse, raw_tables

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([1e16, 1e-5, 1e-7, 1e15, 123456789012345678.0, 0.1, -0.0, 3.0, 1e300])
    | st.text()
    | st.sampled_from(['\x7f', '\x00\x1b\x1f', 'é', '😀', '\u2028', '\ud800', 'a"b\\c/'])
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=30,
)


def stdlib(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=True, separators=(',', ':')).encode('ascii')


@settings(max_examples=500)
@given(JSON_VALUES)
def test_dumps_ascii_gives_the_standard_librarys_bytes(value: Any) -> None:
    assert dumps_ascii(value) == stdlib(value)


@settings(max_examples=300)
@given(JSON_VALUES)
def test_parse_reads_what_the_standard_library_reads(value: Any) -> None:
    for text in (stdlib(value), json.dumps(value, ensure_ascii=False, indent=1).encode('utf-8', 'surrogatepass')):
        try:
            expected = json.loads(text)
        except UnicodeDecodeError:
            continue
        assert same(parse(text), expected)


@pytest.mark.parametrize('raw', [b'\xef\xbb\xbf{"a": 1}', b'{"a": NaN}', b'{"a": 123456789012345678901234567890}'])
def test_parse_accepts_what_only_the_standard_library_reads(raw: bytes) -> None:
    assert same(parse(raw), json.loads(raw))


@pytest.mark.parametrize('raw', [b'{"a": ', b'\xff\xfe{', b'[1, 2,]'])
def test_parse_refuses_what_the_standard_library_refuses(raw: bytes) -> None:
    with pytest.raises((json.JSONDecodeError, UnicodeDecodeError)):
        parse(raw)


def same(left: Any, right: Any) -> bool:
    """Equal, type for type, with NaN equal to itself."""
    if isinstance(left, float) and isinstance(right, float) and math.isnan(left):
        return math.isnan(right)
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return list(left) == list(right) and all(same(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right)


TABLES = {'contacts': {'1': {'id': 'a', 'name': 'Ada'}, '2': {'id': 'b', 'name': 'Grace, "G"'}}, 'notes': {}}


def test_a_compact_file_is_split_in_place() -> None:
    raw = stdlib(TABLES)
    tables = raw_tables(raw)
    assert tables is not None
    contacts = tables['contacts']
    assert raw[contacts.start:contacts.start + len(contacts.raw)] == bytes(contacts.raw)
    assert [bytes(doc) for doc in contacts.docs.values()] == [stdlib(doc) for doc in TABLES['contacts'].values()]
    assert tables['notes'].start >= 0


@pytest.mark.parametrize('dumps', [json.dumps, lambda value: json.dumps(value, indent=2)], ids=['tinydb', 'indented'])
def test_a_file_with_whitespace_between_its_parts_is_compacted(dumps: Any) -> None:
    tables = raw_tables(dumps(TABLES).encode('ascii'))
    assert tables is not None
    assert all(table.start == -1 for table in tables.values())  # not the file's bytes: kept in memory
    assert [bytes(doc) for doc in tables['contacts'].docs.values()] == \
        [stdlib(doc) for doc in TABLES['contacts'].values()]


def test_whitespace_inside_one_document_is_kept_as_the_file_holds_it() -> None:
    raw = stdlib(TABLES).replace(b'{"id":"a","name":"Ada"}', b'{"id": "a",  "name":"Ada"}')
    tables = raw_tables(raw)
    assert tables is not None
    assert bytes(tables['contacts'].docs['1']) == b'{"id": "a",  "name":"Ada"}'
    assert tables['contacts'].start >= 0  # the lengths still add up: placed in the file


def test_a_document_that_is_not_an_object_is_left_to_parse() -> None:
    assert raw_tables(b'{"contacts":{"1":3}}') is None
    assert raw_tables(b'{"contacts": {"1": 3}}') is None
