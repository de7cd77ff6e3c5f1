"""The follow-up memo: the same follow-ups as without it, made anew only from records that changed."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from careernet_ui.domain.contacts import Stage
from careernet_ui.domain.followups.engine import due_follow_ups
from careernet_ui.domain.followups.followup import FollowUpState, FollowUpStatus
from careernet_ui.domain.followups.memo import FollowUpMemo
from careernet_ui.domain.followups.network_index import NetworkIndex
from careernet_ui.domain.interactions import InteractionKind
from careernet_ui.domain.network import Network
from careernet_ui.domain.settings import Settings

from . import make

TODAY = date(2026, 11, 25)
KINDS = list(InteractionKind)
STAGES = list(Stage)


def network(seed: int = 5, people: int = 60) -> Network:
    """Contacts at every stage, some with their own cadence, with a few interactions each."""
    rng = random.Random(seed)
    contacts = [
        make.contact(f'c-{n:02d}', f'Person {n:02d}', rng.choice(STAGES), cadence_days=rng.choice((None, None, 7, 30)))
        for n in range(people)
    ]
    logged = [
        make.interaction(f'i-{n:03d}', rng.choice(contacts), rng.choice(KINDS), TODAY - timedelta(days=days))
        for n, days in enumerate(rng.randrange(400) for _ in range(people * 3))
    ]
    return Network(contacts=contacts, interactions=logged)


def test_results_equal_the_engines_without_a_memo_through_every_kind_of_change() -> None:
    rng = random.Random(11)
    current, today = network(), TODAY
    memo = FollowUpMemo()
    compared = 0
    for step in range(42):
        contacts, logged, states = list(current.contacts), list(current.interactions), list(current.followup_states)
        person = rng.randrange(len(contacts))
        match step % 7:
            case 0:
                contacts[person] = replace(contacts[person], name=f'Renamed {step}')
            case 1:
                logged.append(make.interaction(f'new-{step}', contacts[person], rng.choice(KINDS), today))
            case 2:
                contacts[person] = replace(contacts[person], cadence_days=rng.choice((None, 3, 60)),
                                           stage=rng.choice(STAGES))
            case 3:
                followup = rng.choice(due_follow_ups(current, today, 90))
                states.append(FollowUpState(followup_id=followup.id, status=rng.choice(list(FollowUpStatus)),
                                            decided_on=today, due=followup.due, until=today + timedelta(days=3)))
            case 4:
                today += timedelta(days=rng.choice((1, 5)))
            case 5:  # an edited interaction: the same number of them, one different
                edited = rng.randrange(len(logged))
                logged[edited] = replace(logged[edited], on=today - timedelta(days=rng.randrange(3)),
                                         kind=rng.choice(KINDS))
            case _:
                current = replace(current, settings=Settings(cadence_days={Stage.CONTACT: 20 + step}))
        current = replace(current, contacts=contacts, interactions=logged, followup_states=states)
        for horizon in (0, 7, 90):
            remembered = due_follow_ups(current, today, horizon, memo=memo)
            assert remembered == due_follow_ups(current, today, horizon), (step, horizon)
            compared += len(remembered)
    assert compared > 1000


def test_unchanged_records_give_back_the_same_follow_ups_and_a_changed_one_a_new_one() -> None:
    memo = FollowUpMemo()
    before = {f.id: f for f in due_follow_ups(network(), TODAY, 90, memo=memo)}
    contacts = list(network().contacts)
    renamed = next(c for c in contacts if f'keep_in_touch:{c.id}' in before)
    contacts[contacts.index(renamed)] = replace(renamed, name='Renamed Person',
                                                updated_at=datetime(2026, 11, 20, tzinfo=UTC))

    after = {f.id: f for f in due_follow_ups(replace(network(), contacts=contacts), TODAY, 90, memo=memo)}

    assert after.keys() == before.keys()
    changed = {key for key in after if after[key] is not before[key]}
    assert f'keep_in_touch:{renamed.id}' in changed
    assert 'Renamed Person' in after[f'keep_in_touch:{renamed.id}'].title
    assert all(renamed.id in key for key in changed), changed


def test_new_evidence_changes_a_remembered_stage_suggestion() -> None:
    memo = FollowUpMemo()
    dana = make.contact('c-1', 'Dana Okafor', Stage.CONTACT)
    first = make.interaction('i-1', dana, InteractionKind.REFERENCE_GIVEN, date(2026, 10, 1))
    second = make.interaction('i-2', dana, InteractionKind.REFERENCE_GIVEN, date(2026, 11, 2))
    before = Network(contacts=[dana], interactions=[first])
    after = replace(before, interactions=[first, second])

    (suggested,) = [f for f in due_follow_ups(before, TODAY, 90, memo=memo) if f.kind == 'stage_suggestion']
    (again,) = [f for f in due_follow_ups(after, TODAY, 90, memo=memo) if f.kind == 'stage_suggestion']

    assert suggested.title == 'Dana Okafor gave a reference: mark as Reference?'
    assert again.title == 'Dana Okafor gave two references: mark as Reference?'
    assert again.due == date(2026, 11, 2)


def test_logged_interactions_extend_the_remembered_index_to_what_a_fresh_one_holds() -> None:
    memo = FollowUpMemo()
    before = network(seed=8)
    due_follow_ups(before, TODAY, 90, memo=memo)  # the index asks for the evidence groups: they are kept
    remembered = memo.round().previous_lookups
    assert remembered is not None
    assert remembered.groups
    held = (dict(remembered.last_interaction), {kind: list(found) for kind, found in remembered.by_kind.items()},
            {kinds: {key: list(found) for key, found in groups.items()} for kinds, groups in remembered.groups.items()})
    someone, newcomer = before.contacts[3], make.contact('c-new', 'New Person')
    logged = [
        # Last in stored order but first in the evidence groups' kind order: inserted, not appended.
        make.interaction('log-1', someone, InteractionKind.REFERENCE_GIVEN, TODAY - timedelta(days=2)),
        make.interaction('log-2', someone, InteractionKind.ADVICE_ASKED, TODAY),
        make.interaction('log-3', newcomer, InteractionKind.INTRODUCTION_MADE, TODAY - timedelta(days=1)),
        make.interaction('log-4', someone, InteractionKind.CALL, TODAY + timedelta(days=3)),  # a plan, left out
    ]
    after = replace(before, contacts=[*before.contacts, newcomer], interactions=[*before.interactions, *logged])

    extended = NetworkIndex.build(after, TODAY, 90, memo=memo.round())
    fresh = NetworkIndex.build(after, TODAY, 90)

    assert extended.last_interaction == fresh.last_interaction
    assert extended.last_interaction[someone.id].id == 'log-2'
    assert extended.by_kind == fresh.by_kind
    for kinds in remembered.groups:
        assert extended.shared_groups(*kinds) == fresh.grouped(*kinds), kinds
    assert extended.shared_groups(InteractionKind.INTRODUCTION_MADE)[newcomer.id][0].id == 'log-3'
    # Extended, not made again: the list of a kind nobody logged is the remembered one.
    assert extended.by_kind[InteractionKind.THANK_YOU] is remembered.by_kind[InteractionKind.THANK_YOU]
    # And the remembered lookups are as they were, for a computation that may still read them.
    assert (remembered.last_interaction, remembered.by_kind, remembered.groups) == held
    assert due_follow_ups(after, TODAY, 90, memo=memo) == due_follow_ups(after, TODAY, 90)
