"""Moving a contact along the pipeline through the store: every move dated, bad stages refused."""

from __future__ import annotations

from datetime import date

import pytest

from careernet_ui.domain import NotFoundError, Stage, ValidationError
from careernet_ui.domain.contacts import new_contact
from careernet_ui.services.pipeline import move_contact, note_move
from storage import Store

TODAY = date(2026, 11, 25)


def add(store: Store, name: str = 'Dana Okafor') -> str:
    return store.contacts.add(new_contact(on=date(2026, 1, 5), name=name)).id


def test_a_move_records_a_dated_stage_change_with_its_note(fresh_store: Store) -> None:
    contact_id = add(fresh_store)
    moved = move_contact(fresh_store, contact_id, 'potential_advocate', TODAY, 'Asked me to review her talk')
    assert moved.stage is Stage.POTENTIAL_ADVOCATE
    stored = fresh_store.contacts.get(contact_id)
    assert [(c.on, c.from_stage, c.to_stage, c.note) for c in stored.stage_history] == [
        (date(2026, 1, 5), None, Stage.CONTACT, ''),
        (TODAY, Stage.CONTACT, Stage.POTENTIAL_ADVOCATE, 'Asked me to review her talk'),
    ]


def test_moving_to_the_current_stage_writes_nothing(fresh_store: Store) -> None:
    contact_id = add(fresh_store)
    revision = fresh_store.revision
    assert move_contact(fresh_store, contact_id, Stage.CONTACT, TODAY).stage is Stage.CONTACT
    assert fresh_store.revision == revision


@pytest.mark.parametrize('stage', ['champion', '', 'Advocate'])
def test_an_unknown_stage_is_refused_and_nothing_is_stored(fresh_store: Store, stage: str) -> None:
    contact_id = add(fresh_store)
    revision = fresh_store.revision
    with pytest.raises(ValidationError, match=f'Unknown stage "{stage}"; choose one of: contact, '
                                              'potential_advocate, reference, advocate'):
        move_contact(fresh_store, contact_id, stage, TODAY)
    assert fresh_store.revision == revision
    assert fresh_store.contacts.get(contact_id).stage is Stage.CONTACT


def test_an_over_long_note_is_refused(fresh_store: Store) -> None:
    contact_id = add(fresh_store)
    with pytest.raises(ValidationError, match='Note is 501 characters long; the limit is 500'):
        move_contact(fresh_store, contact_id, Stage.REFERENCE, TODAY, 'x' * 501)
    assert len(fresh_store.contacts.get(contact_id).stage_history) == 1


def test_a_deleted_contact_cannot_be_moved(fresh_store: Store) -> None:
    with pytest.raises(NotFoundError, match='No contact with id gone'):
        move_contact(fresh_store, 'gone', Stage.REFERENCE, TODAY)


def test_a_note_goes_on_the_latest_move_and_a_contact_never_moved_has_none(fresh_store: Store) -> None:
    contact_id = add(fresh_store)
    with pytest.raises(ValidationError, match='has not moved along the pipeline yet'):
        note_move(fresh_store, contact_id, 'Why')
    move_contact(fresh_store, contact_id, 'reference', TODAY)
    noted = note_move(fresh_store, contact_id, 'Gave a reference to Initech')
    assert [c.note for c in fresh_store.contacts.get(contact_id).stage_history] == ['', 'Gave a reference to Initech']
    assert noted.stage is Stage.REFERENCE
