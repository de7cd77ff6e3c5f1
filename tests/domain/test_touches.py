"""Issue 12, points 1 and 2: one notion of touch, read by the cadence, the board, the dashboard and the suggestions."""

from __future__ import annotations

from datetime import UTC, date, datetime

from careernet_ui.domain.accomplishments import Accomplishment, Share
from careernet_ui.domain.applications import Application
from careernet_ui.domain.board import BoardQuery, build_board
from careernet_ui.domain.contacts import Contact, Stage
from careernet_ui.domain.feedback import Feedback
from careernet_ui.domain.followups.engine import due_follow_ups
from careernet_ui.domain.followups.keep_in_touch import KEEP_IN_TOUCH
from careernet_ui.domain.followups.memo import FollowUpMemo
from careernet_ui.domain.followups.stage_suggestion import STAGE_SUGGESTION
from careernet_ui.domain.insights import longest_without_contact, network_health, touches_per_month
from careernet_ui.domain.interactions import InteractionKind
from careernet_ui.domain.introductions import Introduction
from careernet_ui.domain.network import Network
from careernet_ui.domain.reference_requests import ReferenceRequest, RequestStatus, RequestStep
from careernet_ui.domain.touches import last_touch, touch_label, touch_log, touches_of

from . import make

TODAY = date(2026, 11, 25)
STAMP = datetime(2026, 11, 1, 12, tzinfo=UTC)
IMPORTED = datetime(2026, 11, 25, 8, tzinfo=UTC)


def reference(stage: Stage = Stage.REFERENCE, *, cadence_days: int | None = None) -> Contact:
    return make.contact('dana', 'Dana Okafor', stage, cadence_days=cadence_days)


def application() -> Application:
    return Application(id='app', company='Initech', position='Staff engineer', created_at=STAMP, updated_at=STAMP)


def request(*steps: tuple[RequestStatus, date], contact_id: str = 'dana', request_id: str = 'req') -> ReferenceRequest:
    history = [RequestStep(on=on, status=status) for status, on in steps]
    return ReferenceRequest(id=request_id, application_id='app', contact_id=contact_id, status=history[-1].status,
                            history=tuple(history), created_at=STAMP, updated_at=STAMP)


def keep_in_touch_of(network: Network) -> list[str]:
    return [f.title for f in due_follow_ups(network, TODAY, 0) if f.kind == KEEP_IN_TOUCH]


# --- 1. Never contacted reads "Never contacted" and ranks first --------------------------------


def test_after_an_import_nobody_reads_as_contacted_today_and_the_never_contacted_rank_first() -> None:
    # The scenario: a LinkedIn import adds people today; one of them was called in October.
    imported = [make.contact(f'c{n}', name, created_at=IMPORTED, updated_at=IMPORTED)
                for n, name in enumerate(['Ann', 'Bob', 'Cy'])]
    called = make.interaction('i1', imported[2], InteractionKind.CALL, date(2026, 10, 1))
    network = Network(contacts=imported, interactions=[called])
    [contacts_column, *_] = build_board(network, TODAY, BoardQuery())
    # Fixed: no card says "last contact today"; those never contacted come first.
    assert [(card.contact.name, card.catch_up.last_contact) for card in contacts_column.cards] == [
        ('Ann', None), ('Bob', None), ('Cy', date(2026, 10, 1))]


def test_longest_without_contact_puts_a_reference_never_contacted_first() -> None:
    never = make.contact('n', 'Never', Stage.REFERENCE)
    old = make.contact('o', 'Old', Stage.ADVOCATE)
    call = make.interaction('i1', old, InteractionKind.CALL, date(2020, 1, 1))
    quiet = longest_without_contact(Network(contacts=[old, never], interactions=[call]), TODAY)
    assert [(q.contact.name, q.days_since) for q in quiet] == [('Never', None), ('Old', 2520)]


def test_the_catch_up_for_someone_never_contacted_says_never_contacted() -> None:
    assert keep_in_touch_of(Network(contacts=[reference()])) == ['Catch up with Dana Okafor — never contacted']


# --- 2. Every real touch counts -------------------------------------------------------------


def test_feedback_given_is_a_touch_that_resets_the_cadence() -> None:
    dana = reference(cadence_days=30)
    feedback = Feedback(id='fb', contact_id='dana', received_on=date(2026, 11, 20), text='Clear design docs.',
                        created_at=STAMP, updated_at=STAMP)
    # Before: only hand-logged interactions counted, so Dana was "never contacted" and overdue.
    network = Network(contacts=[dana], feedback=[feedback])
    assert keep_in_touch_of(network) == []
    touch = last_touch(network, 'dana', TODAY)
    assert touch is not None
    assert (touch.on, touch_label(touch)) == (date(2026, 11, 20), 'Gave feedback')


def test_every_reference_step_is_a_touch_on_its_day() -> None:
    steps = request((RequestStatus.ASKED, date(2026, 9, 1)), (RequestStatus.AGREED, date(2026, 9, 2)),
                    (RequestStatus.BRIEFED, date(2026, 9, 3)), (RequestStatus.EMPLOYER_CONTACTED, date(2026, 9, 10)),
                    (RequestStatus.THANKED, date(2026, 9, 11)))
    network = Network(contacts=[reference()], applications=[application()], reference_requests=[steps])
    assert [(t.on.day, touch_label(t)) for t in touches_of(network, 'dana', TODAY)] == [
        (1, 'Reference for Initech: asked to be a reference'),
        (2, 'Reference for Initech: agreed to be a reference'),
        (3, 'Reference for Initech: brief sent'),
        (10, 'Reference for Initech: employer contacted'),
        (11, 'Reference for Initech: thanked'),
    ]


def test_the_catch_up_title_says_how_the_last_touch_happened() -> None:
    dana = reference(cadence_days=30)
    steps = request((RequestStatus.EMPLOYER_CONTACTED, date(2026, 10, 1)))
    network = Network(contacts=[dana], applications=[application()], reference_requests=[steps])
    assert keep_in_touch_of(network) == ['Catch up with Dana Okafor — 55 days since they gave you a reference']


def test_an_introduction_its_thank_you_and_a_share_are_touches() -> None:
    dana = reference(Stage.ADVOCATE)
    introduction = Introduction(id='intro', advocate_id='dana', on=date(2026, 10, 1), to_whom='Lee at Globex',
                                thanked_on=date(2026, 10, 3), created_at=STAMP, updated_at=STAMP)
    shipped = Accomplishment(id='acc', title='Shipped search', on=date(2026, 10, 5),
                             shared=(Share(contact_id='dana', on=date(2026, 10, 9)),), created_at=STAMP,
                             updated_at=STAMP)
    network = Network(contacts=[dana], introductions=[introduction], accomplishments=[shipped])
    assert [(t.on.day, touch_label(t)) for t in touches_of(network, 'dana', TODAY)] == [
        (1, 'Introduced you to Lee at Globex'),
        (3, 'Thanked for the introduction to Lee at Globex'),
        (9, 'Shared: Shipped search'),
    ]


def test_touches_per_month_and_health_count_every_touch() -> None:
    dana = reference(cadence_days=60)
    feedback = Feedback(id='fb', contact_id='dana', asked_on=date(2026, 10, 2), received_on=date(2026, 11, 3),
                        created_at=STAMP, updated_at=STAMP)
    network = Network(contacts=[dana], feedback=[feedback])
    assert touches_per_month(network, TODAY, months=2) == [('2026-10', 1), ('2026-11', 1)]
    health = network_health(network, TODAY)
    assert (health.on_track, health.total) == (1, 1)


def test_a_reference_given_through_the_request_suggests_reference() -> None:
    # Before: only a hand-logged "reference given" interaction was evidence.
    dana = make.contact('dana', 'Dana Okafor', Stage.CONTACT)
    steps = request((RequestStatus.EMPLOYER_CONTACTED, date(2026, 11, 20)))
    network = Network(contacts=[dana], applications=[application()], reference_requests=[steps])
    [suggestion] = [f for f in due_follow_ups(network, TODAY) if f.kind == STAGE_SUGGESTION]
    assert suggestion.title == 'Dana Okafor gave a reference: mark as Reference?'


def test_two_introductions_recorded_suggest_advocate() -> None:
    dana = make.contact('dana', 'Dana Okafor', Stage.REFERENCE)
    introductions = [Introduction(id=f'i{n}', advocate_id='dana', on=date(2026, 11, n), to_whom=f'Person {n}',
                                  created_at=STAMP, updated_at=STAMP) for n in (1, 2)]
    network = Network(contacts=[dana], introductions=introductions)
    [suggestion] = [f for f in due_follow_ups(network, TODAY) if f.kind == STAGE_SUGGESTION]
    assert suggestion.title == 'Dana Okafor made two introductions: mark as Advocate?'


def test_a_reference_logged_by_hand_and_recorded_on_the_request_the_same_day_counts_once() -> None:
    dana = make.contact('dana', 'Dana Okafor', Stage.CONTACT)
    logged = make.interaction('i1', dana, InteractionKind.REFERENCE_GIVEN, date(2026, 11, 20))
    steps = request((RequestStatus.EMPLOYER_CONTACTED, date(2026, 11, 20)))
    network = Network(contacts=[dana], interactions=[logged], applications=[application()],
                      reference_requests=[steps])
    assert [t.id for t in touch_log(network)] == ['i1']


def test_a_planned_touch_does_not_count_until_its_day() -> None:
    feedback = Feedback(id='fb', contact_id='dana', asked_on=date(2026, 12, 1), created_at=STAMP, updated_at=STAMP)
    assert last_touch(Network(contacts=[reference()], feedback=[feedback]), 'dana', TODAY) is None


def test_the_memo_gives_the_same_follow_ups_when_a_touch_is_recorded() -> None:
    dana = reference(cadence_days=30)
    memo = FollowUpMemo()
    before = Network(contacts=[dana])
    assert due_follow_ups(before, TODAY, memo=memo) == due_follow_ups(before, TODAY)
    feedback = Feedback(id='fb', contact_id='dana', received_on=date(2026, 11, 24), created_at=STAMP,
                        updated_at=STAMP)
    after = Network(contacts=[dana], feedback=[feedback])
    assert due_follow_ups(after, TODAY, memo=memo) == due_follow_ups(after, TODAY) == []
