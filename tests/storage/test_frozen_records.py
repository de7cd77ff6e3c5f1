"""Records the store hands out are values: changing one in place raises, so a cache keyed on one is safe."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from careernet_ui.demo import generate_network
from careernet_ui.domain import Contact
from careernet_ui.domain.board import tag_options
from careernet_ui.services.seed import add_network
from storage import Store, open_store
from tests.conftest import TODAY

TABLES = ('contacts', 'interactions', 'accomplishments', 'feedback', 'applications', 'reference_requests',
          'introductions')


@pytest.fixture
def demo_store(fresh_store: Store) -> Store:
    add_network(fresh_store, generate_network(TODAY, storylines=True))
    return fresh_store


@pytest.mark.parametrize('table', TABLES)
def test_a_record_from_the_store_cannot_be_changed_in_place(demo_store: Store, table: str) -> None:
    record = next(iter(getattr(demo_store, table)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.id = 'changed'
    again = getattr(demo_store, table).get(record.id)
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.updated_at = again.created_at
    assert getattr(demo_store, table).get(record.id) == record


def test_the_settings_and_the_network_snapshot_cannot_be_changed_in_place(demo_store: Store) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        demo_store.settings.dark_mode = True  # type: ignore[misc]
    network = demo_store.network()
    with pytest.raises(dataclasses.FrozenInstanceError):
        network.contacts = ()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        network.contacts[0].name = 'Someone else'  # type: ignore[misc]


def test_a_change_is_a_new_record_through_replace(demo_store: Store) -> None:
    contact = demo_store.contacts.all()[0]
    renamed = dataclasses.replace(contact, name='Renamed Person')
    demo_store.contacts.update(renamed)
    assert demo_store.contacts.get(contact.id).name == 'Renamed Person'
    assert contact.name != 'Renamed Person'  # the record handed out before is unchanged


def test_results_are_remembered_on_the_snapshot_and_go_with_it(demo_store: Store) -> None:
    network = demo_store.network()
    assert tag_options(network) is tag_options(network)  # remembered on this snapshot
    assert network.derived
    contact = demo_store.contacts.all()[0]
    demo_store.contacts.update(dataclasses.replace(contact, tags=('a-new-tag',)))
    after = demo_store.network()
    assert after is not network
    assert not after.derived
    assert 'a-new-tag' in tag_options(after)


def test_a_frozen_record_still_normalises_what_it_is_given_and_decodes_the_same(tmp_path: Path) -> None:
    path = tmp_path / 'c.json'
    store = open_store(path)
    stored = store.contacts.add(Contact(name='  Dana Okafor ', tags=('Python', 'python', 'SQL')))
    assert stored.name == 'Dana Okafor'
    assert list(stored.tags) == ['python', 'sql']
    store.close()
    reopened = open_store(path)
    assert reopened.contacts.get(stored.id) == stored  # msgspec decodes into the frozen class
    reopened.close()
