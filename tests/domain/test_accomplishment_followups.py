"""Feedback nudges and share reminders: they appear on the right day and go when done."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from careernet_ui.domain import (
    Accomplishment,
    Contact,
    Feedback,
    FollowUp,
    Network,
    Share,
    Stage,
    due_follow_ups,
    mark_done,
)
from careernet_ui.domain.followups.engine import KINDS
from careernet_ui.domain.followups.feedback_nudge import FEEDBACK_NUDGE
from careernet_ui.domain.followups.share_accomplishment import SHARE_ACCOMPLISHMENT
from tests.domain import make

MEI = make.contact('c-mei', 'Mei Chen', Stage.REFERENCE)
DANA = make.contact('c-dana', 'Dana Okafor', Stage.ADVOCATE)
ONLY = {FEEDBACK_NUDGE: KINDS[FEEDBACK_NUDGE], SHARE_ACCOMPLISHMENT: KINDS[SHARE_ACCOMPLISHMENT]}


def stamp(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)


def asked(on: date, received: date | None = None, person: Contact = MEI) -> Feedback:
    return Feedback(id='f-1', contact_id=person.id, asked_on=on, received_on=received,
                    created_at=stamp(on), updated_at=stamp(on))


def done_on(day: date, logged: date | None = None, until: date | None = None,
            shared: Sequence[Share] = ()) -> Accomplishment:
    return Accomplishment(id='a-1', title='Cut checkout p95 latency', on=day, until=until, shared=tuple(shared),
                          created_at=stamp(logged or until or day), updated_at=stamp(logged or until or day))


def due(network: Network, today: date, horizon_days: int = 0) -> list[FollowUp]:
    return due_follow_ups(network, today, horizon_days, kinds=ONLY)


def people(*extra: Contact) -> list[Contact]:
    return [MEI, DANA, *extra]


# --- feedback nudge -------------------------------------------------------------------------------


def test_an_unanswered_request_is_nudged_14_days_after_asking() -> None:
    network = Network(contacts=people(), feedback=[asked(date(2026, 10, 3))])
    assert due(network, date(2026, 10, 16)) == []
    [nudge] = due(network, date(2026, 10, 17))
    assert nudge.kind == FEEDBACK_NUDGE
    assert nudge.id == 'feedback_nudge:f-1'
    assert nudge.due == date(2026, 10, 17)
    assert nudge.title == 'Nudge Mei Chen about the feedback you asked for on 3 Oct'
    assert nudge.contact_id == 'c-mei'
    assert nudge.link == '/contacts/c-mei'
    assert '3 Oct 2026' in nudge.reason


def test_the_nudge_shows_in_the_horizon_before_its_day_and_stays_while_overdue() -> None:
    network = Network(contacts=people(), feedback=[asked(date(2026, 10, 3))])
    assert [f.due for f in due(network, date(2026, 10, 10), horizon_days=7)] == [date(2026, 10, 17)]
    assert [f.due for f in due(network, date(2026, 11, 25))] == [date(2026, 10, 17)]


def test_after_three_months_the_nudge_lapses() -> None:
    network = Network(contacts=people(), feedback=[asked(date(2026, 10, 3))])
    assert [f.id for f in due(network, date(2027, 1, 1))] == ['feedback_nudge:f-1']  # asked + 90 days
    assert due(network, date(2027, 1, 2)) == []


def test_the_nudge_goes_once_the_feedback_is_received() -> None:
    network = Network(contacts=people(), feedback=[asked(date(2026, 10, 3), received=date(2026, 10, 20))])
    assert due(network, date(2026, 10, 25)) == []


def test_feedback_given_unasked_is_never_nudged() -> None:
    given = Feedback(id='f-2', contact_id='c-mei', received_on=date(2026, 10, 3), text='Great demo.')
    assert due(Network(contacts=people(), feedback=[given]), date(2026, 11, 25)) == []


def test_a_request_asked_in_december_names_the_year_when_the_nudge_falls_in_january() -> None:
    [nudge] = due(Network(contacts=people(), feedback=[asked(date(2025, 12, 28))]), date(2026, 1, 11))
    assert nudge.title == 'Nudge Mei Chen about the feedback you asked for on 28 Dec 2025'


def test_marking_the_nudge_done_hides_it() -> None:
    network = Network(contacts=people(), feedback=[asked(date(2026, 10, 3))])
    [nudge] = due(network, date(2026, 10, 20))
    decided = replace(network, followup_states=[mark_done(nudge, date(2026, 10, 20))])
    assert due(decided, date(2026, 10, 21)) == []


def test_no_nudge_about_someone_no_longer_in_the_network() -> None:
    assert due(Network(contacts=[DANA], feedback=[asked(date(2026, 10, 3))]), date(2026, 11, 1)) == []


# --- share with advocates -----------------------------------------------------------------------------


def test_a_new_accomplishment_not_shared_is_due_14_days_after_its_date() -> None:
    network = Network(contacts=people(), accomplishments=[done_on(date(2026, 11, 1))])
    assert due(network, date(2026, 11, 14)) == []
    [reminder] = due(network, date(2026, 11, 15))
    assert reminder.id == 'share_accomplishment:a-1'
    assert reminder.kind == SHARE_ACCOMPLISHMENT
    assert reminder.due == date(2026, 11, 15)
    assert reminder.title == "Share 'Cut checkout p95 latency' with your advocates"
    assert reminder.link == '/accomplishments?share=a-1'


def test_after_90_days_it_is_no_longer_news_and_the_reminder_lapses() -> None:
    network = Network(contacts=people(), accomplishments=[done_on(date(2026, 11, 1))])
    assert [f.due for f in due(network, date(2027, 1, 30))] == [date(2026, 11, 15)]  # on + 90 days
    assert due(network, date(2027, 1, 31)) == []


def test_it_disappears_once_shared_with_any_advocate() -> None:
    shared = done_on(date(2026, 11, 1), shared=[Share(contact_id='c-dana', on=date(2026, 11, 20))])
    assert due(Network(contacts=people(), accomplishments=[shared]), date(2026, 11, 25)) == []


def test_sharing_with_someone_who_is_not_an_advocate_does_not_count() -> None:
    shared = done_on(date(2026, 11, 1), shared=[Share(contact_id='c-mei', on=date(2026, 11, 2))])
    assert [f.id for f in due(Network(contacts=people(), accomplishments=[shared]), date(2026, 11, 25))] == \
        ['share_accomplishment:a-1']


def test_logged_late_it_gets_14_days_from_the_day_it_was_logged() -> None:
    late = done_on(date(2026, 11, 1), logged=date(2026, 11, 20))
    network = Network(contacts=people(), accomplishments=[late])
    assert due(network, date(2026, 12, 3)) == []
    assert [f.due for f in due(network, date(2026, 12, 4))] == [date(2026, 12, 4)]


def test_a_period_counts_from_its_end() -> None:
    period = done_on(date(2026, 6, 1), until=date(2026, 11, 1))
    assert [f.due for f in due(Network(contacts=people(), accomplishments=[period]), date(2026, 11, 25))] == \
        [date(2026, 11, 15)]


def test_history_logged_more_than_90_days_after_the_fact_is_not_news() -> None:
    old = done_on(date(2025, 3, 1), logged=date(2026, 11, 20))
    assert due(Network(contacts=people(), accomplishments=[old]), date(2026, 12, 31)) == []
    borderline = done_on(date(2026, 8, 22), logged=date(2026, 11, 20))  # 90 days late: still news
    assert [f.due for f in due(Network(contacts=people(), accomplishments=[borderline]), date(2026, 12, 31))] == \
        [date(2026, 12, 4)]


def test_without_advocates_there_is_nobody_to_remind_you_about() -> None:
    assert due(Network(contacts=[MEI], accomplishments=[done_on(date(2026, 11, 1))]), date(2026, 11, 25)) == []


def test_both_kinds_are_registered_with_the_engine() -> None:
    network = Network(contacts=people(), feedback=[asked(date(2026, 10, 3))],
                      accomplishments=[done_on(date(2026, 11, 1))])
    kinds = {f.kind for f in due_follow_ups(network, date(2026, 11, 25), 0)}
    assert {FEEDBACK_NUDGE, SHARE_ACCOMPLISHMENT} <= kinds
