"""Issue 12, point 10: goals, and one periodic progress update per advocate drafted from what is new to them."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from careernet_ui.domain import Accomplishment, Metric, Network, Share, Stage, ValidationError, due_follow_ups
from careernet_ui.domain.contacts import StageChange
from careernet_ui.domain.followups.network_index import NetworkIndex
from careernet_ui.domain.followups.progress_update import (
    PROGRESS_UPDATE,
    ProgressLedger,
    draft_progress_update,
    progress_news,
)
from careernet_ui.domain.goals import Goal, GoalForm, GoalStatus
from careernet_ui.domain.interactions import Interaction, InteractionKind
from careernet_ui.domain.settings import Settings

from .make import contact

TODAY = date(2026, 11, 25)
BECAME = date(2026, 6, 1)
DANA = contact('dana', 'Dana Okafor', Stage.ADVOCATE, history=[StageChange(on=BECAME, to_stage=Stage.ADVOCATE)])
EVAN = contact('evan', 'Evan Li', Stage.ADVOCATE, history=[StageChange(on=BECAME, to_stage=Stage.ADVOCATE)])
REF = contact('ref', 'Rae Fox', Stage.REFERENCE)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def win(win_id: str, title: str, on: date, **fields: object) -> Accomplishment:
    return Accomplishment(id=win_id, title=title, on=on, created_at=at(on), updated_at=at(on), **fields)  # type: ignore[arg-type]


def goal(goal_id: str, title: str, set_on: date, target: date, status: GoalStatus = GoalStatus.OPEN) -> Goal:
    return Goal(id=goal_id, title=title, target_on=target, status=status, created_at=at(set_on), updated_at=at(set_on))


def updates(network: Network, today: date = TODAY) -> list[tuple[str | None, date]]:
    return [(f.contact_id, f.due) for f in due_follow_ups(network, today, 0) if f.kind == PROGRESS_UPDATE]


def news(network: Network, person=DANA, today: date = TODAY):  # type: ignore[no-untyped-def]
    return progress_news(network, NetworkIndex.build(network, today, 0), person)


LATENCY = win('a1', 'Cut p95 latency', date(2026, 7, 1), metric=Metric(name='p95 latency', value=120, baseline=800,
                                                                         unit='ms'))
LEAD = goal('g1', 'Lead a platform team', date(2026, 7, 2), date(2027, 6, 30))


def test_a_goal_is_a_frozen_value_with_a_title_and_target_date() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        LEAD.title = 'x'  # type: ignore[misc]
    with pytest.raises(ValidationError) as error:
        GoalForm(title='Lead a team', target_on='').to_goal(None, TODAY)
    assert error.value.field == 'target_on'
    with pytest.raises(ValidationError) as error:
        GoalForm(title='  ', target_on='2027-01-01').to_goal(None, TODAY)
    assert error.value.field == 'title'
    with pytest.raises(ValidationError, match='has passed'):
        GoalForm(title='Lead a team', target_on='2026-11-24').to_goal(None, TODAY)
    made = GoalForm(title=' Lead a team ', target_on='2027-01-01', detail='Platform, 5+ people').to_goal(None, TODAY)
    assert (made.title, made.target_on, made.status) == ('Lead a team', date(2027, 1, 1), GoalStatus.OPEN)
    achieved = replace(GoalForm.from_goal(made), status='achieved').to_goal(made, TODAY)
    assert (achieved.id, achieved.status) == (made.id, GoalStatus.ACHIEVED)


def test_each_advocate_is_due_one_update_a_cadence_after_becoming_one() -> None:
    network = Network(contacts=[DANA, EVAN, REF], accomplishments=[LATENCY], goals=[LEAD])
    assert updates(network) == [('dana', date(2026, 8, 30)), ('evan', date(2026, 8, 30))]


def test_the_draft_carries_the_accomplishments_and_goals_since_the_last_update() -> None:
    old = win('a0', 'Shipped search', date(2026, 5, 1), shared=[Share(contact_id='dana', on=date(2026, 5, 2))])
    dropped = goal('g2', 'Learn Rust', date(2026, 7, 3), date(2026, 12, 1), GoalStatus.DROPPED)
    reached = goal('g3', 'Speak at a conference', date(2026, 8, 1), date(2026, 10, 1), GoalStatus.ACHIEVED)
    network = Network(contacts=[DANA], accomplishments=[old, LATENCY], goals=[LEAD, dropped, reached])
    found = news(network)
    assert [a.id for a in found.accomplishments] == ['a1']  # the shared one is not news to Dana
    assert [g.id for g in found.goals] == ['g1', 'g3']  # dropped goals are not broadcast
    body = draft_progress_update(found, 'Hope the move went well.').body
    assert body.startswith('Hi Dana,\n\nHope the move went well.\n')
    assert '- Cut p95 latency (1 Jul 2026) — p95 latency 800 → 120 ms' in body
    assert 'Goals I reached:\n- Speak at a conference' in body
    assert 'What I am aiming for next:\n- Lead a platform team (by 30 Jun 2027)' in body
    assert 'Shipped search' not in body
    assert 'Learn Rust' not in body


def test_only_what_came_after_the_last_update_is_news() -> None:
    sent = Interaction(id='u1', contact_id='dana', kind=InteractionKind.UPDATE_SENT, on=date(2026, 8, 1),
                       created_at=at(date(2026, 8, 1)), updated_at=at(date(2026, 8, 1)))
    later = win('a2', 'Migrated billing', date(2026, 9, 15))
    network = Network(contacts=[DANA], accomplishments=[LATENCY, later], goals=[LEAD], interactions=[sent])
    found = news(network)
    assert ([a.id for a in found.accomplishments], found.goals) == (['a2'], ())
    assert updates(network) == [('dana', date(2026, 10, 30))]  # 90 days after the last update


def test_a_share_with_them_counts_as_the_last_update() -> None:
    shared = replace(LATENCY, shared=(Share(contact_id='dana', on=date(2026, 9, 1)),))
    network = Network(contacts=[DANA], accomplishments=[shared], goals=[LEAD])
    assert updates(network) == []  # the goal was set before the share: nothing new since


def test_no_update_without_news_and_none_when_the_cadence_is_off() -> None:
    assert updates(Network(contacts=[DANA])) == []
    off = Network(contacts=[DANA], accomplishments=[LATENCY], settings=replace(Settings(), progress_update_days=None))
    assert updates(off) == []


def test_the_follow_up_is_not_due_before_the_cadence() -> None:
    network = Network(contacts=[DANA], accomplishments=[LATENCY])
    assert updates(network, date(2026, 8, 29)) == []
    assert updates(network, date(2026, 8, 30)) == [('dana', date(2026, 8, 30))]


def test_the_cadence_setting_is_checked() -> None:
    with pytest.raises(ValidationError) as error:
        Settings(progress_update_days=0)
    assert error.value.field == 'progress_update_days'
    assert Settings().progress_update_days == 90


def test_the_ledger_agrees_with_the_news_it_summarises() -> None:
    # The follow-up kind asks the ledger (fast, for thousands of advocates); the draft lists the news.
    sent = Interaction(id='u1', contact_id='dana', kind=InteractionKind.UPDATE_SENT, on=date(2026, 8, 1),
                       created_at=at(date(2026, 8, 1)), updated_at=at(date(2026, 8, 1)))
    shared = replace(LATENCY, shared=(Share(contact_id='dana', on=date(2026, 9, 1)),))
    late_logged = replace(win('a3', 'Old win logged late', date(2026, 5, 1)), created_at=at(date(2026, 9, 2)))
    dropped = goal('g2', 'Learn Rust', date(2026, 9, 3), date(2026, 12, 1), GoalStatus.DROPPED)
    cases = [
        Network(contacts=[DANA, EVAN]),
        Network(contacts=[DANA, EVAN], accomplishments=[LATENCY], interactions=[sent]),
        Network(contacts=[DANA, EVAN], accomplishments=[shared]),
        Network(contacts=[DANA, EVAN], accomplishments=[shared, late_logged], interactions=[sent]),
        Network(contacts=[DANA, EVAN], goals=[dropped], interactions=[sent]),
        Network(contacts=[DANA, EVAN], goals=[LEAD], interactions=[sent]),
    ]
    seen = set()
    for network in cases:
        index = NetworkIndex.build(network, TODAY, 0)
        ledger = ProgressLedger(network, index)
        for person in (DANA, EVAN):
            empty = progress_news(network, index, person).empty
            assert ledger.has_news(person.id) is not empty
            seen.add(empty)
    assert seen == {True, False}
