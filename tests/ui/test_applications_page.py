"""The applications list and the add/edit dialog, under NiceGUI's simulated user."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.domain import ApplicationStage, RequestStatus
from tests.ui.helpers import texts
from tests.ui.job_search import DANA, JobSearch, application, request, write


def stored(path: Path, table: str = 'applications') -> list[dict[str, object]]:
    """Records in the data file, read with stock TinyDB."""
    return list(TinyDB(path).table(table).all())


@pytest.fixture
def people(data_path: Path) -> Path:
    """Contacts only: references and an advocate, no application yet."""
    write(data_path, JobSearch())
    return data_path


@pytest.fixture
def three(data_path: Path) -> Path:
    """Two open applications (one with a reference) and a closed one."""
    search_with_three(data_path)
    return data_path


def search_with_three(path: Path) -> None:
    initech = application('initech', 'Initech')
    write(path, JobSearch(
        applications=[initech, application('globex', 'Globex', ApplicationStage.INTERVIEWING, position='Lead',
                                           moved=date(2026, 11, 20)),
                      application('hooli', 'Hooli', ApplicationStage.REJECTED)],
        requests=[request('r1', initech, DANA, RequestStatus.AGREED)],
    ))


async def test_new_user_sees_how_the_workflow_goes(user: User) -> None:
    await user.open('/applications')
    await user.should_see('No applications yet')
    await user.should_see('Send each reference a brief')
    await user.should_see('Add your first application')


async def test_the_nav_reaches_applications(user: User) -> None:
    await user.open('/contacts')
    user.find(marker='nav-/applications').click()
    await user.should_see('No applications yet')


async def test_add_an_application_through_the_dialog(people: Path, user: User, data_path: Path) -> None:
    await user.open('/applications')
    user.find(marker='add-application').click()
    user.find(marker='application-company').type('Initech')
    user.find(marker='application-position').type('Staff Engineer')
    user.find(marker='application-job_url').type('https://jobs.example/42')
    user.find(marker='application-interview_dates').type('2026-12-03')
    user.find(marker='application-stage').click()
    user.find('Applied').click()
    picker = user.find(marker='application-introduced_by')
    picker.trigger('inputValue', 'ada')
    picker.click()
    user.find('Ada Lovelace · Analytical (Advocate)').click()
    user.find(marker='application-save').click()
    await user.should_see('Saved Staff Engineer at Initech.')
    await user.should_see(marker='references-card')  # the new application's page
    (doc,) = stored(data_path)
    assert (doc['company'], doc['stage'], doc['introduced_by'], doc['interview_dates']) == (
        'Initech', 'applied', 'ada', ['2026-12-03'])
    assert doc['stage_history'] == [{'on': '2026-11-25', 'stage': 'applied'}]


async def test_a_bad_job_link_is_explained_under_the_field_and_nothing_is_stored(user: User, data_path: Path) -> None:
    await user.open('/applications')
    user.find(marker='add-application').click()
    user.find(marker='application-company').type('Initech')
    user.find(marker='application-position').type('Engineer')
    user.find(marker='application-job_url').type('javascript:alert(1)')
    user.find(marker='application-save').click()
    await user.should_see('must be a web address starting with https://')
    job_url = user.find(marker='application-job_url').elements.pop()
    assert job_url.props['error'] is True
    assert stored(data_path) == []


async def test_company_and_position_are_required(user: User, data_path: Path) -> None:
    await user.open('/applications')
    user.find(marker='add-application').click()
    user.find(marker='application-save').click()
    await user.should_see('Company is required.')
    assert stored(data_path) == []


async def test_open_applications_by_default_then_filters(three: Path, user: User, data_path: Path) -> None:
    await user.open('/applications')
    await user.should_see('Lead at Globex')
    assert texts(user, 'application-link') == ['Lead at Globex', 'Staff Engineer at Initech']
    assert texts(user, 'application-references') == ['no references', 'a reference']
    user.find(marker='applications-openness').click()
    user.find('Closed').click()
    await user.should_see('Staff Engineer at Hooli')
    assert texts(user, 'application-link') == ['Staff Engineer at Hooli']
    user.find(marker='applications-openness').click()
    user.find('Open and closed').click()
    await user.should_see('1–3 of 3')
    user.find(marker='applications-search').type('glob')
    await user.should_not_see('Staff Engineer at Hooli')
    assert texts(user, 'application-link') == ['Lead at Globex']
    user.find(marker='applications-search').clear()
    user.find(marker='applications-search').type('nobody')
    await user.should_see('No application matches')


async def test_stage_filter(three: Path, user: User, data_path: Path) -> None:
    await user.open('/applications')
    user.find(marker='applications-stage').click()
    user.find('Interviewing').click()
    await user.should_not_see('Staff Engineer at Initech')
    assert texts(user, 'application-link') == ['Lead at Globex']


async def test_delete_asks_first_and_takes_the_requests(three: Path, user: User, data_path: Path) -> None:
    await user.open('/applications')
    user.find(marker='delete-application-initech').click()
    await user.should_see('Delete Staff Engineer at Initech and its reference request?')
    user.find(marker='confirm-cancel').click()
    assert len(stored(data_path)) == 3
    user.find(marker='delete-application-initech').click()
    user.find(marker='confirm-ok').click()
    await user.should_see('Deleted Staff Engineer at Initech.')
    await user.should_not_see(marker='delete-application-initech')
    assert texts(user, 'application-link') == ['Lead at Globex']
    assert sorted(str(doc['company']) for doc in stored(data_path)) == ['Globex', 'Hooli']
    assert stored(data_path, 'reference_requests') == []


async def test_edit_moves_the_stage_with_a_dated_change(three: Path, user: User, data_path: Path) -> None:
    await user.open('/applications')
    user.find(marker='edit-application-initech').click()
    user.find(marker='application-stage').click()
    user.find('Offer').click()
    user.find(marker='application-notes').type('Panel on Thursday.')
    user.find(marker='application-save').click()
    await user.should_see('Saved Staff Engineer at Initech.')
    await user.should_see('Panel on Thursday.')
    doc = next(d for d in stored(data_path) if d['id'] == 'initech')
    assert doc['stage_history'] == [{'on': '2026-11-01', 'stage': 'applied'},
                                    {'on': '2026-11-25', 'stage': 'offer'}]


@pytest.fixture
def many(data_path: Path) -> Path:
    """40 open applications (Acme 00–39, moved one day apart) and 20 closed ones (Globex 00–19)."""
    opened = [application(f'o{n:02}', f'Acme {n:02}', moved=date(2026, 10, 1) + timedelta(days=n)) for n in range(40)]
    closed = [application(f'c{n:02}', f'Globex {n:02}', ApplicationStage.REJECTED,
                          moved=date(2026, 9, 1) + timedelta(days=n)) for n in range(20)]
    write(data_path, JobSearch(applications=[*opened, *closed],
                               requests=[request('r1', opened[39], DANA, RequestStatus.AGREED)]))
    return data_path


async def test_the_list_pages_on_the_server_and_filters_start_again_from_page_one(many: Path, user: User) -> None:
    await user.open('/applications')
    await user.should_see('1–25 of 40')
    links = texts(user, 'application-link')
    assert links[:2] == ['Staff Engineer at Acme 39', 'Staff Engineer at Acme 38']
    assert len(links) == 25
    assert texts(user, 'application-references')[0] == 'a reference'
    user.find('Next').click()
    await user.should_see('26–40 of 40')
    assert texts(user, 'application-link') == [f'Staff Engineer at Acme {n:02}' for n in range(14, -1, -1)]
    user.find(marker='applications-openness').click()
    user.find('Open and closed').click()
    await user.should_see('1–25 of 60')  # a new filter shows its first page
    assert len(texts(user, 'application-link')) == 25
    user.find('Next').click()
    await user.should_see('26–50 of 60')
    user.find(marker='applications-search').type('globex')
    await user.should_see('1–20 of 20')  # so does a new search
    assert texts(user, 'application-link') == [f'Staff Engineer at Globex {n:02}' for n in range(19, -1, -1)]
    user.find(marker='applications-search').clear()
    user.find(marker='applications-stage').click()
    user.find('Applied').click()
    await user.should_see('1–25 of 40')
    assert len(texts(user, 'application-link')) == 25
