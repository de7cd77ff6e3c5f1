"""Accomplishment and feedback operations against a real store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.domain import Contact, Feedback, InteractionKind, NotFoundError, Share, Stage, ValidationError
from careernet_ui.domain.forms.accomplishment import AccomplishmentForm
from careernet_ui.domain.forms.feedback import FeedbackForm
from careernet_ui.services.accomplishments import delete_accomplishment, record_share, save_accomplishment
from careernet_ui.services.feedback import delete_feedback, save_feedback
from storage import Store

TODAY = date(2026, 11, 25)


@pytest.fixture
def people(fresh_store: Store) -> tuple[Contact, Contact]:
    mei = fresh_store.contacts.add(Contact(name='Mei Chen', stage=Stage.ADVOCATE))
    dana = fresh_store.contacts.add(Contact(name='Dana Okafor', stage=Stage.REFERENCE))
    return mei, dana


def form(*witnesses: str) -> AccomplishmentForm:
    return AccomplishmentForm(title='Cut checkout p95 latency', on='2026-11-01', metric_name='p95 latency',
                              metric_value='120', metric_unit='ms', witness_ids=list(witnesses))


def test_save_checks_witnesses_against_the_stored_contacts(fresh_store: Store, people: tuple[Contact, Contact],
                                                           data_path: Path) -> None:
    mei, dana = people
    saved = save_accomplishment(fresh_store, form(mei.id, dana.id), None, TODAY)
    assert TinyDB(data_path).table('accomplishments').all()[0]['witness_ids'] == [mei.id, dana.id]
    with pytest.raises(ValidationError) as caught:
        save_accomplishment(fresh_store, form(mei.id, 'no-such-person'), saved.id, TODAY)
    assert caught.value.field == 'witness_ids'
    assert fresh_store.accomplishments.get(saved.id).witness_ids == (mei.id, dana.id)


def test_editing_a_deleted_accomplishment_says_so(fresh_store: Store) -> None:
    with pytest.raises(NotFoundError):
        save_accomplishment(fresh_store, form(), 'gone', TODAY)


def test_sharing_records_a_share_and_logs_an_update_sent(fresh_store: Store, people: tuple[Contact, Contact],
                                                         data_path: Path) -> None:
    mei, _ = people
    saved = save_accomplishment(fresh_store, form(), None, TODAY)
    updated = record_share(fresh_store, saved.id, mei.id, TODAY, TODAY)
    assert updated.shared == (Share(contact_id=mei.id, on=TODAY),)
    [logged] = TinyDB(data_path).table('interactions').all()
    assert (logged['contact_id'], logged['kind'], logged['on']) == (mei.id, 'update_sent', '2026-11-25')
    assert logged['note'] == 'Shared "Cut checkout p95 latency"'
    assert [i.kind for i in fresh_store.interactions] == [InteractionKind.UPDATE_SENT]


def test_the_same_share_twice_and_future_shares_are_refused(fresh_store: Store,
                                                            people: tuple[Contact, Contact]) -> None:
    mei, _ = people
    saved = save_accomplishment(fresh_store, form(), None, TODAY)
    record_share(fresh_store, saved.id, mei.id, TODAY, TODAY)
    with pytest.raises(ValidationError, match=r'Already recorded: shared with Mei Chen on 25 Nov 2026\.'):
        record_share(fresh_store, saved.id, mei.id, TODAY, TODAY)
    with pytest.raises(ValidationError, match='in the future'):
        record_share(fresh_store, saved.id, mei.id, date(2026, 12, 1), TODAY)
    with pytest.raises(NotFoundError):
        record_share(fresh_store, saved.id, 'gone', TODAY, TODAY)
    assert len(fresh_store.interactions) == 1


def test_deleting_an_accomplishment_unlinks_its_feedback(fresh_store: Store, people: tuple[Contact, Contact]) -> None:
    mei, _ = people
    saved = save_accomplishment(fresh_store, form(mei.id), None, TODAY)
    feedback = save_feedback(fresh_store, replace(FeedbackForm.asking(mei.id, TODAY), accomplishment_ids=[saved.id]),
                             None, TODAY)
    delete_accomplishment(fresh_store, saved.id)
    assert len(fresh_store.accomplishments) == 0
    assert fresh_store.feedback.get(feedback.id).accomplishment_ids == ()


def test_feedback_is_checked_against_stored_records_and_can_be_deleted(fresh_store: Store,
                                                                       people: tuple[Contact, Contact]) -> None:
    mei, _ = people
    with pytest.raises(ValidationError, match='no longer exists'):
        save_feedback(fresh_store, replace(FeedbackForm.asking(mei.id, TODAY), accomplishment_ids=['gone']),
                      None, TODAY)
    assert len(fresh_store.feedback) == 0
    stored: Feedback = save_feedback(fresh_store, FeedbackForm.asking(mei.id, TODAY), None, TODAY)
    delete_feedback(fresh_store, stored.id)
    assert len(fresh_store.feedback) == 0
