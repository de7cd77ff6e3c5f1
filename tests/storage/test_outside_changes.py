"""A data file changed behind the running store (a sync, a restore by hand) is noticed before the next write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.domain import Contact
from storage import Store
from storage.backups import backup_folder
from storage.conflicts import conflict_copies

SYNC_CLIENT = """
import json, os, sys
path = sys.argv[1]
data = json.load(open(path))
data['contacts']['999'] = {'id': 'zed', 'name': 'Zed from the laptop'}
temp = path + '.syncing'
with open(temp, 'w') as handle:
    json.dump(data, handle)
os.replace(temp, path)   # what a sync client does: a new file over the old one
"""


def sync_from_another_machine(path: Path) -> None:
    subprocess.run([sys.executable, '-c', SYNC_CLIENT, str(path)], check=True)


def names(path: Path) -> list[str]:
    return [doc['name'] for doc in TinyDB(path).table('contacts').all()]


@pytest.fixture
def notices(fresh_store: Store) -> list[str]:
    heard: list[str] = []
    fresh_store.on_notice(heard.append)
    return heard


def test_a_synced_version_is_loaded_and_the_next_save_goes_on_top(
        fresh_store: Store, data_path: Path, notices: list[str]) -> None:
    fresh_store.contacts.add(Contact(name='Alice'))
    sync_from_another_machine(data_path)

    fresh_store.contacts.add(Contact(name='Bob'))

    assert [c.name for c in fresh_store.contacts] == ['Alice', 'Zed from the laptop', 'Bob']
    assert names(data_path) == ['Alice', 'Zed from the laptop', 'Bob']
    (notice,) = notices
    assert 'changed outside CareerNet' in notice
    (kept,) = backup_folder(data_path).glob('careernet-outside-*.json')
    assert str(kept) in notice
    assert names(kept) == ['Alice', 'Zed from the laptop']
    fresh_store.contacts.add(Contact(name='Carol'))  # the file is ours again: no second notice
    assert len(notices) == 1


def test_an_outside_version_that_does_not_open_is_kept_aside_not_lost(
        fresh_store: Store, data_path: Path, notices: list[str]) -> None:
    fresh_store.contacts.add(Contact(name='Alice'))
    data_path.write_text('{"contacts": {"1": {"id": "x", "na')  # half synced

    fresh_store.contacts.add(Contact(name='Bob'))

    assert names(data_path) == ['Alice', 'Bob']
    (notice,) = notices
    assert 'cannot be opened' in notice
    (kept,) = backup_folder(data_path).glob('careernet-outside-*.json')
    assert kept.read_text() == '{"contacts": {"1": {"id": "x", "na'
    assert str(kept) in notice


def test_reads_before_the_next_write_never_write(fresh_store: Store, data_path: Path) -> None:
    fresh_store.contacts.add(Contact(name='Alice'))
    sync_from_another_machine(data_path)
    before = data_path.read_bytes()
    fresh_store.contacts.all()
    fresh_store.network()
    assert data_path.read_bytes() == before


def test_sync_conflict_copies_are_recognised(tmp_path: Path) -> None:
    data = tmp_path / 'careernet.json'
    copies = [
        "careernet (Dana's conflicted copy 2026-12-04).json",
        'careernet.sync-conflict-20261204-101500-ABCDEFG.json',
        'careernet 2.json',
        'careernet (1).json',
        'careernet-DESKTOP-4F2A9C1.json',
    ]
    others = ['careernet.json', 'careernet-work.json', 'careernet.json.lock', 'notes (1).json', 'careernet 2.txt']
    for name in copies + others:
        (tmp_path / name).write_text('{}')
    assert sorted(path.name for path in conflict_copies(data)) == sorted(copies)
