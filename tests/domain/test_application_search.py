"""Filtering the applications list."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Application, ApplicationStage, ApplicationStageChange
from careernet_ui.domain.application_search import ApplicationQuery, Openness, find_applications, search_applications


def app(app_id: str, company: str, stage: ApplicationStage, moved: date, position: str = 'Engineer') -> Application:
    return Application(id=app_id, company=company, position=position, stage=stage,
                       stage_history=(ApplicationStageChange(on=moved, stage=stage),))


APPS = [
    app('a', 'Initech', ApplicationStage.APPLIED, date(2026, 11, 1), 'Staff Engineer'),
    app('b', 'Globex', ApplicationStage.INTERVIEWING, date(2026, 11, 20)),
    app('c', 'Hooli', ApplicationStage.REJECTED, date(2026, 11, 10)),
    app('d', 'Initrode', ApplicationStage.ACCEPTED, date(2026, 11, 5), 'Designer'),
]


def ids(query: ApplicationQuery) -> list[str]:
    return [a.id for a in find_applications(APPS, query)]


def test_open_ones_by_default_most_recently_moved_first() -> None:
    assert ids(ApplicationQuery()) == ['b', 'a']
    assert ids(ApplicationQuery(openness=Openness.CLOSED)) == ['c', 'd']
    assert ids(ApplicationQuery(openness=Openness.ALL)) == ['b', 'c', 'd', 'a']


def test_a_stage_shows_that_stage_open_or_closed() -> None:
    assert ids(ApplicationQuery(stage=ApplicationStage.REJECTED)) == ['c']


def test_words_match_company_and_position_in_any_case() -> None:
    assert ids(ApplicationQuery(text='INIT', openness=Openness.ALL)) == ['d', 'a']
    assert ids(ApplicationQuery(text='init staff', openness=Openness.ALL)) == ['a']
    assert ids(ApplicationQuery(text='nobody')) == []


def test_pages_hold_page_size_each_and_count_every_match() -> None:
    many = [app(f'x{n:02}', f'Co {n:02}', ApplicationStage.APPLIED, date(2026, 10, 1 + n)) for n in range(30)]
    first = search_applications(many, ApplicationQuery(page_size=25))
    assert (first.total, first.pages, len(first.items), first.span) == (30, 2, 25, '1–25 of 30')
    assert first.items[0].id == 'x29'
    second = search_applications(many, ApplicationQuery(page=2, page_size=25))
    assert [a.id for a in second.items] == ['x04', 'x03', 'x02', 'x01', 'x00']
    assert second.span == '26–30 of 30'
    assert search_applications(many, ApplicationQuery(page=9, page_size=25)).page == 2  # clamped
    assert search_applications(many, ApplicationQuery(text='co 2', page_size=25)).total == 12  # 02, 12, 20–29
