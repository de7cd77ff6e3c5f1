"""A large table's JSON stays in the file, not in memory: every write still gives the whole file.

The data file holds the version of the file it read or last wrote open and copies unchanged
chunks from it into the next version (``storage/durable.py``). These tests take the paths where
that version could be the wrong one: a sync that replaces the file, a program that rewrites it in
place, a write that fails halfway, a read-only store.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
from pathlib import Path

import pytest
from tinydb import TinyDB

import storage.durable
from careernet_ui.domain import Contact
from storage import Store, open_store
from storage.read_only import open_read_only
from tests.storage.faults import Fault, FaultyOS

PEOPLE = 2500  # about 1.7 MB of contacts: past the size a table is kept in memory whole


@pytest.fixture
def large_file(data_path: Path) -> Path:
    store = open_store(data_path)
    with store.transaction():
        for number in range(PEOPLE):
            store.contacts.add(Contact(name=f'Person {number:04}', organisation='Acme', notes='x' * 400))
    store.close()
    return data_path


def names(path: Path) -> list[str]:
    """The contacts' names as stock TinyDB reads the file."""
    return [doc['name'] for doc in TinyDB(path).table('contacts').all()]


def expected(count: int = PEOPLE) -> list[str]:
    return [f'Person {number:04}' for number in range(count)]


def open_fds() -> int:
    return len(os.listdir('/proc/self/fd'))


def test_a_large_table_is_held_in_the_file_and_each_write_gives_the_whole_file(large_file: Path) -> None:
    assert large_file.stat().st_size > storage.durable.IN_MEMORY_BELOW
    store = open_store(large_file)
    try:
        assert store.data_file.held_in_memory() < 4096  # settings and the schema version only
        first = store.contacts.all()[0]
        store.contacts.update(dataclasses.replace(first, name='Person first, renamed'))
        store.contacts.add(Contact(name='Newcomer'))

        assert names(large_file) == ['Person first, renamed', *expected()[1:], 'Newcomer']
        assert store.data_file.held_in_memory() < 4096  # what was written is in the file, not kept
        assert store.data_file.documents() == json.loads(large_file.read_bytes())
    finally:
        store.close()


def test_an_unchanged_document_keeps_its_bytes_even_keys_careernet_does_not_know(large_file: Path) -> None:
    data = json.loads(large_file.read_bytes())
    data['contacts']['7']['from_a_newer_version'] = 'kept'
    large_file.write_bytes(json.dumps(data, separators=(',', ':')).encode('ascii'))
    store = open_store(large_file)
    try:
        store.contacts.add(Contact(name='Newcomer'))
    finally:
        store.close()

    assert json.loads(large_file.read_bytes())['contacts']['7']['from_a_newer_version'] == 'kept'


def test_a_version_replaced_by_a_sync_is_loaded_and_written_on(large_file: Path) -> None:
    store = open_store(large_file)
    try:
        data = json.loads(large_file.read_bytes())
        data['contacts']['99999'] = {'id': 'zed', 'name': 'Zed from the laptop'}
        temp = large_file.with_suffix('.syncing')
        temp.write_text(json.dumps(data))
        os.replace(temp, large_file)

        store.contacts.add(Contact(name='Newcomer'))

        assert names(large_file) == [*expected(), 'Zed from the laptop', 'Newcomer']
    finally:
        store.close()


def test_a_version_rewritten_in_place_and_broken_loses_nothing_of_ours(large_file: Path) -> None:
    """The version held open is the one overwritten: the tables come back from the records."""
    store = open_store(large_file)
    heard: list[str] = []
    store.on_notice(heard.append)
    try:
        store.contacts.add(Contact(name='Only in memory and the last version'))
        with large_file.open('r+b') as handle:  # what stock TinyDB's storage does: the same inode
            handle.write(b'{"contacts": {"1": {"id": "x", "na')
            handle.truncate()

        store.contacts.add(Contact(name='Newcomer'))

        assert names(large_file) == [*expected(), 'Only in memory and the last version', 'Newcomer']
        assert 'cannot be opened' in heard[0]
    finally:
        store.close()


def test_a_write_that_fails_halfway_keeps_the_version_it_copies_from(
        large_file: Path, faulty_os: FaultyOS, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage.durable, '_BLOCK', 64 * 1024)  # several writes for this file
    store = open_store(large_file)
    try:
        before = large_file.read_bytes()
        faulty_os.arm(Fault('write', 3, errno.ENOSPC))  # some blocks went, the fourth did not
        with pytest.raises(OSError):
            store.contacts.add(Contact(name='Refused'))
        assert large_file.read_bytes() == before

        store.contacts.add(Contact(name='Accepted'))

        assert names(large_file) == [*expected(), 'Accepted']
    finally:
        store.close()


def test_stores_let_go_of_the_version_they_hold(large_file: Path) -> None:
    before = open_fds()
    store = open_store(large_file)
    store.contacts.add(Contact(name='Newcomer'))
    store.close()
    reader = open_read_only(large_file)
    assert [c.name for c in reader.contacts][-1] == 'Newcomer'
    reader.close()

    assert open_fds() == before


def test_a_file_with_whitespace_is_held_in_memory_until_written_compact(data_path: Path, large_file: Path) -> None:
    data = json.loads(large_file.read_bytes())
    large_file.write_text(json.dumps(data, indent=2))  # as a person or another tool may leave it
    store: Store = open_store(large_file)
    try:
        assert store.data_file.held_in_memory() > storage.durable.IN_MEMORY_BELOW
        store.contacts.add(Contact(name='Newcomer'))
        assert store.data_file.held_in_memory() < 4096
        assert names(large_file) == [*expected(), 'Newcomer']
    finally:
        store.close()

