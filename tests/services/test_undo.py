"""Undo through the store: every undoable action puts every table back exactly as it was, in one write."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from careernet_ui.demo import generate_network
from careernet_ui.domain import FollowUpState, FollowUpStatus, Stage, due_follow_ups
from careernet_ui.domain.followups.set_aside import set_aside
from careernet_ui.services.accomplishments import delete_accomplishment
from careernet_ui.services.applications import delete_application, remove_request
from careernet_ui.services.backup import repositories
from careernet_ui.services.contacts import delete_contact
from careernet_ui.services.followups import bring_back, complete_follow_up, dismiss_follow_up, snooze_follow_up
from careernet_ui.services.pipeline import move_contact, note_move
from careernet_ui.services.seed import add_network
from careernet_ui.services.undo import Undo, combined, recorded, undo
from storage import Store
from storage.errors import ChangedElsewhere

TODAY = date(2026, 11, 25)

Contents = dict[str, dict[str, Any]]


def contents(store: Store) -> Contents:
    """Every record of every table, by id (the order of a table is not part of its contents)."""
    return {name: {record.id: record for record in repository} for name, repository in repositories(store).items()}


def file_contents(path: Path) -> dict[str, Counter[str]]:
    """Every document of every table of the data file, ignoring TinyDB's doc ids and empty tables."""
    tables = json.loads(path.read_text(encoding='utf-8'))
    return {name: Counter(json.dumps(doc, sort_keys=True) for doc in docs.values())
            for name, docs in tables.items() if docs}  # an emptied table reads as no table


@pytest.fixture
def store(fresh_store: Store) -> Store:
    add_network(fresh_store, generate_network(TODAY))
    return fresh_store


def busiest_contact(store: Store) -> str:
    """A witness with a reference request and the most interactions: the biggest cascade."""
    witnesses = {w for a in store.accomplishments for w in a.witness_ids}
    asked = {r.contact_id for r in store.reference_requests}
    return max(witnesses & asked, key=lambda contact_id: sum(i.contact_id == contact_id for i in store.interactions))


def check_undone(store: Store, data_path: Path, action: Callable[[], object]) -> Undo:
    """Run ``action`` recorded, check it changed something, undo it, check everything is as before."""
    before, before_file = contents(store), file_contents(data_path)
    _, recorded_undo = recorded(store, action)
    assert not recorded_undo.empty
    assert contents(store) != before
    revision = store.revision
    undo(store, recorded_undo)
    assert store.revision == revision + 1  # one write
    assert contents(store) == before
    assert file_contents(data_path) == before_file
    return recorded_undo


def test_undo_done_dismiss_and_snooze(store: Store, data_path: Path) -> None:
    followups = due_follow_ups(store.network(), TODAY)[:3]
    assert len(followups) == 3
    done, dismissed, snoozed = followups
    for action in (lambda: complete_follow_up(store, done, TODAY),
                   lambda: dismiss_follow_up(store, dismissed, TODAY),
                   lambda: snooze_follow_up(store, snoozed, TODAY, TODAY + timedelta(days=7))):
        check_undone(store, data_path, action)
        assert due_follow_ups(store.network(), TODAY)[:3] == followups  # due again, as before


def test_undo_a_decision_that_replaced_an_earlier_one(store: Store, data_path: Path) -> None:
    followup = due_follow_ups(store.network(), TODAY)[0]
    # A decision made against an earlier due date: spent, but stored, and replaced by the new one.
    earlier = store.followup_states.add(FollowUpState(followup_id=followup.id, status=FollowUpStatus.DONE,
                                                      decided_on=TODAY - timedelta(days=90),
                                                      due=followup.due - timedelta(days=90)))
    check_undone(store, data_path, lambda: complete_follow_up(store, followup, TODAY))
    assert store.followup_states.get(followup.id) == earlier


def test_undo_a_contact_delete_puts_back_all_it_cascaded(store: Store, data_path: Path) -> None:
    contact_id = busiest_contact(store)
    store.followup_states.add(FollowUpState(followup_id=f'keep_in_touch-{contact_id}', status=FollowUpStatus.DISMISSED,
                                            decided_on=TODAY, due=TODAY))
    recorded_undo = check_undone(store, data_path, lambda: delete_contact(store, contact_id))
    touched = Counter(change.table for change in recorded_undo.changes)
    # The demo's busiest person has interactions, requests, witnessed accomplishments and feedback.
    assert {'contacts', 'interactions', 'accomplishments', 'reference_requests', 'followup_states'} <= set(touched)
    assert touched['contacts'] == 1
    assert touched['interactions'] > 1


def test_undo_an_accomplishment_delete_relinks_its_feedback(store: Store, data_path: Path) -> None:
    accomplishment_id = max(store.accomplishments, key=lambda a: sum(
        a.id in f.accomplishment_ids for f in store.feedback)).id
    recorded_undo = check_undone(store, data_path, lambda: delete_accomplishment(store, accomplishment_id))
    assert 'feedback' in {change.table for change in recorded_undo.changes}


def test_undo_an_application_delete_puts_back_its_requests_and_introductions(store: Store, data_path: Path) -> None:
    application_id = next(i.application_id for i in store.introductions if i.application_id)
    assert any(r.application_id == application_id for r in store.reference_requests)
    recorded_undo = check_undone(store, data_path, lambda: delete_application(store, application_id))
    assert {'applications', 'reference_requests', 'introductions'} <= {c.table for c in recorded_undo.changes}


def test_undo_a_request_removal(store: Store, data_path: Path) -> None:
    request = store.reference_requests.all()[0]
    check_undone(store, data_path, lambda: remove_request(store, request.id))
    assert store.reference_requests.get(request.id) == request


def test_undo_a_move_restores_the_stage_history_and_revision(store: Store, data_path: Path) -> None:
    contact = next(c for c in store.contacts if c.stage is Stage.CONTACT)
    check_undone(store, data_path, lambda: move_contact(store, contact.id, Stage.ADVOCATE, TODAY, 'Opened a door'))
    restored = store.contacts.get(contact.id)
    assert (restored.stage, restored.stage_history, restored.updated_at) == \
        (contact.stage, contact.stage_history, contact.updated_at)


def test_undo_a_bring_back(store: Store, data_path: Path) -> None:
    followup = due_follow_ups(store.network(), TODAY)[0]
    dismiss_follow_up(store, followup, TODAY)
    check_undone(store, data_path, lambda: bring_back(store, followup.id))
    assert [s.followup for s in set_aside(store.network(), TODAY)] == [followup]


def test_a_move_that_writes_nothing_has_nothing_to_undo(store: Store) -> None:
    contact = store.contacts.all()[0]
    _, recorded_undo = recorded(store, lambda: move_contact(store, contact.id, contact.stage, TODAY))
    assert recorded_undo.empty


def refused(store: Store, recorded_undo: Undo, message: str) -> None:
    before, revision = contents(store), store.revision
    with pytest.raises(ChangedElsewhere, match=message):
        undo(store, recorded_undo)
    assert contents(store) == before
    assert store.revision == revision


def test_undo_after_a_later_edit_is_refused_and_keeps_the_edit(store: Store) -> None:
    contact = next(c for c in store.contacts if c.stage is Stage.CONTACT)
    _, recorded_undo = recorded(store, lambda: move_contact(store, contact.id, Stage.REFERENCE, TODAY))
    edited = store.contacts.update(dataclasses.replace(store.contacts.get(contact.id), title='Head of Design'))
    refused(store, recorded_undo, f'Cannot undo: {contact.name} was changed after that')
    assert store.contacts.get(contact.id) == edited


def test_undo_of_a_delete_is_refused_when_a_cascaded_record_changed_since(store: Store) -> None:
    contact_id = busiest_contact(store)
    accomplishment = next(a for a in store.accomplishments if contact_id in a.witness_ids)
    _, recorded_undo = recorded(store, lambda: delete_contact(store, contact_id))
    edited = dataclasses.replace(store.accomplishments.get(accomplishment.id), description='Edited')
    store.accomplishments.update(edited)
    refused(store, recorded_undo, f'"{accomplishment.title}" was changed after that')
    assert contact_id not in store.contacts


def test_undo_of_a_decision_is_refused_after_a_later_decision(store: Store) -> None:
    followup = due_follow_ups(store.network(), TODAY)[0]
    _, recorded_undo = recorded(store, lambda: snooze_follow_up(store, followup, TODAY, TODAY + timedelta(days=1)))
    dismiss_follow_up(store, followup, TODAY)
    refused(store, recorded_undo, 'the follow-up was changed after that')
    assert store.followup_states.get(followup.id).status is FollowUpStatus.DISMISSED


def test_undo_twice_is_refused(store: Store) -> None:
    contact_id = store.contacts.all()[0].id
    _, recorded_undo = recorded(store, lambda: delete_contact(store, contact_id))
    undo(store, recorded_undo)
    refused(store, recorded_undo, 'was added again after that')


def test_recording_inside_a_transaction_is_refused(store: Store) -> None:
    with store.transaction(), pytest.raises(RuntimeError, match='outside a transaction'):
        recorded(store, lambda: None)


def test_undo_a_drag_move_and_its_note_together(store: Store, data_path: Path) -> None:
    contact = next(c for c in store.contacts if c.stage is Stage.CONTACT)
    before, before_file = contents(store), file_contents(data_path)
    _, moved = recorded(store, lambda: move_contact(store, contact.id, Stage.REFERENCE, TODAY))
    noted_contact, noted = recorded(store, lambda: note_move(store, contact.id, 'Gave a reference to Initech'))
    assert noted_contact.stage_history[-1].note == 'Gave a reference to Initech'
    refused(store, moved, f'{contact.name} was changed after that')  # the move alone: the note came after it
    undo(store, combined(moved, noted))
    assert contents(store) == before
    assert file_contents(data_path) == before_file


def test_undo_is_refused_after_an_outside_edit_of_the_file(store: Store, data_path: Path) -> None:
    contact = next(c for c in store.contacts if c.stage is Stage.CONTACT)
    _, recorded_undo = recorded(store, lambda: move_contact(store, contact.id, Stage.REFERENCE, TODAY))
    tables = json.loads(data_path.read_text(encoding='utf-8'))
    [doc] = [d for d in tables['contacts'].values() if d['id'] == contact.id]
    doc['title'] = 'Edited on the laptop'
    data_path.write_text(json.dumps(tables), encoding='utf-8')  # a sync client replaced the file
    with pytest.raises(ChangedElsewhere, match=f'Cannot undo: {contact.name} was changed after that'):
        undo(store, recorded_undo)
    assert store.contacts.get(contact.id).title == 'Edited on the laptop'
    assert store.contacts.get(contact.id).stage is Stage.REFERENCE
