"""The follow-up engine: what is due, what the user decided, stage suggestions, stable ids and order."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from careernet_ui.domain.accomplishments import RECOMMENDATION_SOURCE
from careernet_ui.domain.contacts import Contact, Stage
from careernet_ui.domain.errors import ValidationError
from careernet_ui.domain.feedback import Feedback
from careernet_ui.domain.followups.actions import apply_state, dismiss, mark_done, snooze
from careernet_ui.domain.followups.engine import KINDS, due_follow_ups, unsorted_due_follow_ups
from careernet_ui.domain.followups.followup import FollowUp, FollowUpState, FollowUpStatus
from careernet_ui.domain.followups.keep_in_touch import KEEP_IN_TOUCH
from careernet_ui.domain.followups.network_index import NetworkIndex
from careernet_ui.domain.followups.stage_suggestion import suggested_stage
from careernet_ui.domain.interactions import ENDORSEMENT_SOURCE, Direction, Interaction, InteractionKind
from careernet_ui.domain.network import Network

from . import make

TODAY = date(2026, 11, 25)
REF = InteractionKind.REFERENCE_GIVEN
INTRO = InteractionKind.INTRODUCTION_MADE
ADVICE = InteractionKind.ADVICE_ASKED
FEEDBACK = InteractionKind.FEEDBACK_ASKED


def dana(stage: Stage = Stage.ADVOCATE, **fields: object) -> Contact:
    return make.contact('c-dana', 'Dana Okafor', stage, **fields)  # type: ignore[arg-type]


def of_kind(followups: list[FollowUp], kind: str) -> list[FollowUp]:
    return [f for f in followups if f.kind == kind]


def with_state(network: Network, *states: FollowUpState) -> Network:
    return replace(network, followup_states=[*network.followup_states, *states])


# --- keep in touch -------------------------------------------------------------------------------


def test_an_overdue_catch_up_says_who_how_long_and_why() -> None:
    person = dana()
    coffee = make.interaction('i1', person, InteractionKind.COFFEE, date(2026, 9, 12))
    [followup] = due_follow_ups(Network(contacts=[person], interactions=[coffee]), TODAY)
    assert followup == FollowUp(
        id='keep_in_touch:c-dana',
        kind='keep_in_touch',
        due=date(2026, 10, 12),
        title='Catch up with Dana Okafor — 74 days since your last coffee',
        reason='Advocates: every 30 days. Last contact 12 Sep 2026.',
        link='/contacts/c-dana',
        contact_id='c-dana',
        changed_at=coffee.updated_at,
    )


def test_a_catch_up_with_someone_never_contacted_says_so_and_counts_from_when_the_contact_was_added() -> None:
    person = dana(Stage.REFERENCE)
    [followup] = due_follow_ups(Network(contacts=[person]), TODAY)
    assert followup.title == 'Catch up with Dana Okafor — never contacted'
    assert followup.reason == 'References: every 60 days. Never contacted; counting from 5 Jan 2026.'
    assert followup.due == date(2026, 3, 6)


def test_a_persons_own_cadence_is_named_in_the_reason() -> None:
    person = dana(Stage.REFERENCE, cadence_days=1)
    call = make.interaction('i1', person, InteractionKind.CALL, date(2026, 11, 23))
    [followup] = due_follow_ups(Network(contacts=[person], interactions=[call]), TODAY)
    assert followup.title == 'Catch up with Dana Okafor — 2 days since your last call'
    assert followup.reason == 'Your cadence for Dana Okafor: every day. Last contact 23 Nov 2026.'


def test_an_interaction_kind_reads_as_a_noun_in_the_title() -> None:
    person = dana()
    asked = make.interaction('i1', person, ADVICE, date(2026, 10, 1))
    [followup] = due_follow_ups(Network(contacts=[person], interactions=[asked]), TODAY)
    assert followup.title == 'Catch up with Dana Okafor — 55 days since you last asked for advice'


def test_the_latest_interaction_names_the_last_contact_and_same_day_ties_go_to_the_one_logged_last() -> None:
    person = dana()
    logged = [
        make.interaction(
            'i-b', person, InteractionKind.EMAIL, date(2026, 9, 12), logged_at=datetime(2026, 9, 12, 18, tzinfo=UTC)
        ),
        make.interaction(
            'i-a', person, InteractionKind.COFFEE, date(2026, 9, 12), logged_at=datetime(2026, 9, 12, 9, tzinfo=UTC)
        ),
        make.interaction('i-c', person, InteractionKind.CALL, date(2026, 8, 1)),
    ]
    for order in (logged, logged[::-1]):
        [followup] = due_follow_ups(Network(contacts=[person], interactions=order), TODAY)
        assert followup.title.endswith('since your last email')


def test_people_without_a_cadence_get_no_catch_up() -> None:
    sam = make.contact('c-sam', 'Sam Lee', Stage.CONTACT)
    old = make.interaction('i1', sam, InteractionKind.CALL, date(2020, 1, 1))
    assert due_follow_ups(Network(contacts=[sam], interactions=[old]), TODAY) == []


@pytest.mark.parametrize(('horizon', 'shown'), [(0, False), (6, False), (7, True), (90, True)])
def test_a_catch_up_is_listed_once_it_falls_within_the_horizon(horizon: int, shown: bool) -> None:
    person = dana()
    call = make.interaction('i1', person, InteractionKind.CALL, date(2026, 11, 2))  # due 2 Dec: today + 7
    followups = due_follow_ups(Network(contacts=[person], interactions=[call]), TODAY, horizon_days=horizon)
    assert [f.due for f in followups] == ([date(2026, 12, 2)] if shown else [])


def test_the_dashboard_horizon_is_seven_days_by_default() -> None:
    person = dana()
    in_seven = make.interaction('i1', person, InteractionKind.CALL, date(2026, 11, 2))
    in_eight = make.interaction('i2', person, InteractionKind.CALL, date(2026, 11, 3))
    assert len(due_follow_ups(Network(contacts=[person], interactions=[in_seven]), TODAY)) == 1
    assert due_follow_ups(Network(contacts=[person], interactions=[in_eight]), TODAY) == []


def test_an_upcoming_catch_up_keeps_the_same_title_every_day_until_it_is_due() -> None:
    person = dana()
    network = Network(
        contacts=[person], interactions=[make.interaction('i1', person, InteractionKind.CALL, date(2026, 11, 2))]
    )
    titles = {due_follow_ups(network, date(2026, 11, day), horizon_days=90)[0].title for day in (3, 10, 25)}
    assert titles == {'Catch up with Dana Okafor — 30 days since your last call'}
    assert (
        due_follow_ups(network, date(2026, 12, 5))[0].title
        == 'Catch up with Dana Okafor — 33 days since your last call'
    )


def test_a_negative_horizon_is_refused() -> None:
    with pytest.raises(ValidationError, match='-1'):
        due_follow_ups(Network(), TODAY, horizon_days=-1)


# --- done, dismissed, snoozed ----------------------------------------------------------------------


@pytest.fixture
def overdue() -> Network:
    """Dana, advocate, last coffee 12 Sep 2026: catch-up due 12 Oct 2026."""
    person = dana()
    return Network(
        contacts=[person], interactions=[make.interaction('i1', person, InteractionKind.COFFEE, date(2026, 9, 12))]
    )


def test_done_hides_the_catch_up(overdue: Network) -> None:
    [followup] = due_follow_ups(overdue, TODAY)
    done = mark_done(followup, TODAY)
    assert done == FollowUpState(
        followup_id=followup.id, status=FollowUpStatus.DONE, decided_on=TODAY, due=followup.due
    )
    assert due_follow_ups(with_state(overdue, done), TODAY) == []


@pytest.mark.parametrize(
    ('decide', 'said'),
    [(mark_done, 'marked the catch-up due 12 Oct 2026 done'), (dismiss, 'skipped the catch-up due 12 Oct 2026')],
)
def test_a_decided_catch_up_comes_back_one_cycle_later_without_a_new_interaction(
    overdue: Network, decide: Callable[[FollowUp, date], FollowUpState], said: str
) -> None:
    [followup] = due_follow_ups(overdue, TODAY)
    state = decide(followup, TODAY)
    network = with_state(overdue, state)
    assert due_follow_ups(network, date(2026, 12, 17)) == []  # 25 Dec is more than a week away
    [back] = due_follow_ups(network, date(2026, 12, 25), horizon_days=0)
    assert back.id == followup.id
    assert back.due == date(2026, 12, 25)  # 30 days after the decision, 25 Nov
    assert said in back.reason


def test_after_done_a_new_interaction_starts_the_next_cycle(overdue: Network) -> None:
    [followup] = due_follow_ups(overdue, TODAY)
    call = make.interaction('i2', dana(), InteractionKind.CALL, date(2026, 11, 24))
    network = replace(with_state(overdue, mark_done(followup, TODAY)), interactions=[*overdue.interactions, call])
    assert due_follow_ups(network, TODAY) == []
    [back] = due_follow_ups(network, date(2026, 12, 24), horizon_days=0)
    assert (back.due, back.title) == (date(2026, 12, 24), 'Catch up with Dana Okafor — 30 days since your last call')
    assert 'marked' not in back.reason


def test_snooze_hides_until_the_day_then_shows_it_due_that_day(overdue: Network) -> None:
    [followup] = due_follow_ups(overdue, TODAY)
    network = with_state(overdue, snooze(followup, TODAY, date(2026, 11, 28)))
    assert due_follow_ups(network, TODAY, horizon_days=90) == []
    assert due_follow_ups(network, date(2026, 11, 27)) == []
    [woken] = due_follow_ups(network, date(2026, 11, 28))
    assert woken == replace(
        followup, due=date(2026, 11, 28), title='Catch up with Dana Okafor — 77 days since your last coffee'
    )
    [still] = due_follow_ups(network, date(2026, 12, 3))
    assert still.due == date(2026, 11, 28)


def test_the_calendar_view_shows_a_snoozed_follow_up_on_its_wake_up_day_within_the_horizon(overdue: Network) -> None:
    [followup] = due_follow_ups(overdue, TODAY)
    network = with_state(overdue, snooze(followup, TODAY, date(2026, 11, 28)))

    [shown] = unsorted_due_follow_ups(network, TODAY, 90, snoozed_on_wake_up=True)
    assert (shown.id, shown.due) == (followup.id, date(2026, 11, 28))
    assert unsorted_due_follow_ups(network, TODAY, 2, snoozed_on_wake_up=True) == []  # wakes after the horizon
    done = with_state(overdue, mark_done(followup, TODAY))
    assert unsorted_due_follow_ups(done, TODAY, 90, snoozed_on_wake_up=True) == unsorted_due_follow_ups(done, TODAY, 90)


@pytest.mark.parametrize('until', [TODAY, date(2026, 11, 1)])
def test_snoozing_to_today_or_earlier_is_refused(overdue: Network, until: date) -> None:
    [followup] = due_follow_ups(overdue, TODAY)
    with pytest.raises(ValidationError, match='choose a day after 25 Nov 2026') as error:
        snooze(followup, TODAY, until)
    assert error.value.field == 'until'


def test_a_snooze_made_against_an_earlier_cycle_no_longer_hides_the_next_one(overdue: Network) -> None:
    [followup] = due_follow_ups(overdue, TODAY)
    call = make.interaction('i2', dana(), InteractionKind.CALL, date(2026, 11, 24))
    network = replace(
        with_state(overdue, snooze(followup, TODAY, date(2027, 3, 1))),
        interactions=[*overdue.interactions, call],
    )
    [back] = due_follow_ups(network, date(2026, 12, 24), horizon_days=0)
    assert back.due == date(2026, 12, 24)


def test_a_state_without_a_due_date_hides_its_follow_up_for_good() -> None:
    followup = FollowUp(id='x:1', kind='x', due=date(2030, 1, 1), title='t', reason='r', link='/')
    state = FollowUpState(followup_id='x:1', status=FollowUpStatus.DISMISSED, decided_on=TODAY)
    assert apply_state(followup, state, TODAY) is None
    assert apply_state(followup, None, TODAY) is followup


def test_the_latest_of_several_stored_decisions_wins(overdue: Network) -> None:
    [followup] = due_follow_ups(overdue, TODAY)
    older_done = mark_done(followup, date(2026, 11, 20))
    newer_snooze = snooze(followup, TODAY, date(2026, 11, 27))
    for states in ([older_done, newer_snooze], [newer_snooze, older_done]):
        network = replace(overdue, followup_states=states)
        assert due_follow_ups(network, date(2026, 11, 26)) == []
        assert [f.due for f in due_follow_ups(network, date(2026, 11, 27))] == [date(2026, 11, 27)]


# --- stage suggestions -------------------------------------------------------------------------------


def suggestions(contact: Contact, *logged: tuple[InteractionKind, date], today: date = TODAY) -> list[FollowUp]:
    interactions = [make.interaction(f'i{n}', contact, kind, on) for n, (kind, on) in enumerate(logged)]
    return of_kind(due_follow_ups(Network(contacts=[contact], interactions=interactions), today), 'stage_suggestion')


@pytest.mark.parametrize('stage', [Stage.CONTACT, Stage.POTENTIAL_ADVOCATE])
def test_someone_who_gave_a_reference_is_suggested_as_a_reference(stage: Stage) -> None:
    [followup] = suggestions(dana(stage), (REF, date(2026, 10, 3)), (InteractionKind.CALL, date(2026, 11, 1)))
    assert followup.id == 'stage_suggestion:c-dana:reference'
    assert followup.title == 'Dana Okafor gave a reference: mark as Reference?'
    assert followup.due == date(2026, 10, 3)
    assert followup.link == '/contacts/c-dana'
    assert followup.contact_id == 'c-dana'
    assert suggested_stage(followup) is Stage.REFERENCE
    assert followup.reason == (
        'Dana Okafor gave a reference, the latest on 3 Oct 2026. '
        f'References confirm your work when an employer asks. Now: {stage.label}.'
    )


@pytest.mark.parametrize(
    ('logged', 'title'),
    [
        ((REF, REF, INTRO), 'Dana Okafor gave two references and made an introduction: mark as Advocate?'),
        ((INTRO, INTRO), 'Dana Okafor made two introductions: mark as Advocate?'),
        ((REF, INTRO, INTRO, INTRO), 'Dana Okafor gave a reference and made three introductions: mark as Advocate?'),
    ],
)
def test_references_and_introductions_suggest_an_advocate(logged: tuple[InteractionKind, ...], title: str) -> None:
    days = [date(2026, 6, n + 1) for n in range(len(logged))]
    [followup] = suggestions(dana(Stage.REFERENCE), *zip(logged, days, strict=True))
    assert (followup.id, followup.title, followup.due) == ('stage_suggestion:c-dana:advocate', title, days[-1])
    assert suggested_stage(followup) is Stage.ADVOCATE


def test_the_strongest_evidence_wins_so_a_contact_can_go_straight_to_advocate() -> None:
    [followup] = suggestions(
        dana(Stage.CONTACT), (REF, date(2026, 5, 1)), (REF, date(2026, 6, 1)), (INTRO, date(2026, 7, 1))
    )
    assert suggested_stage(followup) is Stage.ADVOCATE


@pytest.mark.parametrize(
    ('two', 'asked'),
    [((ADVICE, ADVICE), 'for advice twice'), ((ADVICE, FEEDBACK), 'for advice once and for feedback once')],
)
def test_asking_a_contact_for_advice_or_feedback_twice_suggests_a_potential_advocate(
    two: tuple[InteractionKind, InteractionKind], asked: str
) -> None:
    [followup] = suggestions(dana(Stage.CONTACT), (two[0], date(2026, 9, 1)), (two[1], date(2026, 10, 1)))
    assert followup.id == 'stage_suggestion:c-dana:potential_advocate'
    assert followup.title == f'You asked Dana Okafor {asked}: mark as Potential advocate?'
    assert followup.due == date(2026, 10, 1)


@pytest.mark.parametrize(('oldest', 'suggested'), [(date(2026, 5, 29), True), (date(2026, 5, 28), False)])
def test_advice_counts_for_180_days(oldest: date, suggested: bool) -> None:
    # 25 Nov 2026 - 180 days = 29 May 2026
    found = suggestions(dana(Stage.CONTACT), (ADVICE, oldest), (FEEDBACK, date(2026, 11, 1)))
    assert len(found) == (1 if suggested else 0)


@pytest.mark.parametrize(
    ('stage', 'logged'),
    [
        (Stage.ADVOCATE, (REF,)),
        (Stage.ADVOCATE, (ADVICE, ADVICE)),
        (Stage.REFERENCE, (REF, REF)),
        (Stage.REFERENCE, (ADVICE, FEEDBACK)),
        (Stage.POTENTIAL_ADVOCATE, (ADVICE, ADVICE, FEEDBACK)),
        (Stage.CONTACT, (ADVICE,)),
        (Stage.CONTACT, (InteractionKind.THANK_YOU, InteractionKind.COFFEE, InteractionKind.UPDATE_SENT)),
        (Stage.ADVOCATE, (REF, REF, INTRO)),
    ],
)
def test_nothing_is_suggested_backwards_to_the_same_stage_or_without_evidence(
    stage: Stage, logged: tuple[InteractionKind, ...]
) -> None:
    assert suggestions(dana(stage), *((kind, date(2026, 9, n + 1)) for n, kind in enumerate(logged))) == []


def recommendation(person: Contact, on: date, *, source: str = RECOMMENDATION_SOURCE) -> Feedback:
    stamp = datetime(on.year, on.month, on.day, 12, tzinfo=UTC)
    return Feedback(id=f'f-{on.isoformat()}', contact_id=person.id, received_on=on, text='A joy to work with.',
                    source=source, created_at=stamp, updated_at=stamp)


@pytest.mark.parametrize('stage', [Stage.CONTACT, Stage.POTENTIAL_ADVOCATE, Stage.REFERENCE])
def test_a_received_linkedin_recommendation_suggests_the_advocate_stage(stage: Stage) -> None:
    person = dana(stage)
    before = Network(contacts=[person])
    assert of_kind(due_follow_ups(before, TODAY), 'stage_suggestion') == []
    after = replace(before, feedback=[recommendation(person, date(2026, 4, 15))])
    [followup] = of_kind(due_follow_ups(after, TODAY), 'stage_suggestion')
    assert suggested_stage(followup) is Stage.ADVOCATE
    assert followup.title == 'Dana Okafor wrote you a recommendation: mark as Advocate?'
    assert followup.due == date(2026, 4, 15)
    assert followup.reason.startswith('Dana Okafor wrote you a recommendation, the latest on 15 Apr 2026.')


def test_feedback_that_is_not_a_recommendation_does_not_suggest_advocate() -> None:
    person = dana(Stage.CONTACT)
    network = Network(contacts=[person], feedback=[recommendation(person, date(2026, 4, 15), source='')])
    assert of_kind(due_follow_ups(network, TODAY), 'stage_suggestion') == []


def test_a_recommendation_suggests_nothing_for_someone_already_an_advocate() -> None:
    person = dana(Stage.ADVOCATE)
    network = Network(contacts=[person], feedback=[recommendation(person, date(2026, 4, 15))])
    assert of_kind(due_follow_ups(network, TODAY), 'stage_suggestion') == []


def endorsement(person: Contact, on: date, direction: Direction) -> Interaction:
    stamp = datetime(on.year, on.month, on.day, 12, tzinfo=UTC)
    return Interaction(id=f'e-{on.isoformat()}-{direction.value}', contact_id=person.id, kind=InteractionKind.OTHER,
                       on=on, direction=direction, source=ENDORSEMENT_SOURCE, note='Endorsed you on LinkedIn for Go.',
                       created_at=stamp, updated_at=stamp)


def test_an_endorsement_received_suggests_a_potential_advocate_and_one_given_does_not() -> None:
    person = dana(Stage.CONTACT)
    given = Network(contacts=[person], interactions=[endorsement(person, date(2026, 3, 21), Direction.SENT)])
    assert of_kind(due_follow_ups(given, TODAY), 'stage_suggestion') == []

    received = replace(given, interactions=[*given.interactions,
                                            endorsement(person, date(2026, 3, 22), Direction.RECEIVED)])
    [followup] = of_kind(due_follow_ups(received, TODAY), 'stage_suggestion')
    assert suggested_stage(followup) is Stage.POTENTIAL_ADVOCATE
    assert followup.title == 'Dana Okafor endorsed your skills on LinkedIn: mark as Potential advocate?'
    assert followup.due == date(2026, 3, 22)


def test_a_plain_other_interaction_is_no_endorsement() -> None:
    person = dana(Stage.CONTACT)
    network = Network(contacts=[person], interactions=[
        make.interaction('i1', person, InteractionKind.OTHER, date(2026, 3, 22))])
    assert of_kind(due_follow_ups(network, TODAY), 'stage_suggestion') == []


def test_a_planned_interaction_is_not_evidence_until_its_day() -> None:
    person = dana(Stage.CONTACT)
    assert suggestions(person, (REF, date(2026, 12, 1))) == []
    assert len(suggestions(person, (REF, date(2026, 12, 1)), today=date(2026, 12, 1))) == 1


def test_a_dismissed_suggestion_stays_hidden_until_new_evidence_arrives() -> None:
    person = dana(Stage.CONTACT)
    first = make.interaction('i1', person, REF, date(2026, 10, 3))
    network = Network(contacts=[person], interactions=[first])
    [followup] = of_kind(due_follow_ups(network, TODAY), 'stage_suggestion')
    network = with_state(network, dismiss(followup, TODAY))
    assert of_kind(due_follow_ups(network, date(2027, 6, 1)), 'stage_suggestion') == []

    coffee = make.interaction('i2', person, InteractionKind.COFFEE, date(2026, 12, 1))
    with_coffee = replace(network, interactions=[first, coffee])
    assert of_kind(due_follow_ups(with_coffee, date(2027, 6, 1)), 'stage_suggestion') == []

    second = make.interaction('i3', person, REF, date(2026, 12, 8))
    with_evidence = replace(network, interactions=[first, coffee, second])
    [back] = of_kind(due_follow_ups(with_evidence, date(2027, 6, 1)), 'stage_suggestion')
    assert (back.id, back.due, back.title) == (
        followup.id,
        date(2026, 12, 8),
        'Dana Okafor gave two references: mark as Reference?',
    )


def test_dismissing_one_suggestion_does_not_hide_a_stronger_one() -> None:
    person = dana(Stage.CONTACT)
    first = make.interaction('i1', person, REF, date(2026, 10, 3))
    network = Network(contacts=[person], interactions=[first])
    [as_reference] = of_kind(due_follow_ups(network, TODAY), 'stage_suggestion')
    more = [
        make.interaction('i2', person, REF, date(2026, 10, 3)),
        make.interaction('i3', person, INTRO, date(2026, 10, 3)),
    ]
    network = replace(with_state(network, dismiss(as_reference, TODAY)), interactions=[first, *more])
    [as_advocate] = of_kind(due_follow_ups(network, TODAY), 'stage_suggestion')
    assert suggested_stage(as_advocate) is Stage.ADVOCATE


def test_a_suggestion_changed_at_is_the_latest_change_to_the_contact_or_its_evidence() -> None:
    edited = datetime(2026, 11, 20, 8, tzinfo=UTC)
    person = dana(Stage.CONTACT)
    evidence = replace(make.interaction('i1', person, REF, date(2026, 10, 3)), updated_at=edited)
    later_chat = make.interaction('i2', person, InteractionKind.MESSAGE, date(2026, 11, 22))
    [followup] = of_kind(
        due_follow_ups(Network(contacts=[person], interactions=[evidence, later_chat]), TODAY), 'stage_suggestion'
    )
    assert followup.changed_at == edited


def test_only_stage_suggestions_carry_a_suggested_stage(overdue: Network) -> None:
    [followup] = due_follow_ups(overdue, TODAY)
    assert suggested_stage(followup) is None
    assert suggested_stage(replace(followup, kind='stage_suggestion', id='stage_suggestion:c-dana:nonsense')) is None


# --- ids, changed_at, order ---------------------------------------------------------------------------


def busy_network() -> Network:
    people = [
        make.contact('c-1', 'Ana Silva', Stage.ADVOCATE),
        make.contact('c-2', 'Ben Wu', Stage.REFERENCE),
        make.contact('c-3', 'Chloe Martin', Stage.CONTACT),
        make.contact('c-4', 'Dana Okafor', Stage.POTENTIAL_ADVOCATE, cadence_days=10),
    ]
    logged = [
        make.interaction('i-1', people[0], InteractionKind.COFFEE, date(2026, 9, 1)),
        make.interaction('i-2', people[1], REF, date(2026, 8, 1)),
        make.interaction('i-3', people[1], INTRO, date(2026, 8, 15)),
        make.interaction('i-4', people[1], REF, date(2026, 9, 15)),
        make.interaction('i-5', people[2], ADVICE, date(2026, 10, 1)),
        make.interaction('i-6', people[2], FEEDBACK, date(2026, 11, 1)),
        make.interaction('i-7', people[3], InteractionKind.EMAIL, date(2026, 11, 20)),
    ]
    return Network(contacts=people, interactions=logged)


def test_ids_are_derived_from_the_contact_and_kind() -> None:
    ids = [f.id for f in due_follow_ups(busy_network(), TODAY) if f.kind != 'thank_for_help']
    assert sorted(ids) == [
        'keep_in_touch:c-1',
        'keep_in_touch:c-2',
        'keep_in_touch:c-4',
        'stage_suggestion:c-2:advocate',
        'stage_suggestion:c-3:potential_advocate',
    ]


def test_editing_unrelated_fields_keeps_ids_and_content() -> None:
    network = busy_network()
    before = due_follow_ups(network, TODAY)
    edited = [replace(c, notes='Met at PyCon', tags=('python',), organisation='Acme') for c in network.contacts]
    after = due_follow_ups(replace(network, contacts=edited), TODAY)
    assert [(f.id, f.due, f.title, f.reason) for f in after] == [(f.id, f.due, f.title, f.reason) for f in before]


def test_the_same_records_in_any_order_give_the_same_list() -> None:
    network = busy_network()
    expected = due_follow_ups(network, TODAY)
    rng = random.Random(7)
    for _ in range(5):
        contacts, interactions = list(network.contacts), list(network.interactions)
        rng.shuffle(contacts)
        rng.shuffle(interactions)
        assert due_follow_ups(replace(network, contacts=contacts, interactions=interactions), TODAY) == expected


def test_unsorted_follow_ups_are_the_same_follow_ups_in_the_order_the_kinds_find_them() -> None:
    network = busy_network()
    unsorted = unsorted_due_follow_ups(network, TODAY, 90)
    assert sorted(unsorted, key=lambda f: (f.due, f.title, f.id)) == due_follow_ups(network, TODAY, 90)
    assert unsorted == unsorted_due_follow_ups(network, TODAY, 90)
    kinds_in_order = [f.kind for f in unsorted]
    assert kinds_in_order == sorted(kinds_in_order, key=list(KINDS).index)


def test_follow_ups_are_sorted_by_due_date_then_title_then_id() -> None:
    old = date(2026, 9, 1)
    people = [
        make.contact('c-z', 'Sam Lee', Stage.ADVOCATE),
        make.contact('c-a', 'Sam Lee', Stage.ADVOCATE),
        make.contact('c-m', 'Ana Silva', Stage.ADVOCATE),
        make.contact('c-b', 'Zoe Park', Stage.ADVOCATE),
    ]
    logged = [
        make.interaction('i1', people[0], InteractionKind.CALL, old),
        make.interaction('i2', people[1], InteractionKind.CALL, old),
        make.interaction('i3', people[2], InteractionKind.CALL, old),
        make.interaction('i4', people[3], InteractionKind.CALL, date(2026, 8, 1)),
    ]
    followups = due_follow_ups(Network(contacts=people, interactions=logged), TODAY)
    assert [f.id for f in followups] == [
        'keep_in_touch:c-b',
        'keep_in_touch:c-m',
        'keep_in_touch:c-a',
        'keep_in_touch:c-z',
    ]


def test_changed_at_is_the_latest_update_of_the_contact_or_its_last_interaction() -> None:
    edited = datetime(2026, 11, 1, tzinfo=UTC)
    person = dana(updated_at=edited)
    coffee = make.interaction('i1', person, InteractionKind.COFFEE, date(2026, 9, 12))
    [followup] = due_follow_ups(Network(contacts=[person], interactions=[coffee]), TODAY)
    assert followup.changed_at == edited
    [followup] = due_follow_ups(Network(contacts=[dana()], interactions=[coffee]), TODAY)
    assert followup.changed_at == coffee.updated_at


# --- the registry ------------------------------------------------------------------------------------


def test_every_kind_is_registered_under_the_name_its_follow_ups_carry() -> None:
    found = due_follow_ups(busy_network(), TODAY)
    assert {'keep_in_touch', 'stage_suggestion'} <= set(KINDS)
    assert {f.kind for f in found} - {'thank_for_help'} == {'keep_in_touch', 'stage_suggestion'}
    assert 'thank_for_help' in KINDS
    assert {f.kind for f in found} <= set(KINDS)
    assert all(f.id.startswith(f'{f.kind}:') for f in found)


def test_a_new_kind_is_one_function_and_gets_states_horizon_and_order_for_free() -> None:
    def birthday(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
        for contact in network.contacts:
            count = len(index.history(contact.id))
            yield FollowUp(
                id=f'birthday:{contact.id}',
                kind='birthday',
                due=date(2026, 11, 20 + count),
                title=f'{contact.name}: {count}',
                reason='',
                link='/',
            )

    people = [make.contact('c-1', 'Ana'), make.contact('c-2', 'Ben'), make.contact('c-3', 'Cy')]
    logged: list[Interaction] = [make.interaction('i1', people[1], InteractionKind.CALL, date(2026, 1, 1))]
    skipped = FollowUpState(
        followup_id='birthday:c-3', status=FollowUpStatus.DISMISSED, decided_on=TODAY, due=date(2026, 11, 20)
    )
    network = Network(contacts=people, interactions=logged, followup_states=[skipped])
    found = due_follow_ups(network, TODAY, horizon_days=0, kinds={'birthday': birthday})
    assert [f.title for f in found] == ['Ana: 0', 'Ben: 1']


@pytest.mark.parametrize('kind', list(InteractionKind))
def test_every_interaction_kind_reads_as_words_in_a_catch_up_title(kind: InteractionKind) -> None:
    person = dana()
    [followup] = due_follow_ups(
        Network(contacts=[person], interactions=[make.interaction('i1', person, kind, date(2026, 9, 12))]), TODAY,
        kinds={KEEP_IN_TOUCH: KINDS[KEEP_IN_TOUCH]},
    )
    assert followup.title.startswith('Catch up with Dana Okafor — 74 days since ')
    assert '_' not in followup.title
