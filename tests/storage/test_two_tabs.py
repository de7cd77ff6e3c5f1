"""Two tabs, one record: a save built from an older revision is merged field by field, or refused."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from careernet_ui.domain import Contact, Stage
from careernet_ui.domain.forms.accomplishment import AccomplishmentForm
from careernet_ui.domain.forms.contact import ContactForm
from careernet_ui.services.accomplishments import save_accomplishment
from careernet_ui.services.pipeline import move_contact
from storage import Store, open_store
from storage.errors import ChangedElsewhere
from tests.conftest import TODAY


def save_dialog(store: Store, shown: Contact, **edits: str) -> Contact:
    """What the contact dialog does: a form filled from the contact the tab shows, edited, saved."""
    form = ContactForm.from_contact(shown)
    for name, value in edits.items():
        setattr(form, name, value)
    return store.contacts.put(form.to_contact(shown, TODAY), base=shown)


@pytest.fixture
def dana(fresh_store: Store) -> Contact:
    return fresh_store.contacts.add(Contact(name='Dana Okafor', title='Engineer', notes='Met at PyCon'))


def test_edits_of_different_fields_in_two_tabs_are_both_kept(fresh_store: Store, dana: Contact,
                                                             data_path: Path) -> None:
    tab_a, tab_b = dana, dana  # both tabs opened the contact
    save_dialog(fresh_store, tab_a, title='Staff Engineer')
    save_dialog(fresh_store, tab_b, notes='Happy to be a reference')
    fresh_store.close()
    reopened = open_store(data_path)
    try:
        stored = reopened.contacts.get(dana.id)
        assert (stored.title, stored.notes) == ('Staff Engineer', 'Happy to be a reference')
    finally:
        reopened.close()


def test_a_stage_move_in_one_tab_survives_a_notes_edit_from_an_older_tab(fresh_store: Store, dana: Contact) -> None:
    tab_b = dana
    move_contact(fresh_store, dana.id, Stage.REFERENCE, TODAY, note='Agreed to be a reference')
    save_dialog(fresh_store, tab_b, notes='Prefers e-mail')
    stored = fresh_store.contacts.get(dana.id)
    assert stored.stage is Stage.REFERENCE
    assert [change.note for change in stored.stage_history][-1] == 'Agreed to be a reference'
    assert stored.notes == 'Prefers e-mail'


def test_the_same_field_changed_in_two_tabs_is_refused(fresh_store: Store, dana: Contact) -> None:
    tab_a, tab_b = dana, dana
    save_dialog(fresh_store, tab_a, title='Staff Engineer')
    with pytest.raises(ChangedElsewhere, match='changed in another tab — reload to see it'):
        save_dialog(fresh_store, tab_b, title='Principal Engineer')
    assert fresh_store.contacts.get(dana.id).title == 'Staff Engineer'


def test_an_update_from_an_older_revision_without_its_base_is_refused(fresh_store: Store, dana: Contact) -> None:
    fresh_store.contacts.update(dataclasses.replace(dana, title='Staff Engineer'))
    with pytest.raises(ChangedElsewhere):
        fresh_store.contacts.update(dataclasses.replace(dana, notes='stale'))
    assert fresh_store.contacts.get(dana.id).notes == 'Met at PyCon'



def test_accomplishment_edits_from_two_tabs_are_merged_or_refused(fresh_store: Store) -> None:
    shown = save_accomplishment(fresh_store, AccomplishmentForm(title='Cut build time', on='2026-03-01'), None, TODAY)
    tab_a, tab_b = AccomplishmentForm.from_accomplishment(shown), AccomplishmentForm.from_accomplishment(shown)
    tab_a.description = 'From 40 to 12 minutes'
    save_accomplishment(fresh_store, tab_a, shown.id, TODAY, base=shown)
    tab_b.tags = 'ci'
    save_accomplishment(fresh_store, tab_b, shown.id, TODAY, base=shown)  # another field: merged
    stored = fresh_store.accomplishments.get(shown.id)
    assert (stored.description, list(stored.tags)) == ('From 40 to 12 minutes', ['ci'])
    tab_b.description = 'From 40 to 20 minutes'
    with pytest.raises(ChangedElsewhere, match='changed in another tab'):
        save_accomplishment(fresh_store, tab_b, shown.id, TODAY, base=shown)  # the same field: refused
    assert fresh_store.accomplishments.get(shown.id).description == 'From 40 to 12 minutes'
