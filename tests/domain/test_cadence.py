"""Keep-in-touch rules: the cadence, the last contact, the next due date."""

from __future__ import annotations

from datetime import date

import pytest

from careernet_ui.domain.contacts import Stage, StageChange
from careernet_ui.domain.followups.engine import due_follow_ups
from careernet_ui.domain.followups.followup import FollowUpState, FollowUpStatus
from careernet_ui.domain.followups.keep_in_touch import (
    effective_cadence,
    is_overdue,
    keep_in_touch_due,
    last_contact_date,
    next_due,
)
from careernet_ui.domain.interactions import InteractionKind
from careernet_ui.domain.network import Network
from careernet_ui.domain.settings import Settings

from . import make


def test_a_contacts_own_cadence_beats_the_stage_default() -> None:
    dana = make.contact('c1', 'Dana Okafor', Stage.ADVOCATE, cadence_days=14)
    assert effective_cadence(dana, Settings()) == 14


@pytest.mark.parametrize(
    ('stage', 'expected'),
    [(Stage.CONTACT, None), (Stage.POTENTIAL_ADVOCATE, 45), (Stage.REFERENCE, 60), (Stage.ADVOCATE, 30)],
)
def test_without_its_own_cadence_a_contact_gets_the_stage_default(stage: Stage, expected: int | None) -> None:
    assert effective_cadence(make.contact('c1', 'Dana Okafor', stage), Settings()) == expected


def test_the_stage_default_comes_from_the_users_settings() -> None:
    settings = Settings(cadence_days={Stage.REFERENCE: 10, Stage.CONTACT: 365})
    assert effective_cadence(make.contact('c1', 'A', Stage.REFERENCE), settings) == 10
    assert effective_cadence(make.contact('c2', 'B', Stage.CONTACT), settings) == 365


def test_last_contact_is_the_latest_interaction_when_there_is_one() -> None:
    history = [StageChange(on=date(2026, 6, 1), to_stage=Stage.REFERENCE)]
    dana = make.contact('c1', 'Dana Okafor', Stage.REFERENCE, history=history)
    assert last_contact_date(dana, date(2026, 3, 2)) == date(2026, 3, 2)


def test_without_interactions_last_contact_is_the_latest_stage_change_in_any_order() -> None:
    history = [
        StageChange(on=date(2026, 8, 1), to_stage=Stage.REFERENCE, from_stage=Stage.CONTACT),
        StageChange(on=date(2026, 2, 1), to_stage=Stage.CONTACT),
    ]
    dana = make.contact('c1', 'Dana Okafor', Stage.REFERENCE, history=history)
    assert last_contact_date(dana, None) == date(2026, 8, 1)


def test_without_interactions_or_stage_history_last_contact_is_the_day_the_contact_was_added() -> None:
    dana = make.contact('c1', 'Dana Okafor', Stage.REFERENCE)
    assert last_contact_date(dana, None) == make.CREATED.date()


@pytest.mark.parametrize(
    ('last', 'cadence', 'due'),
    [
        (date(2026, 1, 31), 30, date(2026, 3, 2)),  # across February in a common year
        (date(2028, 1, 31), 30, date(2028, 3, 1)),  # ... and in a leap year
        (date(2028, 2, 29), 1, date(2028, 3, 1)),  # from a leap day
        (date(2028, 2, 29), 365, date(2029, 2, 28)),
        (date(2027, 2, 28), 1, date(2027, 3, 1)),
        (date(2026, 12, 31), 1, date(2027, 1, 1)),  # across a year end
        (date(2026, 8, 31), 30, date(2026, 9, 30)),
    ],
)
def test_next_due_is_calendar_arithmetic(last: date, cadence: int, due: date) -> None:
    dana = make.contact('c1', 'Dana Okafor', Stage.ADVOCATE, cadence_days=cadence)
    assert next_due(dana, Settings(), last) == due


def test_no_cadence_means_nothing_is_ever_due() -> None:
    sam = make.contact('c1', 'Sam Lee', Stage.CONTACT)
    assert next_due(sam, Settings(), date(2020, 1, 1)) is None
    assert not is_overdue(sam, Settings(), date(2020, 1, 1), date(2026, 1, 1))


@pytest.mark.parametrize(
    ('today', 'overdue'),
    [(date(2026, 3, 1), False), (date(2026, 3, 2), False), (date(2026, 3, 3), True)],
)
def test_overdue_starts_the_day_after_the_due_date(today: date, overdue: bool) -> None:
    dana = make.contact('c1', 'Dana Okafor', Stage.ADVOCATE)  # every 30 days: due 2 Mar 2026
    assert is_overdue(dana, Settings(), date(2026, 1, 31), today) is overdue


def test_logging_an_interaction_resets_the_cycle() -> None:
    dana = make.contact('c1', 'Dana Okafor', Stage.ADVOCATE)
    coffee = make.interaction('i1', dana, InteractionKind.COFFEE, date(2026, 1, 31))
    before = Network(contacts=[dana], interactions=[coffee])
    [due] = due_follow_ups(before, date(2026, 3, 10), horizon_days=0)
    assert due.due == date(2026, 3, 2)

    call = make.interaction('i2', dana, InteractionKind.CALL, date(2026, 3, 9))
    after = Network(contacts=[dana], interactions=[coffee, call])
    assert due_follow_ups(after, date(2026, 3, 10), horizon_days=0) == []
    [next_one] = due_follow_ups(after, date(2026, 4, 8), horizon_days=0)
    assert next_one.due == date(2026, 4, 8)
    assert 'since your last call' in next_one.title


def test_an_interaction_dated_in_the_future_does_not_reset_the_cycle_until_its_day() -> None:
    dana = make.contact('c1', 'Dana Okafor', Stage.ADVOCATE)
    coffee = make.interaction('i1', dana, InteractionKind.COFFEE, date(2026, 1, 31))
    planned = make.interaction('i2', dana, InteractionKind.MEETING, date(2026, 3, 20))
    network = Network(contacts=[dana], interactions=[coffee, planned])
    [due] = due_follow_ups(network, date(2026, 3, 10), horizon_days=0)
    assert due.due == date(2026, 3, 2)
    assert due_follow_ups(network, date(2026, 3, 20), horizon_days=0) == []


@pytest.mark.parametrize('status', [FollowUpStatus.DONE, FollowUpStatus.DISMISSED])
def test_a_decided_catch_up_restarts_the_cycle_from_the_later_of_decision_and_due(status: FollowUpStatus) -> None:
    dana = make.contact('c1', 'Dana Okafor', Stage.ADVOCATE)
    late = FollowUpState(
        followup_id='keep_in_touch:c1', status=status, decided_on=date(2026, 3, 12), due=date(2026, 3, 2)
    )
    early = FollowUpState(
        followup_id='keep_in_touch:c1', status=status, decided_on=date(2026, 2, 27), due=date(2026, 3, 2)
    )
    assert keep_in_touch_due(dana, Settings(), date(2026, 1, 31), late) == date(2026, 4, 11)
    assert keep_in_touch_due(dana, Settings(), date(2026, 1, 31), early) == date(2026, 4, 1)


def test_a_decision_made_against_an_earlier_cycle_does_not_move_the_due_date() -> None:
    dana = make.contact('c1', 'Dana Okafor', Stage.ADVOCATE)
    old = FollowUpState(
        followup_id='keep_in_touch:c1', status=FollowUpStatus.DONE, decided_on=date(2026, 1, 2), due=date(2026, 1, 1)
    )
    assert keep_in_touch_due(dana, Settings(), date(2026, 1, 31), old) == date(2026, 3, 2)


def test_a_snooze_does_not_move_the_cycle() -> None:
    dana = make.contact('c1', 'Dana Okafor', Stage.ADVOCATE)
    snoozed = FollowUpState(
        followup_id='keep_in_touch:c1',
        status=FollowUpStatus.SNOOZED,
        decided_on=date(2026, 3, 3),
        due=date(2026, 3, 2),
        until=date(2026, 3, 9),
    )
    assert keep_in_touch_due(dana, Settings(), date(2026, 1, 31), snoozed) == date(2026, 3, 2)
