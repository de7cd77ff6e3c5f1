"""The store: durable, single-owner, never overwrites what it cannot read."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.domain import Contact, Interaction, InteractionKind, NotFoundError, Stage
from storage import DataFileCorrupt, DataFileLocked, Store, UnsupportedSchemaVersion, open_store
from storage.backups import list_backups
from tests.conftest import TODAY


def test_stock_tinydb_opens_the_file_and_sees_every_record(fresh_store: Store, data_path: Path) -> None:
    dana = fresh_store.contacts.add(Contact(name='Dana Okafor', emails=('dana@example.com',)))
    fresh_store.interactions.add(Interaction(contact_id=dana.id, kind=InteractionKind.COFFEE, on=TODAY))
    db = TinyDB(data_path)
    assert [doc['name'] for doc in db.table('contacts').all()] == ['Dana Okafor']
    assert db.table('interactions').all()[0]['kind'] == 'coffee'
    assert db.table('_meta').all() == [{'schema_version': 1}]


def test_records_survive_reopening(data_path: Path) -> None:
    store = open_store(data_path)
    dana = store.contacts.add(Contact(name='José Martín', stage=Stage.REFERENCE, tags=('python',)))
    store.close()
    again = open_store(data_path)
    assert again.contacts.get(dana.id) == dana
    again.close()


def test_update_replaces_the_record_and_stamps_it(fresh_store: Store, data_path: Path) -> None:
    dana = fresh_store.contacts.add(Contact(name='Dana'))
    edited = fresh_store.contacts.update(dataclasses.replace(dana, title='Engineering Manager'))
    assert edited.updated_at > dana.updated_at
    assert fresh_store.contacts.get(dana.id).title == 'Engineering Manager'
    assert TinyDB(data_path).table('contacts').all()[0]['title'] == 'Engineering Manager'


def test_delete_removes_from_memory_and_file(fresh_store: Store, data_path: Path) -> None:
    keep = fresh_store.contacts.add(Contact(name='Keep'))
    gone = fresh_store.contacts.add(Contact(name='Gone'))
    fresh_store.contacts.delete(gone.id)
    assert [c.id for c in fresh_store.contacts] == [keep.id]
    assert [doc['name'] for doc in TinyDB(data_path).table('contacts').all()] == ['Keep']
    with pytest.raises(NotFoundError, match=gone.id):
        fresh_store.contacts.delete(gone.id)


def test_ids_are_ours_not_tinydbs(fresh_store: Store) -> None:
    """TinyDB reuses doc ids after a delete; record ids must never repeat."""
    first = fresh_store.contacts.add(Contact(name='A'))
    fresh_store.contacts.delete(first.id)
    second = fresh_store.contacts.add(Contact(name='B'))
    assert second.id != first.id
    assert len(first.id) == 32


def test_incremental_writes_equal_a_full_rewrite(fresh_store: Store, data_path: Path) -> None:
    """The per-document cache must never leave the file different from the data in memory."""
    people = fresh_store.contacts.add_many(Contact(name=f'Person {n}', tags=('t',)) for n in range(20))
    for person in people[::3]:
        fresh_store.contacts.update(dataclasses.replace(person, notes='edited'))
    fresh_store.contacts.delete_many(p.id for p in people[1::4])
    fresh_store.interactions.add(Interaction(contact_id=people[0].id, kind=InteractionKind.CALL, on=TODAY))
    on_disk = json.loads(data_path.read_bytes())
    assert on_disk == fresh_store.data_file.documents()
    names = {doc['name']: doc['notes'] for doc in on_disk['contacts'].values()}
    assert names['Person 0'] == 'edited'
    assert 'Person 1' not in names


def test_same_records_give_the_same_bytes(tmp_path: Path) -> None:
    contents = []
    for name in ('a', 'b'):
        store = open_store(tmp_path / name / 'careernet.json')
        store.save_settings(dataclasses.replace(store.settings, feed_token='x' * 27, calendar_id='c' * 32))
        stamp = datetime(2026, 1, 1, tzinfo=UTC)
        store.contacts.add(Contact(id='c1', name='Dana', created_at=stamp, updated_at=stamp))
        store.close()
        contents.append((tmp_path / name / 'careernet.json').read_bytes())
    assert contents[0] == contents[1]


def test_non_ascii_is_stored_as_ascii_escapes(fresh_store: Store, data_path: Path) -> None:
    fresh_store.contacts.add(Contact(name='Chloé Dubois 🎉'))
    raw = data_path.read_bytes()
    assert raw.isascii()
    assert TinyDB(data_path).table('contacts').all()[0]['name'] == 'Chloé Dubois 🎉'


def test_a_second_owner_is_refused(fresh_store: Store, data_path: Path) -> None:
    with pytest.raises(DataFileLocked, match='already open in CareerNet'):
        open_store(data_path)


def test_lock_is_released_on_close(data_path: Path) -> None:
    open_store(data_path).close()
    open_store(data_path).close()


def test_corrupt_file_is_left_byte_identical(data_path: Path) -> None:
    store = open_store(data_path)
    store.contacts.add(Contact(name='Dana'))
    store.close()
    open_store(data_path).close()  # a second start backs the file up
    truncated = data_path.read_bytes()[:-40]
    data_path.write_bytes(truncated)
    with pytest.raises(DataFileCorrupt) as caught:
        open_store(data_path)
    assert data_path.read_bytes() == truncated
    message = str(caught.value)
    assert str(data_path) in message
    assert 'newest backup is' in message
    assert str(list_backups(data_path)[-1]) in message


def test_non_tinydb_json_is_refused(data_path: Path) -> None:
    data_path.write_text('[1, 2, 3]')
    with pytest.raises(DataFileCorrupt, match='not a TinyDB database'):
        open_store(data_path)
    assert data_path.read_text() == '[1, 2, 3]'


def test_future_schema_version_is_refused_untouched(data_path: Path) -> None:
    data_path.write_text('{"_meta": {"1": {"schema_version": 99}}, "contacts": {}}')
    before = data_path.read_bytes()
    with pytest.raises(UnsupportedSchemaVersion, match='newer CareerNet'):
        open_store(data_path)
    assert data_path.read_bytes() == before


def test_a_file_without_version_is_migrated_to_the_current_one(data_path: Path) -> None:
    """A plain TinyDB file (say, hand-made) opens, keeps its records and gets a version."""
    doc = {'id': 'c1', 'name': 'Dana', 'created_at': '2026-01-01T00:00:00+00:00',
           'updated_at': '2026-01-01T00:00:00+00:00'}
    data_path.write_text(json.dumps({'contacts': {'1': doc}}))
    store = open_store(data_path)
    assert store.contacts.get('c1').name == 'Dana'
    store.close()
    assert TinyDB(data_path).table('_meta').all() == [{'schema_version': 1}]


def test_daily_backup_while_running(fresh_store: Store, data_path: Path) -> None:
    fresh_store.contacts.add(Contact(name='Dana'))
    assert fresh_store.backup_if_due(datetime.now(UTC)) is None
    made = fresh_store.backup_if_due(datetime.now(UTC) + timedelta(days=1, minutes=1))
    assert made is not None
    assert made.exists()


def test_listeners_hear_every_change(fresh_store: Store) -> None:
    heard: list[int] = []
    fresh_store.subscribe(lambda: heard.append(fresh_store.revision))
    dana = fresh_store.contacts.add(Contact(name='Dana'))
    fresh_store.contacts.delete(dana.id)
    assert heard == [heard[0], heard[0] + 1]


def test_network_snapshot_follows_changes(fresh_store: Store) -> None:
    assert fresh_store.network().contacts == []
    fresh_store.contacts.add(Contact(name='Dana'))
    assert [c.name for c in fresh_store.network().contacts] == ['Dana']


def test_a_file_from_before_the_calendar_id_gets_one_stored_at_once_and_kept(data_path: Path) -> None:
    """The feed's UIDs carry the calendar id: it must not change from one start to the next."""
    open_store(data_path).close()
    older = json.loads(data_path.read_text(encoding='utf-8'))
    for document in older['settings'].values():
        del document['calendar_id']
    data_path.write_text(json.dumps(older), encoding='utf-8')

    store = open_store(data_path)
    given = store.settings.calendar_id
    store.close()

    (stored,) = TinyDB(data_path).table('settings').all()
    assert stored['calendar_id'] == given
    store = open_store(data_path)
    assert store.settings.calendar_id == given
    store.close()
