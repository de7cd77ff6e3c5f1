"""One application's page: stage, interviews, references and their steps, under NiceGUI's simulated user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.domain import ApplicationStage, RequestStatus
from tests.conftest import TODAY
from tests.ui.helpers import texts
from tests.ui.job_search import ADA, DANA, MEI, TOMASZ, JobSearch, application, request, write

INITECH = application('initech', 'Initech', interview_dates=[date(2026, 12, 3)])


def stored(path: Path, table: str) -> list[dict[str, object]]:
    """Records in the data file, read with stock TinyDB."""
    return list(TinyDB(path).table(table).all())


def status_of(path: Path, request_id: str) -> object:
    return next(doc['status'] for doc in stored(path, 'reference_requests') if doc['id'] == request_id)


def choose(user: User, marker: str, typed: str, label: str) -> None:
    """Search the contact select for ``typed`` and pick ``label``."""
    picker = user.find(marker=marker)
    picker.trigger('inputValue', typed)
    picker.click()
    user.find(label).click()


@pytest.fixture
def fresh_application(data_path: Path) -> Path:
    write(data_path, JobSearch(applications=[INITECH]))
    return data_path


@pytest.fixture
def asked(data_path: Path) -> Path:
    write(data_path, JobSearch(applications=[INITECH], requests=[request('r-dana', INITECH, DANA)]))
    return data_path


@pytest.fixture
def briefed(data_path: Path) -> Path:
    write(data_path, JobSearch(applications=[INITECH], requests=[
        request('r-dana', INITECH, DANA, RequestStatus.AGREED, RequestStatus.BRIEFED)]))
    return data_path


@pytest.fixture
def offer(data_path: Path) -> Path:
    app = application('initech', 'Initech', ApplicationStage.OFFER, introduced_by='ada')
    write(data_path, JobSearch(applications=[app], requests=[
        request('r-dana', app, DANA, RequestStatus.AGREED, RequestStatus.BRIEFED),
        request('r-mei', app, MEI, RequestStatus.AGREED)]))
    return data_path


@pytest.fixture
def dana_asked_often(data_path: Path) -> Path:
    others = [application(f'other{n}', f'Other {n}') for n in range(3)]
    write(data_path, JobSearch(applications=[INITECH, *others],
                               requests=[request(f'busy{n}', app, DANA, asked=TODAY - timedelta(days=10 * n + 1))
                                         for n, app in enumerate(others)]))
    return data_path


async def test_missing_application(user: User) -> None:
    await user.open('/applications/nope')
    await user.should_see('This application does not exist')


async def test_a_new_application_explains_references(fresh_application: Path, user: User) -> None:
    await user.open('/applications/initech')
    await user.should_see('Staff Engineer at Initech')
    await user.should_see('No reference yet.')
    await user.should_see('Nothing due for this application.')
    assert texts(user, 'interview-date') == ['3 Dec 2026']


async def test_expired_consent_is_warned_and_the_reference_can_still_be_added(fresh_application: Path, user: User,
                                                                             data_path: Path) -> None:
    await user.open('/applications/initech')
    choose(user, 'reference-contact', 'mei', 'Mei Chen · Globex (Reference)')
    await user.should_see("Mei Chen's consent to be listed expired on 30 Jun 2026. Ask again before listing them.")
    user.find(marker='add-reference').click()
    await user.should_see('Reference added.')
    await user.should_see(marker='request-name')
    assert texts(user, 'request-name') == ['Mei Chen']
    (doc,) = stored(data_path, 'reference_requests')
    assert (doc['contact_id'], doc['status']) == ('mei', 'asked')
    # Only the steps that may come next are offered.
    await user.should_see(marker='step-agreed')
    await user.should_see(marker='step-declined')
    await user.should_not_see(marker='step-thanked')
    await user.should_not_see(marker='step-briefed')


async def test_valid_consent_gives_no_warning(fresh_application: Path, user: User) -> None:
    await user.open('/applications/initech')
    choose(user, 'reference-contact', 'dana', 'Dana Okafor · Acme (Reference)')
    await user.should_not_see(marker='reference-warning')


async def test_a_heavily_asked_reference_comes_with_a_one_click_alternative(dana_asked_often: Path, user: User,
                                                                           data_path: Path) -> None:
    await user.open('/applications/initech')
    choose(user, 'reference-contact', 'dana', 'Dana Okafor · Acme (Reference)')
    await user.should_see('Dana Okafor was asked three times in the last 90 days; consider giving them a rest.')
    user.find(marker='use-suggestion').click()
    picker = user.find(marker='reference-contact').elements.pop()
    assert isinstance(picker, ui.select)
    assert picker.value == TOMASZ.id
    user.find(marker='add-reference').click()
    await user.should_see('Reference added.')
    added = [doc for doc in stored(data_path, 'reference_requests') if doc['application_id'] == 'initech']
    assert [doc['contact_id'] for doc in added] == ['tomasz']


async def test_a_step_is_dated_and_noted(asked: Path, user: User, data_path: Path) -> None:
    await user.open('/applications/initech')
    user.find(marker='step-agreed-r-dana').click()
    user.find(marker='step-on').clear()
    user.find(marker='step-on').type('2026-11-20')
    user.find(marker='step-note').type('Happy to help.')
    user.find(marker='step-save').click()
    await user.should_see('Dana Okafor: agreed.')
    await user.should_see('20 Nov 2026: Agreed — Happy to help.')
    assert status_of(data_path, 'r-dana') == 'agreed'
    # An agreed reference is to be briefed the day before the interview.
    await user.should_see('Brief Dana Okafor for the Initech Staff Engineer role before your interview on 3 Dec 2026')
    await user.should_see('Due 2 Dec 2026')


async def test_a_future_step_date_is_refused(asked: Path, user: User, data_path: Path) -> None:
    await user.open('/applications/initech')
    user.find(marker='step-agreed-r-dana').click()
    user.find(marker='step-on').clear()
    user.find(marker='step-on').type('2026-12-01')
    user.find(marker='step-save').click()
    await user.should_see('1 Dec 2026 is in the future; record steps once they happen.')
    assert status_of(data_path, 'r-dana') == 'asked'


async def test_employer_contacted_brings_a_thank_you_due_in_two_days(briefed: Path, user: User,
                                                                      data_path: Path) -> None:
    await user.open('/applications/initech')
    user.find(marker='step-employer_contacted-r-dana').click()
    user.find(marker='step-save').click()
    await user.should_see('Thank Dana Okafor for the Initech reference')
    await user.should_see('Due 27 Nov 2026')
    # The step's button names the action, as on introductions; a bare "Thanked" would read as a status.
    assert texts(user, 'step-thanked-r-dana') == ['Mark thanked']
    user.find(marker='followup-action').click()
    user.find(marker='step-save').click()
    await user.should_see('Dana Okafor: thanked.')
    await user.should_not_see('Thank Dana Okafor for the Initech reference')
    assert status_of(data_path, 'r-dana') == 'thanked'
    assert [doc['kind'] for doc in stored(data_path, 'interactions')] == ['thank_you']


async def test_a_step_made_stale_in_another_tab_is_refused_with_the_reason(
        asked: Path, user: User, create_user: Callable[[], User], data_path: Path) -> None:
    await user.open('/applications/initech')
    other_tab = create_user()
    await other_tab.open('/applications/initech')
    other_tab.find(marker='step-declined-r-dana').click()
    other_tab.find(marker='step-save').click()
    await other_tab.should_see('Dana Okafor: declined.')
    user.find(marker='step-agreed-r-dana').click()
    user.find(marker='step-save').click()
    await user.should_see('A request that is "declined" cannot become "agreed"; next can come nothing: it is finished.')
    assert status_of(data_path, 'r-dana') == 'declined'


async def test_closing_asks_to_share_the_outcome_with_every_reference_and_the_advocate(offer: Path, user: User,
                                                                                       data_path: Path) -> None:
    await user.open('/applications/initech')
    await user.should_see('Accepted the offer, or turned it down?')
    user.find(marker='move-stage').click()
    user.find('Accepted').click()
    user.find(marker='move-stage-save').click()
    await user.should_see('Moved to accepted.')
    await user.should_see('Tell Dana Okafor how the Initech application ended (accepted)')
    await user.should_see('Tell Mei Chen how the Initech application ended (accepted)')
    await user.should_see('Tell Ada Lovelace how the Initech application ended (accepted)')
    user.find(marker='followup-action').click()  # the first: Ada, the advocate (sorted by title)
    await user.should_see('Update logged.')
    await user.should_not_see('Tell Ada Lovelace how the Initech application ended (accepted)')
    user.find(marker='step-outcome_shared-r-mei').click()
    user.find(marker='step-save').click()
    await user.should_see('Mei Chen: outcome shared.')
    await user.should_not_see('Tell Mei Chen how the Initech application ended (accepted)')
    assert status_of(data_path, 'r-mei') == 'outcome_shared'
    assert sorted(str(doc['contact_id']) for doc in stored(data_path, 'interactions')) == [ADA.id, MEI.id]


async def test_a_stage_move_before_the_last_one_is_refused(fresh_application: Path, user: User) -> None:
    await user.open('/applications/initech')
    user.find(marker='move-stage').click()
    user.find('Interviewing').click()
    user.find(marker='move-stage-on').clear()
    user.find(marker='move-stage-on').type('2026-10-01')
    user.find(marker='move-stage-save').click()
    await user.should_see('1 Oct 2026 is before the last stage change (1 Nov 2026).')


async def test_interview_dates_are_added_and_removed(fresh_application: Path, user: User, data_path: Path) -> None:
    await user.open('/applications/initech')
    user.find(marker='interview-new').type('next tuesday')
    user.find(marker='interview-add').click()
    await user.should_see('Interview date "next tuesday" is not a date')
    user.find(marker='interview-new').clear()
    user.find(marker='interview-new').type('2026-12-10')
    user.find(marker='interview-add').click()
    await user.should_see(marker='interview-2026-12-10')
    assert texts(user, 'interview-date') == ['3 Dec 2026', '10 Dec 2026']
    assert stored(data_path, 'applications')[0]['interview_dates'] == ['2026-12-03', '2026-12-10']
    user.find(marker='remove-interview-2026-12-03').click()
    await user.should_not_see(marker='interview-2026-12-03')
    assert stored(data_path, 'applications')[0]['interview_dates'] == ['2026-12-10']


async def test_removing_a_reference_asks_first(asked: Path, user: User, data_path: Path) -> None:
    await user.open('/applications/initech')
    user.find(marker='remove-request-r-dana').click()
    await user.should_see('Take Dana Okafor off this application?')
    user.find(marker='confirm-ok').click()
    await user.should_see('Reference removed.')
    assert stored(data_path, 'reference_requests') == []
