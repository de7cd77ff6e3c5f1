"""The pipeline board: who each column shows first, what it counts, and how filters narrow it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from careernet_ui.domain.board import COLUMN_SIZE, BoardQuery, build_board, tag_options
from careernet_ui.domain.contacts import Contact, Role, Stage, StageChange
from careernet_ui.domain.followups.followup import FollowUpState, FollowUpStatus
from careernet_ui.domain.interactions import InteractionKind
from careernet_ui.domain.network import Network

from . import make

TODAY = date(2026, 11, 25)
CALL = InteractionKind.CALL


def person(contact_id: str, name: str, stage: Stage = Stage.CONTACT, **fields: object) -> Contact:
    added = [StageChange(on=date(2026, 1, 5), to_stage=stage)]
    return replace(make.contact(contact_id, name, stage, history=added), **fields)  # type: ignore[arg-type]


def names(network: Network, query: BoardQuery | None = None) -> dict[Stage, list[str]]:
    return {column.stage: [card.contact.name for card in column.cards]
            for column in build_board(network, TODAY, query or BoardQuery())}


def test_every_stage_has_a_column_in_pipeline_order_even_when_empty() -> None:
    columns = build_board(Network(), TODAY, BoardQuery())
    assert [column.stage for column in columns] == list(Stage)
    assert all(column.cards == [] and column.total == 0 for column in columns)


def test_overdue_first_then_longest_since_contact() -> None:
    # Advocates: every 30 days. Overdue: last contact before 26 Oct.
    recent = person('a1', 'Recent', Stage.ADVOCATE)
    slightly_late = person('a2', 'Slightly late', Stage.ADVOCATE)
    very_late = person('a3', 'Very late', Stage.ADVOCATE)
    quiet_but_own_cadence = person('a4', 'Own long cadence', Stage.ADVOCATE, cadence_days=365)
    logged = [
        make.interaction('i1', recent, CALL, date(2026, 11, 20)),
        make.interaction('i2', slightly_late, CALL, date(2026, 10, 20)),
        make.interaction('i3', very_late, CALL, date(2026, 6, 1)),
        make.interaction('i4', quiet_but_own_cadence, CALL, date(2026, 3, 1)),
    ]
    network = Network(contacts=[recent, slightly_late, very_late, quiet_but_own_cadence], interactions=logged)
    [column] = [c for c in build_board(network, TODAY, BoardQuery()) if c.stage is Stage.ADVOCATE]
    assert [card.contact.name for card in column.cards] == ['Very late', 'Slightly late', 'Own long cadence', 'Recent']
    assert [card.catch_up.overdue for card in column.cards] == [True, True, False, False]
    assert column.overdue == 2
    assert column.cards[0].catch_up.last_contact == date(2026, 6, 1)
    assert column.cards[0].catch_up.next_due == date(2026, 7, 1)


def test_without_interactions_the_last_stage_change_counts_as_last_contact() -> None:
    older = person('c1', 'Added long ago', stage_history=[StageChange(on=date(2025, 2, 1), to_stage=Stage.CONTACT)])
    newer = person('c2', 'Added lately', stage_history=[StageChange(on=date(2026, 11, 1), to_stage=Stage.CONTACT)])
    board = names(Network(contacts=[newer, older]))
    assert board[Stage.CONTACT] == ['Added long ago', 'Added lately']


def test_a_snoozed_or_done_catch_up_is_not_overdue() -> None:
    late = person('a1', 'Late', Stage.ADVOCATE)
    call = make.interaction('i1', late, CALL, date(2026, 9, 1))  # due 1 Oct
    snoozed = FollowUpState(followup_id='keep_in_touch:a1', status=FollowUpStatus.SNOOZED,
                            decided_on=TODAY, due=date(2026, 10, 1), until=TODAY + timedelta(days=7))
    done = replace(snoozed, status=FollowUpStatus.DONE, until=None)
    plain = Network(contacts=[late], interactions=[call])

    def card_of(network: Network) -> tuple[bool, date | None]:
        [card] = build_board(network, TODAY, BoardQuery())[-1].cards
        return card.catch_up.overdue, card.catch_up.next_due

    assert card_of(plain) == (True, date(2026, 10, 1))
    assert card_of(replace(plain, followup_states=[snoozed])) == (False, TODAY + timedelta(days=7))
    assert card_of(replace(plain, followup_states=[done])) == (False, TODAY + timedelta(days=30))


def test_a_planned_interaction_does_not_count_as_contact() -> None:
    late = person('a1', 'Late', Stage.ADVOCATE)
    logged = [make.interaction('i1', late, CALL, date(2026, 9, 1)),
              make.interaction('i2', late, CALL, TODAY + timedelta(days=3))]
    [card] = build_board(Network(contacts=[late], interactions=logged), TODAY, BoardQuery())[-1].cards
    assert card.catch_up.last_contact == date(2026, 9, 1)
    assert card.catch_up.overdue


def test_each_column_shows_its_first_cards_and_counts_all() -> None:
    everyone = COLUMN_SIZE * 2 + 5
    people = [person(f'c{n:03d}', f'Person {n:03d}') for n in range(everyone)]
    query = BoardQuery()
    [contacts, *_] = build_board(Network(contacts=people), TODAY, query)
    assert (len(contacts.cards), contacts.total, contacts.hidden) == (COLUMN_SIZE, everyone, everyone - COLUMN_SIZE)
    assert [card.contact.name for card in contacts.cards] == [f'Person {n:03d}' for n in range(COLUMN_SIZE)]
    query.show_more(Stage.CONTACT)
    [contacts, *_] = build_board(Network(contacts=people), TODAY, query)
    assert (len(contacts.cards), contacts.hidden) == (COLUMN_SIZE * 2, 5)


def test_search_and_filters_narrow_every_column_and_their_counts() -> None:
    dana = person('c1', 'Dana Okafor', Stage.ADVOCATE, role=Role.SUPERVISOR, organisation='Acme Corp',
                  tags=['payments'])
    mei = person('c2', 'Mei Chen', Stage.REFERENCE, role=Role.COLLEAGUE, organisation='Globex', tags=['payments'])
    jose = person('c3', 'José Martín', Stage.CONTACT, role=Role.COLLEAGUE, organisation='ACME Labs', tags=['data'])
    network = Network(contacts=[dana, mei, jose])

    def shown(**query: object) -> list[str]:
        board = names(network, BoardQuery(**query))  # type: ignore[arg-type]
        return sorted(name for column in board.values() for name in column)

    assert shown(text='jose') == ['José Martín']  # accents and case fold
    assert shown(text='acme') == ['Dana Okafor', 'José Martín']
    assert shown(role=Role.COLLEAGUE) == ['José Martín', 'Mei Chen']
    assert shown(tag='Payments') == ['Dana Okafor', 'Mei Chen']
    assert shown(organisation='acme') == ['Dana Okafor', 'José Martín']
    assert shown(organisation='acme', role=Role.COLLEAGUE, tag='data') == ['José Martín']
    assert shown(text='nobody') == []
    totals = {c.stage: c.total for c in build_board(network, TODAY, BoardQuery(role=Role.COLLEAGUE))}
    assert totals == {Stage.CONTACT: 1, Stage.POTENTIAL_ADVOCATE: 0, Stage.REFERENCE: 1, Stage.ADVOCATE: 0}


def test_a_narrowed_query_says_so() -> None:
    assert not BoardQuery().narrowed()
    assert not BoardQuery(text='   ').narrowed()
    assert BoardQuery(tag='data').narrowed()


def test_tag_options_are_the_most_used_tags_alphabetically() -> None:
    people = [person('c1', 'A', tags=['python', 'data']), person('c2', 'B', tags=['data']),
              person('c3', 'C', tags=['ml', 'data', 'python'])]
    network = Network(contacts=people)
    assert tag_options(network) == ['data', 'ml', 'python']
    assert tag_options(network, limit=2) == ['data', 'python']
    assert tag_options(replace(network, contacts=people[1:2])) == ['data']


def test_order_does_not_depend_on_storage_order() -> None:
    people = [person(f'c{n}', 'Same name') for n in range(5)]
    forwards = build_board(Network(contacts=people), TODAY, BoardQuery())[0]
    backwards = build_board(Network(contacts=people[::-1]), TODAY, BoardQuery())[0]
    assert [c.contact.id for c in forwards.cards] == [c.contact.id for c in backwards.cards] == [
        'c0', 'c1', 'c2', 'c3', 'c4']


def test_the_ranking_is_remembered_for_a_snapshot_and_redone_for_a_new_one() -> None:
    late = person('a1', 'Late', Stage.ADVOCATE)
    network = Network(contacts=[late], interactions=[make.interaction('i1', late, CALL, date(2026, 9, 1))])
    [first] = build_board(network, TODAY, BoardQuery())[-1].cards
    [again] = build_board(network, TODAY, BoardQuery(text='late'))[-1].cards
    assert again is first  # filtered from the remembered ranking, not recomputed
    logged = replace(network, interactions=[*network.interactions, make.interaction('i2', late, CALL, TODAY)])
    [fresh] = build_board(logged, TODAY, BoardQuery())[-1].cards
    assert (fresh.catch_up.overdue, fresh.catch_up.last_contact) == (False, TODAY)
    [tomorrow] = build_board(network, TODAY + timedelta(days=1), BoardQuery())[-1].cards
    assert tomorrow.catch_up.last_contact == date(2026, 9, 1)


def test_pinned_people_lead_their_column_latest_first_and_still_obey_filters() -> None:
    people = [person(f'c{n}', f'Person {n}', tags=['data'] if n % 2 else []) for n in range(5)]
    query = BoardQuery()
    query.pin('c3')
    query.pin('c4')
    query.pin('c3')  # pinned again: moves to the front, once
    assert query.pinned == ['c3', 'c4']
    [contacts, *_] = build_board(Network(contacts=people), TODAY, query)
    assert [card.contact.id for card in contacts.cards] == ['c3', 'c4', 'c0', 'c1', 'c2']
    assert contacts.total == 5
    query.tag = 'data'
    [contacts, *_] = build_board(Network(contacts=people), TODAY, query)
    assert [card.contact.id for card in contacts.cards] == ['c3', 'c1']
