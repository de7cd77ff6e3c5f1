"""Logging an interaction through the store: stored when valid, nothing stored when not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.domain import InteractionKind, NotFoundError, ValidationError
from careernet_ui.domain.contacts import new_contact
from careernet_ui.domain.interaction_log import InteractionForm
from careernet_ui.services.interactions import log_interaction, log_interaction_form
from storage import Store

TODAY = date(2026, 11, 25)


@pytest.fixture
def dana(fresh_store: Store) -> str:
    return fresh_store.contacts.add(new_contact(on=date(2026, 1, 5), name='Dana Okafor')).id


def test_a_logged_coffee_is_stored_durably(fresh_store: Store, dana: str, data_path: Path) -> None:
    logged = log_interaction(fresh_store, dana, InteractionKind.COFFEE, date(2026, 11, 20), 'Platform org news', TODAY)
    [doc] = TinyDB(data_path).table('interactions').all()
    assert (doc['id'], doc['contact_id'], doc['kind'], doc['on'], doc['note']) == (
        logged.id, dana, 'coffee', '2026-11-20', 'Platform org news')


@pytest.mark.parametrize(('kind', 'on', 'note', 'message'), [
    ('', TODAY, '', 'Choose what kind of interaction it was'),
    ('telepathy', TODAY, '', 'Unknown interaction kind "telepathy"'),
    ('call', date(2999, 1, 1), '', 'Date 2999-01-01 is in the future'),
    ('call', None, '', 'Give the date it happened'),
    ('call', TODAY, 'x' * 100_000, 'Note is 100,000 characters long; the limit is 20,000'),
])
def test_bad_input_is_refused_and_nothing_is_stored(
    fresh_store: Store, dana: str, data_path: Path, kind: str, on: date | None, note: str, message: str
) -> None:
    revision = fresh_store.revision
    with pytest.raises(ValidationError, match=message):
        log_interaction(fresh_store, dana, kind, on, note, TODAY)
    assert fresh_store.revision == revision
    assert len(fresh_store.interactions) == 0
    assert TinyDB(data_path).table('interactions').all() == []


def test_an_interaction_with_nobody_is_refused(fresh_store: Store) -> None:
    with pytest.raises(NotFoundError):
        log_interaction(fresh_store, 'gone', 'call', TODAY, '', TODAY)
    assert len(fresh_store.interactions) == 0


def test_the_dialog_form_is_logged_as_typed(fresh_store: Store, dana: str) -> None:
    form = InteractionForm(kind='thank_you', on='2026-11-24', note='For the Initech call')
    logged = log_interaction_form(fresh_store, dana, form, TODAY)
    assert fresh_store.interactions.get(logged.id).kind is InteractionKind.THANK_YOU
