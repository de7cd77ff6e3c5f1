"""Dashboard numbers: stage counts, network health, touches per month, longest without contact."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from careernet_ui.domain.contacts import Role, Stage, StageChange
from careernet_ui.domain.errors import ValidationError
from careernet_ui.domain.followups.followup import FollowUpState, FollowUpStatus
from careernet_ui.domain.followups.network_index import NetworkIndex
from careernet_ui.domain.insights import (
    NetworkHealth,
    longest_without_contact,
    network_health,
    recently_changed,
    role_counts,
    stage_counts,
    touches_per_month,
)
from careernet_ui.domain.interactions import InteractionKind
from careernet_ui.domain.network import Network
from careernet_ui.domain.settings import Settings

from . import make

TODAY = date(2026, 11, 25)
CALL = InteractionKind.CALL


def test_stage_counts_cover_every_stage_in_pipeline_order() -> None:
    people = [
        make.contact('c1', 'A', Stage.ADVOCATE),
        make.contact('c2', 'B', Stage.CONTACT),
        make.contact('c3', 'C', Stage.ADVOCATE),
    ]
    counts = stage_counts(Network(contacts=people))
    assert list(counts.items()) == [
        (Stage.CONTACT, 1),
        (Stage.POTENTIAL_ADVOCATE, 0),
        (Stage.REFERENCE, 0),
        (Stage.ADVOCATE, 2),
    ]


def test_health_is_the_share_of_references_and_advocates_within_their_cadence() -> None:
    on_time = make.contact('c1', 'On time', Stage.ADVOCATE)  # every 30 days
    due_today = make.contact('c2', 'Due today', Stage.REFERENCE)  # every 60 days
    late = make.contact('c3', 'Late', Stage.ADVOCATE)
    no_cadence = make.contact('c4', 'No cadence', Stage.REFERENCE)
    not_key = make.contact('c5', 'Just a contact', Stage.POTENTIAL_ADVOCATE)  # overdue, but not counted
    logged = [
        make.interaction('i1', on_time, CALL, date(2026, 11, 1)),
        make.interaction('i2', due_today, CALL, date(2026, 9, 26)),
        make.interaction('i3', late, CALL, date(2026, 10, 25)),
        make.interaction('i4', not_key, CALL, date(2025, 1, 1)),
    ]
    network = Network(contacts=[on_time, due_today, late, not_key], interactions=logged)
    health = network_health(network, TODAY)
    assert health == NetworkHealth(on_track=2, total=3)
    assert health.share == pytest.approx(2 / 3)

    settings_without_reference_cadence = Settings(cadence_days={Stage.REFERENCE: None})
    no_reference_cadence = Network(
        contacts=[on_time, no_cadence, late], interactions=logged, settings=settings_without_reference_cadence
    )
    assert network_health(no_reference_cadence, TODAY) == NetworkHealth(on_track=1, total=2)


def test_health_has_no_share_when_nobody_has_a_cadence() -> None:
    health = network_health(Network(contacts=[make.contact('c1', 'A', Stage.CONTACT)]), TODAY)
    assert (health.total, health.share) == (0, None)


def test_a_catch_up_marked_done_counts_as_on_track_like_in_the_follow_up_list() -> None:
    late = make.contact('c1', 'Late', Stage.ADVOCATE)
    call = make.interaction('i1', late, CALL, date(2026, 10, 1))  # due 31 Oct
    done = FollowUpState(
        followup_id='keep_in_touch:c1', status=FollowUpStatus.DONE, decided_on=date(2026, 11, 2), due=date(2026, 10, 31)
    )
    assert network_health(Network(contacts=[late], interactions=[call]), TODAY).on_track == 0
    assert network_health(Network(contacts=[late], interactions=[call], followup_states=[done]), TODAY).on_track == 1


def test_touches_per_month_covers_the_last_twelve_months_oldest_first_with_empty_months() -> None:
    person = make.contact('c1', 'A')
    days = [
        date(2025, 11, 30),  # the month before the window
        date(2025, 12, 1),
        date(2025, 12, 31),
        date(2026, 6, 15),
        date(2026, 11, 25),
        date(2026, 11, 26),  # tomorrow: planned, not a touch yet
    ]
    logged = [make.interaction(f'i{n}', person, CALL, day) for n, day in enumerate(days)]
    months = touches_per_month(Network(contacts=[person], interactions=logged), TODAY)
    assert months == [
        ('2025-12', 2),
        ('2026-01', 0),
        ('2026-02', 0),
        ('2026-03', 0),
        ('2026-04', 0),
        ('2026-05', 0),
        ('2026-06', 1),
        ('2026-07', 0),
        ('2026-08', 0),
        ('2026-09', 0),
        ('2026-10', 0),
        ('2026-11', 1),
    ]


def test_touches_per_month_can_look_back_a_different_number_of_months() -> None:
    assert touches_per_month(Network(), date(2026, 1, 10), months=2) == [('2025-12', 0), ('2026-01', 0)]
    with pytest.raises(ValidationError, match='not 0'):
        touches_per_month(Network(), TODAY, months=0)


def test_longest_without_contact_lists_the_never_contacted_then_the_longest_silence_first() -> None:
    people = [
        make.contact('c1', 'Recent', Stage.ADVOCATE),
        make.contact('c2', 'Ancient', Stage.REFERENCE),
        make.contact('c3', 'Bea', Stage.ADVOCATE),
        make.contact('c4', 'Abe', Stage.REFERENCE),
        make.contact('c5', 'Only a contact', Stage.CONTACT),
        make.contact(
            'c6', 'Never logged', Stage.ADVOCATE, history=[StageChange(on=date(2026, 7, 1), to_stage=Stage.ADVOCATE)]
        ),
    ]
    logged = [
        make.interaction('i1', people[0], CALL, date(2026, 11, 20)),
        make.interaction('i2', people[1], CALL, date(2024, 1, 1)),
        make.interaction('i3', people[2], CALL, date(2026, 9, 1)),
        make.interaction('i4', people[3], CALL, date(2026, 9, 1)),
        make.interaction('i5', people[4], CALL, date(2020, 1, 1)),
    ]
    network = Network(contacts=people, interactions=logged)
    quiet = longest_without_contact(network, TODAY, limit=4)
    assert [(q.contact.name, q.last_contact, q.days_since) for q in quiet] == [
        ('Never logged', None, None),
        ('Ancient', date(2024, 1, 1), 1059),
        ('Abe', date(2026, 9, 1), 85),
        ('Bea', date(2026, 9, 1), 85),
    ]
    assert len(longest_without_contact(network, TODAY)) == 5
    assert longest_without_contact(network, TODAY, limit=0) == []


def test_insights_can_share_one_index_with_the_same_answers() -> None:
    person = make.contact('c1', 'A', Stage.ADVOCATE)
    network = Network(contacts=[person], interactions=[make.interaction('i1', person, CALL, date(2026, 11, 1))])
    index = NetworkIndex.build(network, TODAY)
    assert network_health(network, TODAY, index) == network_health(network, TODAY) == NetworkHealth(on_track=1, total=1)
    assert longest_without_contact(network, TODAY, index=index) == longest_without_contact(network, TODAY)


def test_role_counts_and_the_contacts_changed_last() -> None:
    # Issue 12, point 12: the dashboard's counts per role and "recently added or edited".
    early = datetime(2026, 1, 1, tzinfo=UTC)
    late = datetime(2026, 11, 20, tzinfo=UTC)
    old = replace(make.contact('c1', 'Old', created_at=early, updated_at=early), role=Role.MENTOR)
    edited = replace(make.contact('c2', 'Edited', created_at=early, updated_at=late), role=Role.MENTOR)
    added = replace(make.contact('c3', 'Added', created_at=late, updated_at=late), role=Role.PEER)
    network = Network(contacts=[old, edited, added])
    counts = role_counts(network)
    assert (counts[Role.MENTOR], counts[Role.PEER], counts[Role.CLIENT]) == (2, 1, 0)
    assert [c.name for c in recently_changed(network, 2)] == ['Added', 'Edited']
