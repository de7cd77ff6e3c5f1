"""Filtering the applications list."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Application, ApplicationStage, ApplicationStageChange
from careernet_ui.domain.application_search import ApplicationQuery, Openness, find_applications


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
