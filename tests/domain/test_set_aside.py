"""The snoozed and dismissed follow-ups the dashboard lets the user find and bring back."""

from __future__ import annotations

from datetime import date, timedelta

from careernet_ui.demo import generate_network
from careernet_ui.domain import FollowUpStatus, due_follow_ups
from careernet_ui.domain.followups.keep_in_touch import KEEP_IN_TOUCH
from careernet_ui.domain.followups.set_aside import set_aside
from careernet_ui.services.followups import bring_back, complete_follow_up, dismiss_follow_up, snooze_follow_up
from careernet_ui.services.seed import add_network
from storage import Store

TODAY = date(2026, 11, 25)


def test_lists_snoozed_by_wake_up_then_dismissed_and_bring_back_makes_them_due(fresh_store: Store) -> None:
    add_network(fresh_store, generate_network(TODAY))
    first, second, third, fourth = due_follow_ups(fresh_store.network(), TODAY)[:4]
    snooze_follow_up(fresh_store, first, TODAY, TODAY + timedelta(days=7))
    snooze_follow_up(fresh_store, second, TODAY, TODAY + timedelta(days=1))
    dismiss_follow_up(fresh_store, third, TODAY)
    complete_follow_up(fresh_store, fourth, TODAY)
    listed = set_aside(fresh_store.network(), TODAY)
    assert [(s.followup, s.state.status, s.state.until) for s in listed] == [
        (second, FollowUpStatus.SNOOZED, TODAY + timedelta(days=1)),
        (first, FollowUpStatus.SNOOZED, TODAY + timedelta(days=7)),
        (third, FollowUpStatus.DISMISSED, None),
    ]
    # The day after, the one-day snooze has woken: it is in the list again, not here.
    assert [s.followup for s in set_aside(fresh_store.network(), TODAY + timedelta(days=1))] == [first, third]
    bring_back(fresh_store, third.id)
    bring_back(fresh_store, first.id)
    assert [s.followup for s in set_aside(fresh_store.network(), TODAY)] == [second]
    shown = due_follow_ups(fresh_store.network(), TODAY)
    assert [first in shown, third in shown, second in shown, fourth in shown] == [True, True, False, False]


def test_nothing_set_aside_is_an_empty_list(fresh_store: Store) -> None:
    add_network(fresh_store, generate_network(TODAY))
    assert set_aside(fresh_store.network(), TODAY) == []


def test_a_dismissed_catch_up_is_listed_with_its_own_due_date_and_comes_back_on_it(fresh_store: Store) -> None:
    add_network(fresh_store, generate_network(TODAY))
    catch_up = next(f for f in due_follow_ups(fresh_store.network(), TODAY) if f.kind == KEEP_IN_TOUCH)
    dismiss_follow_up(fresh_store, catch_up, TODAY)  # starts the next cycle: the engine no longer finds it
    assert catch_up.id not in {f.id for f in due_follow_ups(fresh_store.network(), TODAY)}
    [listed] = set_aside(fresh_store.network(), TODAY)
    assert (listed.followup.id, listed.followup.due, listed.state.status) == \
        (catch_up.id, catch_up.due, FollowUpStatus.DISMISSED)
    bring_back(fresh_store, catch_up.id)
    assert catch_up in due_follow_ups(fresh_store.network(), TODAY)
