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


def _sequences(record: object) -> dict[str, object]:
    """The record's fields that hold a sequence (anything but text)."""
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)  # type: ignore[arg-type]
            if isinstance(getattr(record, f.name), list | tuple)}


def _assert_sequences_are_values(record: object) -> int:
    """Every sequence of ``record`` is a tuple: appending to it or assigning an item raises."""
    checked = 0
    for name, value in _sequences(record).items():
        assert isinstance(value, tuple), f'{type(record).__name__}.{name} is a {type(value).__name__}'
        with pytest.raises(AttributeError):
            value.append('x')  # type: ignore[attr-defined]
        if value:
            with pytest.raises(TypeError):
                value[0] = value[0]  # type: ignore[index]
            checked += 1
    return checked


def test_a_records_sequences_from_the_store_cannot_be_changed_in_place(tmp_path: Path) -> None:
    path = tmp_path / 'demo.json'
    store = open_store(path)
    add_network(store, generate_network(TODAY, storylines=True))
    store.save_settings(dataclasses.replace(store.settings, own_emails=['sam@example.com']))  # type: ignore[arg-type]
    store.close()
    reopened = open_store(path)  # decoded from the file, not the records added above
    try:
        checked = 0
        for table in TABLES:
            for record in getattr(reopened, table):
                checked += _assert_sequences_are_values(record)
        checked += _assert_sequences_are_values(reopened.settings)
        contact = next(c for c in reopened.contacts if c.tags and c.stage_history)
        with pytest.raises(AttributeError):
            contact.tags.append('changed')  # type: ignore[attr-defined]
        with pytest.raises(TypeError):
            contact.stage_history[0] = contact.stage_history[-1]  # type: ignore[index]
        assert reopened.contacts.get(contact.id) == contact
        assert reopened.settings.own_emails == ('sam@example.com',)
        assert checked > 150  # tags, e-mails, histories, witnesses... of the whole demo network (174)
        network = reopened.network()
        with pytest.raises(AttributeError):
            network.accomplishments[0].witness_ids.append('someone')  # type: ignore[attr-defined]
    finally:
        reopened.close()


def test_a_record_built_from_lists_stores_tuples() -> None:
    contact = Contact(name='Dana Okafor', emails=['dana@example.com'], tags=['python'],  # type: ignore[arg-type]
                      links=iter(['https://example.com/dana']))  # type: ignore[arg-type]
    assert (contact.emails, contact.tags, contact.links) == (('dana@example.com',), ('python',),
                                                           ('https://example.com/dana',))
