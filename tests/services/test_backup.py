"""Full backups: a backup restored into an empty file gives the same records; bad backups store nothing."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from careernet_ui.demo import generate_network
from careernet_ui.domain import Contact, FollowUpState, FollowUpStatus, Interaction, InteractionKind
from careernet_ui.services.backup import (
    BackupError,
    RestoreRefused,
    backup_bytes,
    read_backup,
    record_count,
    record_types,
    repositories,
    restore,
    restore_in_batches,
    snapshot,
    write_backup,
)
from careernet_ui.services.seed import add_network
from storage import Store, open_store
from tests.conftest import TODAY


def fill(store: Store) -> None:
    """The demo network, one follow-up decision and changed settings: something in every table."""
    add_network(store, generate_network(TODAY))
    store.followup_states.add(
        FollowUpState(followup_id='keep-in-touch:abc', status=FollowUpStatus.DONE, decided_on=TODAY)
    )
    store.save_settings(dataclasses.replace(store.settings, dark_mode=True, feed_time='07:30'))


def everything(store: Store) -> dict[str, list[Any]]:
    return {name: repository.all() for name, repository in repositories(store).items()}


@pytest.fixture
def filled(fresh_store: Store) -> Store:
    fill(fresh_store)
    return fresh_store


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / 'other' / 'careernet.json')
    yield store
    store.close()


def backup_of(store: Store) -> bytes:
    return backup_bytes(snapshot(store))


def test_backup_then_restore_into_an_empty_file_gives_identical_records(filled: Store, other_store: Store) -> None:
    data = backup_of(filled)

    summary = restore(other_store, read_backup(data, record_types(other_store)))

    assert everything(other_store) == everything(filled)
    assert other_store.settings == filled.settings
    assert summary.settings_restored
    assert summary.added['contacts'] == len(filled.contacts)
    filled_tables = [name for name, records in everything(filled).items() if records]
    assert len(filled_tables) >= 8  # every kind of record took part
    assert backup_of(other_store) == data  # and backing the restored file up gives the same bytes


def test_the_restored_file_survives_reopening(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / 'restored.json'
    target = open_store(path)
    restore(target, read_backup(backup_of(filled), record_types(target)))
    target.close()
    again = open_store(path)
    try:
        assert everything(again) == everything(filled)
    finally:
        again.close()


def test_the_backup_is_a_document_stock_tinydb_reads(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / 'backup.json'
    count = write_backup(filled, path)

    db = TinyDB(path)
    assert sorted(doc['name'] for doc in db.table('contacts').all()) == sorted(c.name for c in filled.contacts)
    assert len(db.table('interactions')) == len(filled.interactions)
    assert db.table('_meta').all() == [{'schema_version': 1}]
    assert db.table('settings').all()[0]['feed_time'] == '07:30'
    assert count == record_count(filled)


def test_the_same_records_give_the_same_bytes(filled: Store) -> None:
    assert backup_of(filled) == backup_of(filled)


def test_restore_into_a_file_with_records_is_refused_and_changes_nothing(filled: Store, other_store: Store) -> None:
    dana = other_store.contacts.add(Contact(name='Dana Okafor'))
    before = other_store.revision

    with pytest.raises(RestoreRefused, match=r'already holds 1 record: .*merge'):
        restore(other_store, read_backup(backup_of(filled), record_types(other_store)))

    assert other_store.revision == before
    assert other_store.contacts.all() == [dana]


def test_merge_adds_what_is_missing_and_never_overwrites(filled: Store, other_store: Store) -> None:
    data = backup_of(filled)
    first = filled.contacts.all()[0]
    mine = other_store.contacts.add(dataclasses.replace(first, name='Renamed By Me', notes='my notes'))
    own = other_store.contacts.add(Contact(name='Only Here'))
    settings = other_store.settings

    summary = restore(other_store, read_backup(data, record_types(other_store)), merge=True)

    assert other_store.contacts.get(first.id) == mine  # same id: kept as it was
    assert other_store.contacts.get(own.id) == own
    assert len(other_store.contacts) == len(filled.contacts) + 1
    assert other_store.interactions.all() == filled.interactions.all()
    assert other_store.settings == settings  # a merge leaves the settings alone
    assert summary.kept['contacts'] == 1
    assert summary.added['contacts'] == len(filled.contacts) - 1
    assert not summary.settings_restored


def test_merging_the_same_backup_twice_writes_nothing_the_second_time(filled: Store, other_store: Store) -> None:
    backup = read_backup(backup_of(filled), record_types(other_store))
    restore(other_store, backup, merge=True)
    before = other_store.revision

    summary = restore(other_store, backup, merge=True)

    assert other_store.revision == before
    assert summary.writes == 0
    assert summary.describe().startswith('Nothing to restore')


async def test_restoring_in_batches_gives_the_same_records(filled: Store, other_store: Store) -> None:
    backup = read_backup(backup_of(filled), record_types(other_store))

    summary = await restore_in_batches(other_store, backup, batch_size=10)

    assert everything(other_store) == everything(filled)
    assert summary.writes == 1  # one transaction: a killed restore leaves nothing half done


def test_describe_names_what_was_restored(filled: Store, other_store: Store) -> None:
    summary = restore(other_store, read_backup(backup_of(filled), record_types(other_store)))

    text = summary.describe()
    assert text.startswith(f'Restored {len(filled.contacts)} contacts, {len(filled.interactions)} interactions')
    assert 'reference requests' in text
    assert text.endswith('Settings restored.')


def _document(store: Store) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(backup_of(store))
    return document


def _bad_record(document: dict[str, Any]) -> bytes:
    document['introductions']['1']['advocate_id'] = ''  # the last table to be restored
    return json.dumps(document).encode()


def _missing_field(document: dict[str, Any]) -> bytes:
    del document['contacts']['2']['name']
    return json.dumps(document).encode()


def _wrong_type(document: dict[str, Any]) -> bytes:
    document['contacts']['3']['name'] = 42
    return json.dumps(document).encode()


def _same_id(document: dict[str, Any]) -> bytes:
    document['contacts']['2']['id'] = document['contacts']['1']['id']
    return json.dumps(document).encode()


def _newer(document: dict[str, Any]) -> bytes:
    document['_meta']['1']['schema_version'] = 99
    return json.dumps(document).encode()


def _unknown_table(document: dict[str, Any]) -> bytes:
    document['spaceships'] = {'1': {'id': 'x'}}
    return json.dumps(document).encode()


def _bad_date(document: dict[str, Any]) -> bytes:
    document['interactions']['1']['on'] = '21 Jan 2013'
    return json.dumps(document).encode()


Breaker = Callable[[dict[str, Any]], bytes]

BROKEN: dict[str, tuple[Breaker, str]] = {
    'not JSON': (lambda _: b'{"contacts": {"1": {"name": ', r'it is not JSON \(line 1'),
    'binary': (lambda _: bytes(range(256)) * 10, 'it is not text'),
    'empty': (lambda _: b'  \n', 'The file is empty'),
    'a list': (lambda _: b'[1, 2, 3]', 'expected a JSON object of tables'),
    'a table that is not a table': (lambda _: b'{"contacts": [1]}', '"contacts" should be a table of records'),
    'a record that is not a record': (lambda _: b'{"contacts": {"1": "Dana"}}', 'Record 1 of table "contacts"'),
    'an invalid record': (_bad_record, 'Record 1 of table "introductions" is invalid: '),
    'a missing field': (_missing_field, 'Record 2 of table "contacts" is invalid: a required field is missing'),
    'a wrong type': (_wrong_type, 'Record 3 of table "contacts" is invalid'),
    'an unreadable date': (_bad_date, 'Record 1 of table "interactions" is invalid'),
    'two records with one id': (_same_id, 'Records 1 and 2 of table "contacts" have the same id'),
    'a newer schema': (_newer, 'newer CareerNet \\(schema 99; this one reads up to 1\\)'),
    'an unknown table': (_unknown_table, 'table "spaceships" this CareerNet does not know'),
}


@pytest.mark.parametrize('case', BROKEN)
def test_an_invalid_backup_is_refused_with_a_clear_message_and_nothing_is_stored(
    case: str, filled: Store, other_store: Store
) -> None:
    make, message = BROKEN[case]
    data = make(_document(filled))
    before = other_store.revision

    with pytest.raises(BackupError, match=message) as caught:
        restore(other_store, read_backup(data, record_types(other_store)))

    assert str(caught.value).endswith('Nothing was restored.')
    assert other_store.revision == before
    assert record_count(other_store) == 0


def test_a_backup_without_schema_version_reads_as_the_oldest_and_is_migrated(other_store: Store) -> None:
    data = json.dumps({'contacts': {'1': {'name': 'Dana Okafor', 'connected_on': date(2013, 1, 21).isoformat()}}})

    restore(other_store, read_backup(data.encode(), record_types(other_store)))

    [dana] = other_store.contacts.all()
    assert (dana.name, dana.connected_on) == ('Dana Okafor', date(2013, 1, 21))


def test_an_empty_store_backs_up_and_restores(fresh_store: Store, other_store: Store) -> None:
    summary = restore(other_store, read_backup(backup_of(fresh_store), record_types(other_store)))

    assert record_count(other_store) == 0
    assert other_store.settings == fresh_store.settings  # the calendar token comes along
    assert summary.describe() == 'Nothing to restore: every record was already there. Settings restored.'


def test_merge_matches_people_by_identity_not_only_by_id(other_store: Store, tmp_path: Path) -> None:
    # Issue 12: a backup from another installation gives the same people other ids; merging it
    # made a second copy of each.
    theirs = open_store(tmp_path / 'theirs.json')
    dana_there = theirs.contacts.add(Contact(name='Dana Okafor', emails=('dana@example.com',)))
    theirs.interactions.add(Interaction(contact_id=dana_there.id, kind=InteractionKind.CALL, on=date(2026, 11, 2)))
    theirs.contacts.add(Contact(name='Mei Chen', organisation='Globex'))
    data = backup_of(theirs)
    theirs.close()
    dana_here = other_store.contacts.add(Contact(name='Dana O.', emails=('Dana@example.com',)))
    mei_here = other_store.contacts.add(Contact(name='Mei Chen', organisation='Globex Inc.'))

    summary = restore(other_store, read_backup(data, record_types(other_store)), merge=True)

    assert sorted(c.id for c in other_store.contacts) == sorted([dana_here.id, mei_here.id])
    [call] = other_store.interactions.all()
    assert call.contact_id == dana_here.id
    assert summary.matched == 2
    assert 'Found 2 of its people among yours' in summary.describe()
