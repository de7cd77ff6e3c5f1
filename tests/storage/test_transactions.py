"""``Store.transaction()``: changes to several tables in one atomic write, or none of them."""

from __future__ import annotations

import dataclasses
import errno
import json
from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.domain import Contact, Interaction, InteractionKind
from careernet_ui.services.contacts import delete_contact
from storage import Store, open_store
from storage.durable import DataFile, load_tables
from tests.conftest import TODAY
from tests.storage.faults import Fault, FaultyOS


def call(contact: Contact) -> Interaction:
    return Interaction(contact_id=contact.id, kind=InteractionKind.CALL, on=TODAY)


def test_changes_to_several_tables_are_one_write(fresh_store: Store, data_path: Path) -> None:
    writes, revision = fresh_store.data_file.writes, fresh_store.revision
    heard: list[int] = []
    fresh_store.subscribe(lambda: heard.append(len(fresh_store.interactions)))

    with fresh_store.transaction():
        dana = fresh_store.contacts.add(Contact(name='Dana'))
        fresh_store.interactions.add(call(dana))
        fresh_store.save_settings(dataclasses.replace(fresh_store.settings, dark_mode=True))
        assert fresh_store.data_file.writes == writes  # nothing written yet

    assert fresh_store.data_file.writes == writes + 1
    assert fresh_store.revision == revision + 1
    assert heard == [1]
    on_disk = TinyDB(data_path)
    assert [doc['name'] for doc in on_disk.table('contacts').all()] == ['Dana']
    assert len(on_disk.table('interactions')) == 1
    assert on_disk.table('settings').all()[0]['dark_mode'] is True


def test_reads_inside_see_the_transactions_own_changes(fresh_store: Store) -> None:
    old = fresh_store.contacts.add(Contact(name='Old'))
    with fresh_store.transaction():
        new = fresh_store.contacts.add(Contact(name='New'))
        fresh_store.contacts.update(dataclasses.replace(old, notes='edited'))
        assert [c.name for c in fresh_store.contacts] == ['Old', 'New']
        assert fresh_store.contacts.get(old.id).notes == 'edited'
        fresh_store.contacts.delete(old.id)
        assert old.id not in fresh_store.contacts
        assert fresh_store.contacts.all() == [new]
        assert len(fresh_store.contacts) == 1
    assert fresh_store.contacts.all() == [new]


def test_an_exception_inside_stores_nothing(fresh_store: Store, data_path: Path) -> None:
    dana = fresh_store.contacts.add(Contact(name='Dana'))
    before, revision = data_path.read_bytes(), fresh_store.revision

    def change_then_fail() -> None:
        with fresh_store.transaction():
            fresh_store.interactions.add(call(dana))
            fresh_store.contacts.delete(dana.id)
            raise RuntimeError('stop')

    with pytest.raises(RuntimeError):
        change_then_fail()

    assert data_path.read_bytes() == before
    assert fresh_store.revision == revision
    assert fresh_store.contacts.all() == [dana]
    assert len(fresh_store.interactions) == 0


def test_a_failed_write_of_a_contact_delete_keeps_everything(
        fresh_store: Store, data_path: Path, faulty_os: FaultyOS) -> None:
    dana = fresh_store.contacts.add(Contact(name='Dana'))
    fresh_store.interactions.add_many([call(dana), call(dana)])
    before = data_path.read_bytes()
    faulty_os.arm(Fault('write', 0, errno.ENOSPC))

    with pytest.raises(OSError):
        delete_contact(fresh_store, dana.id)

    assert data_path.read_bytes() == before
    assert fresh_store.contacts.all() == [dana]
    assert len(fresh_store.interactions) == 2
    assert len(fresh_store.network().interactions) == 2


def test_a_contact_delete_is_one_write(fresh_store: Store) -> None:
    dana = fresh_store.contacts.add(Contact(name='Dana'))
    fresh_store.interactions.add_many([call(dana), call(dana)])
    writes = fresh_store.data_file.writes
    delete_contact(fresh_store, dana.id)
    assert fresh_store.data_file.writes == writes + 1
    assert len(fresh_store.interactions) == 0


def test_an_empty_transaction_writes_nothing(fresh_store: Store) -> None:
    writes = fresh_store.data_file.writes
    with fresh_store.transaction():
        pass
    assert fresh_store.data_file.writes == writes


def test_nested_transactions_commit_once_with_the_outer_one(fresh_store: Store) -> None:
    writes = fresh_store.data_file.writes
    with fresh_store.transaction():
        fresh_store.contacts.add(Contact(name='A'))
        with fresh_store.transaction():
            fresh_store.contacts.add(Contact(name='B'))
        assert fresh_store.data_file.writes == writes
    assert fresh_store.data_file.writes == writes + 1


def test_doc_ids_follow_tinydb(tmp_path: Path) -> None:
    """The same operations through stock TinyDB and through the store give the same doc ids."""
    ours = open_store(tmp_path / 'ours.json')
    stock = TinyDB(tmp_path / 'stock.json').table('contacts')
    people = ours.contacts.add_many(Contact(name=f'P{n}') for n in range(4))
    stock_ids = stock.insert_multiple({'name': f'P{n}'} for n in range(4))
    ours.contacts.delete(people[-1].id)
    stock.remove(doc_ids=[stock_ids[-1]])
    ours.contacts.delete(people[0].id)
    stock.remove(doc_ids=[stock_ids[0]])
    with ours.transaction():
        dropped = ours.contacts.add(Contact(name='dropped'))
        ours.contacts.delete(dropped.id)
        ours.contacts.add(Contact(name='P4'))
    stock.insert({'name': 'P4'})
    ours.close()
    ours_ids = {doc['name']: doc.doc_id for doc in TinyDB(tmp_path / 'ours.json').table('contacts').all()}
    assert ours_ids == {doc['name']: doc.doc_id for doc in stock.all()}
    reopened = open_store(tmp_path / 'ours.json')
    try:
        reopened.contacts.add(Contact(name='P5'))
    finally:
        reopened.close()
    stock.insert({'name': 'P5'})
    assert json.loads((tmp_path / 'ours.json').read_bytes())['contacts'].keys() == \
        json.loads((tmp_path / 'stock.json').read_bytes())['contacts'].keys()


def test_a_read_only_data_file_changes_memory_and_never_the_file(data_path: Path) -> None:
    store = open_store(data_path)
    store.contacts.add(Contact(name='Dana'))
    store.close()
    before = data_path.read_bytes()
    tables = load_tables(data_path)
    copy = DataFile(data_path, tables, read_only=True)
    copy.write({'contacts': {'99': {'id': 'x', 'name': 'Only in memory'}}})
    assert data_path.read_bytes() == before
    assert copy.documents()['contacts']['99']['name'] == 'Only in memory'
