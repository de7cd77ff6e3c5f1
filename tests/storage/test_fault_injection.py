"""Random adds, updates, deletes and multi-table transactions with random failed writes.

After every step the store's memory, a fresh read of the file and a model holding only the
acknowledged operations must agree, record for record and in order. Failures come from the
``FaultyOS`` shim: the Nth open, write, fsync or rename of a write fails with ENOSPC, EACCES,
EROFS or EIO (the second open and fsync are the folder's, after the rename: those keep the write).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

import storage.durable
from careernet_ui.domain import Contact, Interaction, InteractionKind
from careernet_ui.services.contacts import delete_contact
from storage import open_store
from storage.codec import decode
from storage.durable import TEMP_PREFIX
from tests.conftest import TODAY
from tests.storage.faults import CALLS, ERRNOS, Fault, FaultyOS

STEPS_REQUIRED = 2_000
T = TypeVar('T')

faults = st.one_of(
    st.none(),
    st.builds(Fault, call=st.sampled_from(CALLS), nth=st.integers(0, 1), code=st.sampled_from(sorted(ERRNOS.values()))),
)


class StorageMachine(RuleBasedStateMachine):
    """The store against a model of what it acknowledged."""

    steps = 0

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix='careernet-faults-'))
        self.path = self.folder / 'careernet.json'
        self.os = FaultyOS()
        setattr(storage.durable, 'os', self.os)  # noqa: B010  (restored in teardown)
        self.store = open_store(self.path)
        self.contacts: dict[str, Contact] = {}
        self.interactions: dict[str, Interaction] = {}
        self.dark_mode = False
        self.serial = 0

    def teardown(self) -> None:
        self.store.close()
        setattr(storage.durable, 'os', FaultyOS.real)  # noqa: B010
        shutil.rmtree(self.folder, ignore_errors=True)

    def attempt(self, fault: Fault | None, action: Callable[[], T]) -> T | None:
        """Run ``action`` with ``fault`` armed; None when the write was refused."""
        StorageMachine.steps += 1
        self.os.arm(fault)
        try:
            return action()
        except OSError:
            return None
        finally:
            self.os.arm(None)

    def name(self) -> str:
        self.serial += 1
        return f'Person {self.serial}'

    @rule(count=st.integers(1, 3), fault=faults)
    def add_contacts(self, count: int, fault: Fault | None) -> None:
        batch = [Contact(name=self.name()) for _ in range(count)]
        if self.attempt(fault, lambda: self.store.contacts.add_many(batch)) is not None:
            self.contacts.update((contact.id, contact) for contact in batch)

    @rule(data=st.data(), fault=faults)
    def update_contact(self, data: st.DataObject, fault: Fault | None) -> None:
        if not self.contacts:
            return
        contact = data.draw(st.sampled_from(list(self.contacts.values())))
        stored = self.attempt(fault, lambda: self.store.contacts.update(
            dataclasses.replace(contact, notes=f'edit {self.serial}')))
        if stored is not None:
            self.contacts[stored.id] = stored

    @rule(data=st.data(), fault=faults)
    def log_interaction(self, data: st.DataObject, fault: Fault | None) -> None:
        if not self.contacts:
            return
        contact = data.draw(st.sampled_from(list(self.contacts)))
        interaction = Interaction(contact_id=contact, kind=InteractionKind.CALL, on=TODAY)
        if self.attempt(fault, lambda: self.store.interactions.add(interaction)) is not None:
            self.interactions[interaction.id] = interaction

    @rule(data=st.data(), fault=faults)
    def delete_interaction(self, data: st.DataObject, fault: Fault | None) -> None:
        if not self.interactions:
            return
        gone = data.draw(st.sampled_from(list(self.interactions)))
        def delete() -> bool:
            self.store.interactions.delete(gone)
            return True

        if self.attempt(fault, delete) is not None:
            del self.interactions[gone]

    @rule(data=st.data(), fault=faults)
    def delete_contact_and_their_records(self, data: st.DataObject, fault: Fault | None) -> None:
        if not self.contacts:
            return
        gone = data.draw(st.sampled_from(list(self.contacts)))
        if self.attempt(fault, lambda: delete_contact(self.store, gone)) is not None:
            del self.contacts[gone]
            self.interactions = {key: i for key, i in self.interactions.items() if i.contact_id != gone}

    @rule(fault=faults, fail_inside=st.booleans())
    def add_a_contact_with_a_call_and_toggle_dark_mode(self, fault: Fault | None, fail_inside: bool) -> None:
        """Three tables in one transaction; sometimes the block itself raises before the commit."""
        contact = Contact(name=self.name())
        interaction = Interaction(contact_id=contact.id, kind=InteractionKind.COFFEE, on=TODAY)

        def change() -> bool:
            with self.store.transaction():
                self.store.contacts.add(contact)
                self.store.interactions.add(interaction)
                self.store.save_settings(dataclasses.replace(self.store.settings, dark_mode=not self.dark_mode))
                if fail_inside:
                    raise OSError(5, 'the block failed')
            return True

        if self.attempt(fault, change) is not None:
            self.contacts[contact.id] = contact
            self.interactions[interaction.id] = interaction
            self.dark_mode = not self.dark_mode

    @invariant()
    def memory_file_and_model_agree(self) -> None:
        on_disk: dict[str, dict[str, Any]] = json.loads(self.path.read_bytes())
        assert on_disk == self.store.data_file.documents()
        for table, model, record_type in (('contacts', self.contacts, Contact),
                                          ('interactions', self.interactions, Interaction)):
            in_memory = getattr(self.store, table).all()
            from_file = [decode(record_type, doc) for doc in on_disk.get(table, {}).values()]
            assert in_memory == list(model.values())
            assert from_file == in_memory
        assert self.store.settings.dark_mode is self.dark_mode
        assert on_disk['settings']['1']['dark_mode'] is self.dark_mode
        network = self.store.network()
        assert (network.contacts, network.interactions) == (list(self.contacts.values()),
                                                            list(self.interactions.values()))
        assert list(self.folder.glob(f'{TEMP_PREFIX}*')) == []


def test_memory_file_and_model_agree_through_failed_writes(capsys: pytest.CaptureFixture[str]) -> None:
    StorageMachine.steps = 0
    run_state_machine_as_test(StorageMachine, settings=settings(
        max_examples=150, stateful_step_count=40, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
    with capsys.disabled():
        print(f'\nfault injection: {StorageMachine.steps} steps, no divergence')
    assert StorageMachine.steps >= STEPS_REQUIRED
