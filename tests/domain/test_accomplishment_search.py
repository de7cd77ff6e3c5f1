"""Searching, filtering, sorting and paging accomplishments."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Accomplishment
from careernet_ui.domain.accomplishment_search import (
    AccomplishmentQuery,
    AccomplishmentSort,
    all_tags,
    all_years,
    linkable,
    matching,
    search_accomplishments,
)

LATENCY = Accomplishment(id='a-1', title='Cut checkout p95 latency', on=date(2026, 10, 3), tags=('performance',),
                         description='Cached the tax tables.', witness_ids=('c-mei',))
COVERAGE = Accomplishment(id='a-2', title='Raised test coverage', on=date(2026, 2, 1), tags=('quality', 'python'),
                          project='Checkout', witness_ids=('c-mei', 'c-dana'))
MIGRATION = Accomplishment(id='a-3', title='Migrated 40 services', on=date(2024, 11, 1), until=date(2025, 6, 30),
                           tags=('infra',), organisation='Acme Corp')
ALL = [LATENCY, COVERAGE, MIGRATION]


def titles(query: AccomplishmentQuery) -> list[str]:
    return [a.title for a in matching(ALL, query)]


def test_newest_first_by_default() -> None:
    assert titles(AccomplishmentQuery()) == ['Cut checkout p95 latency', 'Raised test coverage', 'Migrated 40 services']


def test_other_orders() -> None:
    assert titles(AccomplishmentQuery(sort=AccomplishmentSort.OLDEST))[0] == 'Migrated 40 services'
    assert titles(AccomplishmentQuery(sort=AccomplishmentSort.TITLE)) == \
        ['Cut checkout p95 latency', 'Migrated 40 services', 'Raised test coverage']


def test_text_matches_title_description_context_and_tags_every_word_somewhere() -> None:
    assert titles(AccomplishmentQuery(text='checkout')) == ['Cut checkout p95 latency', 'Raised test coverage']
    assert titles(AccomplishmentQuery(text='TAX tables')) == ['Cut checkout p95 latency']
    assert titles(AccomplishmentQuery(text='python coverage')) == ['Raised test coverage']
    assert titles(AccomplishmentQuery(text='acme')) == ['Migrated 40 services']
    assert titles(AccomplishmentQuery(text='latency python')) == []


def test_filters_by_tag_year_and_witness() -> None:
    assert titles(AccomplishmentQuery(tag='python')) == ['Raised test coverage']
    assert titles(AccomplishmentQuery(year=2025)) == ['Migrated 40 services']  # a period touching 2025
    assert titles(AccomplishmentQuery(year=2026, witness_id='c-mei')) == \
        ['Cut checkout p95 latency', 'Raised test coverage']
    assert titles(AccomplishmentQuery(witness_id='c-dana')) == ['Raised test coverage']


def test_filter_options_list_what_exists() -> None:
    assert all_tags(ALL) == ['infra', 'performance', 'python', 'quality']
    assert all_years(ALL) == [2026, 2025, 2024]


def test_paging_is_clamped_into_range() -> None:
    many = [Accomplishment(id=f'a-{n}', title=f'Win {n:02d}', on=date(2026, 1, 1 + n)) for n in range(25)]
    first = search_accomplishments(many, AccomplishmentQuery(page_size=10))
    assert (first.total, first.pages, len(first.items)) == (25, 3, 10)
    assert first.items[0].title == 'Win 24'
    last = search_accomplishments(many, AccomplishmentQuery(page=9, page_size=10))
    assert (last.page, [a.title for a in last.items]) == (3, ['Win 04', 'Win 03', 'Win 02', 'Win 01',
                                                                        'Win 00'])


def test_feedback_links_offer_what_the_person_witnessed_first() -> None:
    assert [a.id for a in linkable(ALL, 'c-dana')] == ['a-2', 'a-1', 'a-3']
    assert [a.id for a in linkable(ALL, None, limit=2)] == ['a-1', 'a-2']
