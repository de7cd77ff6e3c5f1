"""The codec: the file format is the old codec's, every record survives the round trip, and a bad
document is refused with its table, id and field named."""

from __future__ import annotations

import dataclasses
import json
import typing
from datetime import UTC, date, datetime, timedelta, timezone
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from bench.generate import network_of
from careernet_ui.calendar.marks import FeedMark
from careernet_ui.demo import generate_network
from careernet_ui.domain import (
    Accomplishment,
    Application,
    Contact,
    Feedback,
    FollowUpState,
    Interaction,
    Introduction,
    ReferenceRequest,
    Settings,
    ValidationError,
)
from careernet_ui.domain.import_history import ImportEntry
from storage import DataFileCorrupt, open_store
from storage.bulk import dumps_ascii, parse
from storage.codec import decode, decode_documents, encode
from storage.errors import InvalidRecord
from tests.conftest import TODAY

from . import legacy_codec as legacy

TABLES: dict[str, type[Any]] = {
    'contacts': Contact,
    'interactions': Interaction,
    'accomplishments': Accomplishment,
    'feedback': Feedback,
    'applications': Application,
    'reference_requests': ReferenceRequest,
    'introductions': Introduction,
    'followup_states': FollowUpState,
    'feed_marks': FeedMark,
}


def every_record() -> list[Any]:
    """The demo network, a 300-contact bench network, settings and feed marks."""
    records: list[Any] = [Settings(), FeedMark(followup_id='f', fingerprint='0' * 16, sequence=3,
                                               changed_at=datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC))]
    for network in (generate_network(TODAY, storylines=True), network_of(300, TODAY)):
        for table in dataclasses.fields(network):
            records.extend(getattr(network, table.name))
    return records


def test_records_encode_to_the_old_codecs_documents_byte_for_byte() -> None:
    for record in every_record():
        new, old = encode(record), legacy.encode(record)
        assert new == old
        assert dumps_ascii(new) == json.dumps(old, separators=(',', ':')).encode('ascii')


def test_documents_decode_to_the_records_the_old_codec_built() -> None:
    # The old codec's decode knew list hints only; the records' sequences are tuples now, so the
    # oracle is its encode: the record decoded from its document writes that document again.
    for record in every_record():
        doc = legacy.encode(record)
        decoded = decode(type(record), doc)
        assert decoded == record
        assert legacy.encode(decoded) == doc


def test_arrays_decode_to_tuples_and_tuples_encode_to_arrays() -> None:
    dana = generate_network(TODAY, storylines=True).contacts[-2]
    doc = legacy.encode(dana)
    assert isinstance(doc['stage_history'], list)
    assert isinstance(doc['tags'], list)
    decoded = decode(Contact, doc)
    assert isinstance(decoded.stage_history, tuple)
    assert isinstance(decoded.tags, tuple)
    assert encode(decoded) == doc
    assert isinstance(encode(decoded)['stage_history'], list)
    [(_, from_table)] = decode_documents(Contact, {'1': doc}, table='contacts')
    assert isinstance(from_table.emails, tuple)
    assert from_table == decoded


def test_a_nested_datetime_inside_a_tuple_is_written_as_the_old_codec_wrote_it() -> None:
    entry = ImportEntry(source='linkedin-archive', label='archive.zip', counts={'contacts': 2},
                        at=datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC))
    settings = Settings(own_emails=('sam@example.com',), import_history=(entry,))
    doc = encode(settings)
    assert doc == legacy.encode(settings)
    assert doc['import_history'][0]['at'] == '2026-03-04T05:06:07+00:00'
    assert dumps_ascii(doc) == json.dumps(legacy.encode(settings), separators=(',', ':')).encode('ascii')
    assert decode(Settings, doc) == settings


def test_a_file_written_before_msgspec_opens_with_the_same_records(data_path: Path) -> None:
    network = generate_network(TODAY, storylines=True)
    with TinyDB(data_path) as db:  # stock TinyDB: its own spacing, as a hand-made or older file has
        db.table('_meta').insert({'schema_version': 1})
        db.table('settings').insert(legacy.encode(Settings(feed_token='t' * 27)))
        for table in dataclasses.fields(network):
            db.table(table.name).insert_multiple(legacy.encode(r) for r in getattr(network, table.name))
    store = open_store(data_path)
    try:
        for table in dataclasses.fields(network):
            assert getattr(store, table.name).all() == getattr(network, table.name)
        # The calendar id is random and stored at the first open of a file that has none.
        assert store.settings == dataclasses.replace(Settings(feed_token='t' * 27),
                                                     calendar_id=store.settings.calendar_id)
    finally:
        store.close()
    assert len(TinyDB(data_path).table('contacts')) == len(network.contacts)  # still a stock TinyDB file


def test_unknown_keys_are_ignored_and_missing_ones_take_defaults() -> None:
    contact = decode(Contact, {'name': 'Dana Okafor', 'favourite_colour': 'teal', 'created_at': '2026-01-02T03:04:05'})
    assert (contact.name, contact.tags, contact.role.value) == ('Dana Okafor', (), 'other')
    assert contact.created_at == datetime(2026, 1, 2, 3, 4, 5)  # naive stays naive, as before


@pytest.mark.parametrize('moment', [
    datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 30, 0, 123, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    datetime(2026, 3, 29, 1, 30, tzinfo=timezone(-timedelta(hours=3))),
    datetime(2026, 3, 29, 1, 30),
])
def test_datetimes_keep_their_offset_and_isoformat_spelling(moment: datetime) -> None:
    mark = FeedMark(followup_id='f', fingerprint='x', sequence=0, changed_at=moment)
    doc = encode(mark)
    assert doc['changed_at'] == moment.isoformat()
    back = decode(FeedMark, doc)
    assert back.changed_at == moment
    assert back.changed_at.utcoffset() == moment.utcoffset()


def test_the_records_own_validation_runs_and_names_the_field() -> None:
    with pytest.raises(ValidationError, match='Name is required') as caught:
        decode(Contact, {'name': '   '})
    assert caught.value.field == 'name'


@pytest.mark.parametrize(('table', 'change', 'field', 'words'), [
    ('contacts', {'name': 42}, 'name', 'name: expected `str`, got `int`'),
    ('contacts', {'name': None}, 'name', 'name: expected `str`, got `null`'),
    ('contacts', {'role': 'astronaut'}, 'role', "role: invalid enum value 'astronaut'"),
    ('contacts', {'stage_history': [{'on': '21 Jan 2013', 'to_stage': 'contact'}]}, 'stage_history',
     'stage_history[0].on: invalid date'),
    ('contacts', {'emails': ['not an address']}, 'emails', '"not an address" is not an e-mail address'),
    ('interactions', {'on': '1850-01-01'}, 'on', 'Date 1850-01-01 is out of range'),
    ('contacts', {'consent': {'given_on': '2026-02-01', 'expires_on': '2026-01-01'}}, 'consent',
     'Consent expires on 2026-01-01, before it was given on 2026-02-01.'),
    ('interactions', {'contact_id': None, 'kind': None}, 'contact_id', 'expected `str`, got `null`'),
])
def test_a_bad_record_stops_the_open_naming_table_id_and_field(
    data_path: Path, table: str, change: dict[str, Any], field: str, words: str
) -> None:
    network = generate_network(TODAY)
    records = getattr(network, table)
    docs = {str(number): legacy.encode(record) for number, record in enumerate(records, 1)}
    docs['3'].update(change)
    data_path.write_text(json.dumps({'_meta': {'1': {'schema_version': 1}}, table: docs}))
    before = data_path.read_bytes()

    with pytest.raises(InvalidRecord) as caught:
        open_store(data_path)

    error = caught.value
    assert isinstance(error, DataFileCorrupt)
    assert (error.table, error.doc_id, error.record_id, error.field) == (table, '3', records[2].id, field)
    assert str(error).startswith(f'Record 3 (id {records[2].id}) of table "{table}" is invalid: field "{field}":')
    assert words in str(error)
    assert data_path.read_bytes() == before


def test_a_missing_required_field_is_named(data_path: Path) -> None:
    doc = legacy.encode(generate_network(TODAY).interactions[0])
    del doc['kind']
    with pytest.raises(InvalidRecord, match=r'field "kind": a required field is missing \(kind\)\.'):
        decode_documents(Interaction, {'7': doc}, table='interactions')


# --- property-based: any valid record survives, any broken document is refused with its place named ---


def records_of(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Valid ``cls`` records: every field drawn from its type, kept when the record's own checks pass."""
    hints = typing.get_type_hints(cls)
    fields = {f.name: _values(hints[f.name], f.name) for f in dataclasses.fields(cls) if f.init}
    return st.builds(lambda kwargs: _built(cls, kwargs), st.fixed_dictionaries(fields)).filter(
        lambda record: record is not None)


def _built(cls: type[Any], kwargs: dict[str, Any]) -> Any:
    try:
        return cls(**kwargs)
    except ValidationError:
        return None


TEXT = st.text(st.characters(codec='utf-8'), max_size=12)
ZONES = st.sampled_from([UTC, timezone(timedelta(hours=2)), timezone(-timedelta(hours=9, minutes=30))])


def _values(hint: Any, name: str) -> st.SearchStrategy[Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if name == 'emails':
        return st.lists(st.from_regex(r'\A[a-z]{1,8}@[a-z]{1,8}\.[a-z]{2,4}\Z'), max_size=3).map(tuple)
    if name == 'feed_time':
        return st.builds(lambda h, m: f'{h:02d}:{m:02d}', st.integers(0, 23), st.integers(0, 59))
    if name == 'feed_token':
        return st.text('abcdefghijklmnopqrstuvwxyz0123456789-_', min_size=22, max_size=30)
    if origin in (typing.Union, type(int | None)):
        options = [arg for arg in args if arg is not type(None)]
        return st.none() | _values(options[0], name)
    if origin is list:
        return st.lists(_values(args[0], name), max_size=3)
    if origin is tuple and args[1:] == (Ellipsis,):
        return st.lists(_values(args[0], name), max_size=3).map(tuple)
    if origin is dict:
        return st.dictionaries(_values(args[0], name), _values(args[1], name), max_size=4)
    if hint is str:
        return TEXT
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(0, 4000)
    if hint is float:
        return st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from([1e16, 1e-7, 2.5])
    if hint is datetime:
        return st.datetimes(timezones=st.none() | ZONES)
    if hint is date:
        return st.dates(date(1900, 1, 1), date(2100, 12, 31))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return st.sampled_from(list(hint))
    if dataclasses.is_dataclass(hint):
        return records_of(hint)  # type: ignore[arg-type]
    raise AssertionError(f'no strategy for {hint!r}')


ANY_RECORD = st.sampled_from([*TABLES.items(), ('settings', Settings)]).flatmap(
    lambda item: st.tuples(st.just(item[0]), records_of(item[1])))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(ANY_RECORD)
def test_any_valid_record_survives_encode_file_decode(item: tuple[str, Any]) -> None:
    table, record = item
    doc = encode(record)
    assert doc == legacy.encode(record)
    from_file = parse(b'{"%s":{"1":%s}}' % (table.encode(), dumps_ascii(doc)))[table]
    [(doc_id, back)] = decode_documents(type(record), from_file, table=table)
    assert (doc_id, back) == (1, record)
    assert encode(back) == doc  # the same text: datetimes keep their offset, floats their value


BREAKERS: dict[Any, Any] = {str: 42, int: 'many', float: 'lots', bool: 'yes', date: '21 Jan 2013',
                            datetime: 'yesterday', list: 'a, b', dict: ['a'], Enum: 'bogus', 'dataclass': 7}


def _wrong_value(hint: Any) -> Any:
    options = [arg for arg in typing.get_args(hint) if arg is not type(None)] or [hint]
    target = typing.get_origin(options[0]) or options[0]
    if dataclasses.is_dataclass(target):
        return BREAKERS['dataclass']
    if isinstance(target, type) and issubclass(target, Enum):
        return BREAKERS[Enum]
    return BREAKERS[target]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.sampled_from(list(TABLES.items())).flatmap(
    lambda item: st.tuples(st.just(item[0]), records_of(item[1]),
                           st.sampled_from([f.name for f in dataclasses.fields(item[1])]), st.booleans())))
def test_any_broken_document_is_refused_with_table_id_and_field(item: tuple[str, Any, str, bool]) -> None:
    table, record, field, delete = item
    cls = type(record)
    spec = next(f for f in dataclasses.fields(cls) if f.name == field)
    required = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
    doc = encode(record)
    if delete and required:
        del doc[field]
    else:
        doc[field] = _wrong_value(typing.get_type_hints(cls)[field])
    good = encode(record)
    docs = {'1': good, '2': doc}

    with pytest.raises(InvalidRecord) as caught:
        decode_documents(cls, docs, table=table)

    error = caught.value
    assert (error.table, error.doc_id, error.field) == (table, '2', field)
    assert error.record_id == (None if field in ('id', 'followup_id') else record.id)
    assert f'of table "{table}" is invalid: field "{field}":' in str(error)
