"""Where keeping in touch stands for one person: the contact page and the board read this."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from careernet_ui.domain.catch_up import catch_up, latest_interaction
from careernet_ui.domain.contacts import Stage, StageChange
from careernet_ui.domain.followups.followup import FollowUpState, FollowUpStatus
from careernet_ui.domain.interactions import InteractionKind
from careernet_ui.domain.settings import Settings

from . import make

TODAY = date(2026, 11, 25)
COFFEE = InteractionKind.COFFEE


def test_logging_an_interaction_moves_the_next_due_date() -> None:
    dana = make.contact('c1', 'Dana', Stage.REFERENCE,
                        history=[StageChange(on=date(2026, 1, 5), to_stage=Stage.REFERENCE)])
    before = catch_up(dana, Settings(), None, None, TODAY)
    assert (before.last_contact, before.counts_from, before.next_due, before.overdue) == (
        None, date(2026, 1, 5), date(2026, 3, 6), True)
    coffee = make.interaction('i1', dana, COFFEE, TODAY)
    after = catch_up(dana, Settings(), coffee, None, TODAY)
    assert (after.last_contact, after.next_due, after.overdue) == (TODAY, TODAY + timedelta(days=60), False)
    assert after.last_interaction is coffee


def test_no_cadence_means_no_due_date() -> None:
    mei = make.contact('c2', 'Mei', Stage.CONTACT)
    status = catch_up(mei, Settings(), None, None, TODAY)
    assert (status.cadence, status.next_due, status.overdue) == (None, None, False)


def test_a_snooze_moves_the_due_date_to_its_wake_up_day_until_a_new_cycle() -> None:
    dana = make.contact('c1', 'Dana', Stage.ADVOCATE)
    call = make.interaction('i1', dana, InteractionKind.CALL, date(2026, 10, 1))  # due 31 Oct
    state = FollowUpState(followup_id='keep_in_touch:c1', status=FollowUpStatus.SNOOZED, decided_on=TODAY,
                          due=date(2026, 10, 31), until=date(2026, 12, 2))
    snoozed = catch_up(dana, Settings(), call, state, TODAY)
    assert (snoozed.next_due, snoozed.overdue, snoozed.snoozed) == (date(2026, 12, 2), False, True)
    woken = catch_up(dana, Settings(), call, state, date(2026, 12, 3))
    assert (woken.next_due, woken.overdue, woken.snoozed) == (date(2026, 12, 2), True, False)
    later_coffee = make.interaction('i2', dana, COFFEE, TODAY)
    spent = catch_up(dana, Settings(), later_coffee, state, TODAY)
    assert (spent.next_due, spent.snoozed) == (TODAY + timedelta(days=30), False)


def test_latest_interaction_skips_others_and_plans_and_breaks_ties_by_logging_time() -> None:
    dana, mei = make.contact('c1', 'Dana'), make.contact('c2', 'Mei')
    morning = make.interaction('i1', dana, COFFEE, TODAY, logged_at=datetime(2026, 11, 25, 9, tzinfo=UTC))
    evening = make.interaction('i2', dana, COFFEE, TODAY, logged_at=datetime(2026, 11, 25, 18, tzinfo=UTC))
    planned = make.interaction('i3', dana, COFFEE, TODAY + timedelta(days=1))
    other = make.interaction('i4', mei, COFFEE, TODAY)
    assert latest_interaction([evening, planned, morning, other], 'c1', TODAY) is evening
    assert latest_interaction([other], 'c1', TODAY) is None
