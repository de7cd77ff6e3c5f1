"""Introductions on an advocate's page and on an application; the dashboard's job-search widgets."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.domain import ApplicationStage, Introduction, RequestStatus
from tests.conftest import TODAY
from tests.ui.helpers import texts
from tests.ui.job_search import ADA, DANA, MEI, JobSearch, application, request, write

GLOBEX = application('globex', 'Globex', ApplicationStage.INTERVIEWING, position='Lead')


def stored(path: Path, table: str) -> list[dict[str, object]]:
    """Records in the data file, read with stock TinyDB."""
    return list(TinyDB(path).table(table).all())


@pytest.fixture
def introduced(data_path: Path) -> Path:
    write(data_path, JobSearch(applications=[GLOBEX], introductions=[
        Introduction(id='i-globex', advocate_id='ada', on=date(2026, 10, 20), to_whom='the Globex CTO',
                     application_id='globex', outcome='Coffee, then an interview'),
        Introduction(id='i-founder', advocate_id='ada', on=date(2026, 11, 20), to_whom='a founder'),
    ]))
    return data_path


@pytest.fixture
def busy(data_path: Path) -> Path:
    apps = [application(f'a{n}', f'Company {n}') for n in range(3)]
    requests = [request(f'd{n}', app, DANA, asked=TODAY - timedelta(days=5 * n + 1)) for n, app in enumerate(apps)]
    requests.append(request('m0', apps[0], MEI, RequestStatus.AGREED, RequestStatus.BRIEFED))
    write(data_path, JobSearch(applications=[*apps, GLOBEX], requests=requests))
    return data_path


async def test_an_advocate_page_shows_the_doors_they_opened_and_how_far_each_got(introduced: Path, user: User) -> None:
    await user.open(f'/contacts/{ADA.id}')
    await user.should_see('Doors opened')
    assert texts(user, 'door-title') == ['Introduced you to a founder', 'Introduced you to the Globex CTO']
    assert texts(user, 'door-application') == ['Lead at Globex (interviewing)']
    assert texts(user, 'door-outcome') == ['Coffee, then an interview']
    reached = [chip.text for chip in user.find(marker='door-step-reached').elements if isinstance(chip, ui.chip)]
    assert sorted(reached) == sorted(['Introduction', 'Introduction', 'Application', 'Interview'])


async def test_thanking_for_an_introduction(introduced: Path, user: User, data_path: Path) -> None:
    await user.open(f'/contacts/{ADA.id}')
    user.find(marker='thank-introduction').click()  # the first: the founder, newest
    await user.should_see('Thanked on 25 Nov 2026.')  # on the reloaded page
    thanked = {str(doc['id']): doc['thanked_on'] for doc in stored(data_path, 'introductions')}
    assert thanked == {'i-founder': '2026-11-25', 'i-globex': None}
    assert [(doc['contact_id'], doc['kind']) for doc in stored(data_path, 'interactions')] == [('ada', 'thank_you')]


async def test_record_an_introduction_from_the_advocate_page(introduced: Path, user: User, data_path: Path) -> None:
    await user.open(f'/contacts/{DANA.id}')
    await user.should_see('No introduction recorded.')
    user.find(marker='record-introduction').click()
    user.find(marker='introduction-application_id').click()
    user.find('Lead at Globex').click()
    user.find(marker='introduction-save').click()
    await user.should_see(marker='door-application')  # on the reloaded page
    docs = [doc for doc in stored(data_path, 'introductions') if doc['advocate_id'] == 'dana']
    assert [(doc['to_whom'], doc['application_id'], doc['on']) for doc in docs] == [
        ('Lead at Globex', 'globex', '2026-11-25')]


async def test_an_introduction_needs_someone_or_something(introduced: Path, user: User, data_path: Path) -> None:
    await user.open(f'/contacts/{DANA.id}')
    user.find(marker='record-introduction').click()
    user.find(marker='introduction-save').click()
    await user.should_see('Say whom you were introduced to, or choose the application it led to.')
    assert len(stored(data_path, 'introductions')) == 2


async def test_record_an_introduction_from_the_application(introduced: Path, user: User, data_path: Path) -> None:
    await user.open('/applications/globex')
    await user.should_see('introduced you to the Globex CTO on 20 Oct 2026')
    user.find(marker='record-introduction').click()
    picker = user.find(marker='introduction-advocate_id')
    picker.trigger('inputValue', 'mei')
    picker.click()
    user.find('Mei Chen · Globex (Reference)').click()
    user.find(marker='introduction-to_whom').type('the hiring manager')
    user.find(marker='introduction-save').click()
    await user.should_see('Recorded the introduction to the hiring manager.')
    await user.should_see('introduced you to the hiring manager on 25 Nov 2026')
    assert any(doc['advocate_id'] == 'mei' and doc['application_id'] == 'globex'
               for doc in stored(data_path, 'introductions'))


async def test_dashboard_shows_stages_requests_in_flight_and_the_reference_load(busy: Path, user: User) -> None:
    await user.open('/')
    await user.should_see('Active applications')
    assert texts(user, 'active-applied') == ['3']
    assert texts(user, 'active-interviewing') == ['1']
    assert texts(user, 'in-flight-name')[:1] == ['Dana Okafor']
    assert sorted(texts(user, 'in-flight-name')) == ['Dana Okafor', 'Dana Okafor', 'Dana Okafor', 'Mei Chen']
    assert texts(user, 'load-count') == ['three times', 'once']
    await user.should_see('In red: asked three times or more')


@pytest.fixture
def people_only(data_path: Path) -> Path:
    write(data_path, JobSearch())
    return data_path


async def test_dashboard_invites_to_add_an_application(people_only: Path, user: User) -> None:
    await user.open('/')
    await user.should_see('Applying somewhere? Add the application')
    await user.should_not_see('Active applications')
