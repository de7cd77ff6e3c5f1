"""A write that fails leaves the file and the memory as they were: the issue's full-disk scenario."""

from __future__ import annotations

import dataclasses
import errno
from pathlib import Path

import pytest

from careernet_ui.domain import Contact, Interaction, InteractionKind
from storage import Store, open_store
from storage.durable import TEMP_PREFIX
from tests.conftest import TODAY
from tests.storage.faults import ERRNOS, Fault, FaultyOS


def names(store: Store) -> list[str]:
    return [contact.name for contact in store.contacts]


def names_after_restart(path: Path) -> list[str]:
    store = open_store(path)
    try:
        return names(store)
    finally:
        store.close()


def temp_files(path: Path) -> list[Path]:
    return list(path.parent.glob(f'{TEMP_PREFIX}*'))


@pytest.mark.parametrize('call', ['open', 'write', 'fsync', 'replace'])
@pytest.mark.parametrize('code', sorted(ERRNOS))
def test_a_refused_add_never_reaches_the_file_with_the_next_one(
        fresh_store: Store, data_path: Path, faulty_os: FaultyOS, call: str, code: str) -> None:
    fresh_store.contacts.add(Contact(name='Alice'))
    before = data_path.read_bytes()
    faulty_os.arm(Fault(call, 0, ERRNOS[code]))

    with pytest.raises(OSError) as refused:
        fresh_store.contacts.add(Contact(name='Bob'))

    assert refused.value.errno == ERRNOS[code]
    assert names(fresh_store) == ['Alice']
    assert data_path.read_bytes() == before
    assert temp_files(data_path) == []
    fresh_store.contacts.add(Contact(name='Carol'))
    fresh_store.close()
    assert names_after_restart(data_path) == ['Alice', 'Carol']


def test_a_refused_delete_keeps_the_contact_in_memory_and_on_disk(
        fresh_store: Store, data_path: Path, faulty_os: FaultyOS) -> None:
    alice = fresh_store.contacts.add(Contact(name='Alice'))
    faulty_os.arm(Fault('replace', 0, errno.ENOSPC))
    with pytest.raises(OSError):
        fresh_store.contacts.delete(alice.id)

    fresh_store.contacts.add(Contact(name='Bob'))

    assert names(fresh_store) == ['Alice', 'Bob']
    fresh_store.close()
    assert names_after_restart(data_path) == ['Alice', 'Bob']


def test_a_refused_add_retried_then_deleted_stays_deleted(
        fresh_store: Store, data_path: Path, faulty_os: FaultyOS) -> None:
    bob = Contact(name='Bob')
    faulty_os.arm(Fault('write', 0, errno.ENOSPC))
    with pytest.raises(OSError):
        fresh_store.contacts.add(bob)

    fresh_store.contacts.add(bob)
    fresh_store.contacts.delete(bob.id)

    assert names(fresh_store) == []
    fresh_store.close()
    assert names_after_restart(data_path) == []


def test_a_refused_update_keeps_the_old_record(fresh_store: Store, data_path: Path, faulty_os: FaultyOS) -> None:
    alice = fresh_store.contacts.add(Contact(name='Alice', notes='old'))
    network = fresh_store.network()
    revision = fresh_store.revision
    faulty_os.arm(Fault('fsync', 0, errno.EIO))
    with pytest.raises(OSError):
        fresh_store.contacts.update(dataclasses.replace(alice, notes='new'))

    assert fresh_store.contacts.get(alice.id).notes == 'old'
    assert fresh_store.network() is network  # the snapshot was not dropped: nothing changed
    assert fresh_store.revision == revision
    fresh_store.interactions.add(Interaction(contact_id=alice.id, kind=InteractionKind.CALL, on=TODAY))
    fresh_store.close()
    reopened = open_store(data_path)
    try:
        assert reopened.contacts.get(alice.id).notes == 'old'
        assert len(reopened.interactions) == 1
    finally:
        reopened.close()


def test_a_refused_settings_save_keeps_the_old_settings(
        fresh_store: Store, data_path: Path, faulty_os: FaultyOS) -> None:
    faulty_os.arm(Fault('replace', 0, errno.EROFS))
    with pytest.raises(OSError):
        fresh_store.save_settings(dataclasses.replace(fresh_store.settings, dark_mode=True))

    assert fresh_store.settings.dark_mode is False
    fresh_store.contacts.add(Contact(name='Alice'))
    fresh_store.close()
    reopened = open_store(data_path)
    try:
        assert reopened.settings.dark_mode is False
    finally:
        reopened.close()


def test_a_failed_folder_fsync_after_the_rename_keeps_the_write(
        fresh_store: Store, data_path: Path, faulty_os: FaultyOS) -> None:
    """The rename is done and cannot be undone: memory follows the file, both hold Bob."""
    faulty_os.arm(Fault('fsync', 1, errno.EIO))
    fresh_store.contacts.add(Contact(name='Bob'))
    assert faulty_os.fired == 1
    assert names(fresh_store) == ['Bob']
    fresh_store.close()
    assert names_after_restart(data_path) == ['Bob']
