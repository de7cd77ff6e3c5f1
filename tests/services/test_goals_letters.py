"""Goals and recommendation letters: stored, reopened, backed up, restored and merged like every record."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from careernet_ui.domain import Accomplishment, Contact, InteractionKind, Stage, ValidationError
from careernet_ui.domain.goals import GoalForm, GoalStatus
from careernet_ui.domain.letters import LetterForm
from careernet_ui.services.backup import backup_bytes, read_backup, record_types, restore, snapshot, write_backup
from careernet_ui.services.contacts import delete_contact
from careernet_ui.services.goals import delete_goal, news_for, record_progress_update, save_goal
from careernet_ui.services.letters import delete_letter, mark_received, mark_thanked, save_letter
from storage import Store, open_store
from tests.conftest import TODAY


def fill(store: Store) -> tuple[str, str, str]:
    alex = store.contacts.add(Contact(name='Alex Moreau', emails=('alex@example.com',), stage=Stage.ADVOCATE))
    goal = save_goal(store, GoalForm(title='Lead a platform team', target_on='2027-06-30', detail='5+ people'),
                     None, TODAY)
    letter = save_letter(store, alex.id, LetterForm(purpose='MSc application', asked_on='2026-11-01',
                                                    location='https://drive.example.com/l'), None, TODAY)
    return alex.id, goal.id, letter.id


def test_goals_and_letters_survive_reopening_the_file(data_path: Path) -> None:
    store = open_store(data_path)
    alex_id, goal_id, letter_id = fill(store)
    mark_received(store, letter_id, TODAY, TODAY)
    store.close()
    again = open_store(data_path)
    try:
        goal = again.goals.get(goal_id)
        letter = again.letters.get(letter_id)
        assert (goal.title, goal.target_on, goal.detail, goal.status) == (
            'Lead a platform team', date(2027, 6, 30), '5+ people', GoalStatus.OPEN)
        assert (letter.contact_id, letter.purpose, letter.received_on, letter.location) == (
            alex_id, 'MSc application', TODAY, 'https://drive.example.com/l')
        raw = json.loads(data_path.read_text())
        assert next(iter(raw['goals'].values()))['target_on'] == '2027-06-30'
        assert next(iter(raw['recommendation_letters'].values()))['asked_on'] == '2026-11-01'
    finally:
        again.close()


def test_backup_and_restore_carry_goals_and_letters(fresh_store: Store, tmp_path: Path) -> None:
    fill(fresh_store)
    count = write_backup(fresh_store, tmp_path / 'backup.json')
    assert count == 3
    other = open_store(tmp_path / 'other.json')
    try:
        summary = restore(other, read_backup((tmp_path / 'backup.json').read_bytes(), record_types(other)))
        assert other.goals.all() == fresh_store.goals.all()
        assert other.letters.all() == fresh_store.letters.all()
        assert summary.added['goals'] == 1
        assert summary.added['recommendation_letters'] == 1
    finally:
        other.close()


def test_merge_adds_goals_and_letters_by_id_and_points_letters_at_your_own_people(
        fresh_store: Store, tmp_path: Path) -> None:
    theirs = open_store(tmp_path / 'theirs.json')
    _, goal_id, letter_id = fill(theirs)
    data = backup_bytes(snapshot(theirs))
    theirs.close()
    alex_here = fresh_store.contacts.add(Contact(name='Alex M.', emails=('ALEX@example.com',)))
    save_goal(fresh_store, GoalForm(title='Mine', target_on='2027-01-01'), None, TODAY)

    restore(fresh_store, read_backup(data, record_types(fresh_store)), merge=True)
    restore(fresh_store, read_backup(data, record_types(fresh_store)), merge=True)  # twice: nothing doubles

    assert sorted(g.title for g in fresh_store.goals) == ['Lead a platform team', 'Mine']
    assert goal_id in fresh_store.goals
    [letter] = fresh_store.letters.all()
    assert (letter.id, letter.contact_id) == (letter_id, alex_here.id)
    assert len(fresh_store.contacts) == 1


def test_deleting_a_contact_deletes_their_letters_and_a_goal_deletes(fresh_store: Store) -> None:
    alex_id, goal_id, _letter_id = fill(fresh_store)
    delete_goal(fresh_store, goal_id)
    assert len(fresh_store.goals) == 0
    delete_contact(fresh_store, alex_id)
    assert len(fresh_store.letters) == 0


def test_letter_steps_through_the_services(fresh_store: Store) -> None:
    alex_id, _, letter_id = fill(fresh_store)
    with pytest.raises(ValidationError):
        mark_thanked(fresh_store, letter_id, TODAY, TODAY)  # not received yet
    with pytest.raises(ValidationError):
        mark_received(fresh_store, letter_id, TODAY + timedelta(days=1), TODAY)
    mark_received(fresh_store, letter_id, TODAY, TODAY)
    thanked = mark_thanked(fresh_store, letter_id, TODAY, TODAY)
    assert thanked.thanked_on == TODAY
    with pytest.raises(ValidationError) as error:
        save_letter(fresh_store, alex_id, LetterForm(purpose='PhD', location='javascript:alert(1)'), None, TODAY)
    assert error.value.field == 'location'
    assert len(fresh_store.letters) == 1  # the bad one stored nothing
    delete_letter(fresh_store, letter_id)
    assert len(fresh_store.letters) == 0


def test_marking_a_progress_update_sent_logs_it_and_shares_what_it_carried(fresh_store: Store) -> None:
    alex_id, _, _ = fill(fresh_store)
    win = fresh_store.accomplishments.add(Accomplishment(title='Cut p95 latency', on=TODAY - timedelta(days=3)))
    news = news_for(fresh_store, alex_id, TODAY)
    assert ([a.id for a in news.accomplishments], [g.title for g in news.goals]) == (
        [win.id], ['Lead a platform team'])
    sent = record_progress_update(fresh_store, alex_id, TODAY, TODAY)
    assert (sent.kind, sent.on) == (InteractionKind.UPDATE_SENT, TODAY)
    assert sent.note == 'Progress update: "Cut p95 latency", goal "Lead a platform team"'
    assert [s.contact_id for s in fresh_store.accomplishments.get(win.id).shared] == [alex_id]
    assert news_for(fresh_store, alex_id, TODAY).empty
    with pytest.raises(ValidationError):
        record_progress_update(fresh_store, alex_id, TODAY + timedelta(days=1), TODAY)
