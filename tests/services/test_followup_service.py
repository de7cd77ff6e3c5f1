"""Acting on follow-ups through the store: decisions stored and respected, suggestions applied."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careernet_ui.domain import FollowUpStatus, InteractionKind, Stage, ValidationError, due_follow_ups
from careernet_ui.domain.contacts import new_contact
from careernet_ui.services.followups import (
    apply_stage_suggestion,
    complete_follow_up,
    dismiss_follow_up,
    snooze_follow_up,
)
from careernet_ui.services.interactions import log_interaction
from storage import Store

TODAY = date(2026, 11, 25)


def overdue_advocate(store: Store) -> str:
    contact = store.contacts.add(new_contact(on=date(2026, 1, 5), name='Dana Okafor', stage='advocate'))
    log_interaction(store, contact.id, 'coffee', date(2026, 9, 12), '', TODAY)
    return contact.id


def test_snooze_for_a_week_hides_it_until_then(fresh_store: Store) -> None:
    overdue_advocate(fresh_store)
    [followup] = due_follow_ups(fresh_store.network(), TODAY)
    state = snooze_follow_up(fresh_store, followup, TODAY, TODAY + timedelta(days=7))
    assert (state.status, state.until) == (FollowUpStatus.SNOOZED, date(2026, 12, 2))
    assert due_follow_ups(fresh_store.network(), TODAY) == []
    [back] = due_follow_ups(fresh_store.network(), date(2026, 12, 2))
    assert back.due == date(2026, 12, 2)


def test_a_snooze_into_the_past_is_refused_and_nothing_is_stored(fresh_store: Store) -> None:
    overdue_advocate(fresh_store)
    [followup] = due_follow_ups(fresh_store.network(), TODAY)
    with pytest.raises(ValidationError, match='would not hide anything'):
        snooze_follow_up(fresh_store, followup, TODAY, TODAY)
    assert len(fresh_store.followup_states) == 0


@pytest.mark.parametrize('decide', [complete_follow_up, dismiss_follow_up])
def test_done_and_dismissed_leave_the_list(fresh_store: Store, decide: object) -> None:
    overdue_advocate(fresh_store)
    [followup] = due_follow_ups(fresh_store.network(), TODAY)
    decide(fresh_store, followup, TODAY)  # type: ignore[operator]
    assert due_follow_ups(fresh_store.network(), TODAY) == []
    [state] = fresh_store.followup_states.all()
    assert state.followup_id == followup.id


def test_applying_a_stage_suggestion_moves_the_contact_and_notes_why(fresh_store: Store) -> None:
    contact = fresh_store.contacts.add(new_contact(on=date(2026, 1, 5), name='Mei Chen'))
    log_interaction(fresh_store, contact.id, InteractionKind.REFERENCE_GIVEN, date(2026, 11, 1), '', TODAY)
    [suggestion] = [f for f in due_follow_ups(fresh_store.network(), TODAY) if f.kind == 'stage_suggestion']
    moved = apply_stage_suggestion(fresh_store, suggestion, TODAY)
    assert moved.stage is Stage.REFERENCE
    assert moved.stage_history[-1].note == 'Suggested: Mei Chen gave a reference'
    assert [f for f in due_follow_ups(fresh_store.network(), TODAY) if f.kind == 'stage_suggestion'] == []


def test_a_catch_up_is_not_a_stage_suggestion(fresh_store: Store) -> None:
    overdue_advocate(fresh_store)
    [followup] = due_follow_ups(fresh_store.network(), TODAY)
    with pytest.raises(ValidationError, match='does not suggest a stage'):
        apply_stage_suggestion(fresh_store, followup, TODAY)
