"""The reference brief page under NiceGUI's simulated user."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.domain import Accomplishment, RequestStatus
from tests.ui.helpers import texts
from tests.ui.job_search import DANA, MEI, RELATED, SEEN, JobSearch, application, request, write

INITECH = application('initech', 'Initech', position='Staff Engineer, performance', job_url='https://jobs.example/1',
                      interview_dates=[date(2026, 12, 3)])
BRIEF = '/applications/initech/brief/r-dana'


def stored(path: Path, table: str) -> list[dict[str, object]]:
    """Records in the data file, read with stock TinyDB."""
    return list(TinyDB(path).table(table).all())


@pytest.fixture
def agreed(data_path: Path) -> Path:
    hostile = Accomplishment(id='hostile', title='<b>Shipped</b> <img src=x onerror=alert(1)>', on=date(2026, 2, 1),
                             witness_ids=('dana',))
    write(data_path, JobSearch(applications=[INITECH],
                               requests=[request('r-dana', INITECH, DANA, RequestStatus.AGREED)],
                               accomplishments=[SEEN, RELATED, hostile]))
    return data_path


@pytest.fixture
def only_asked(data_path: Path) -> Path:
    write(data_path, JobSearch(applications=[INITECH], requests=[request('r-dana', INITECH, DANA)]))
    return data_path


async def test_missing_brief(user: User) -> None:
    await user.open('/applications/nope/brief/none')
    await user.should_see('This reference request does not exist')


async def test_the_brief_has_the_position_questions_and_the_witnessed_work_first(agreed: Path, user: User) -> None:
    await user.open(BRIEF)
    await user.should_see('Reference brief for Dana Okafor')
    await user.should_see('Staff Engineer, performance at Initech')
    await user.should_see('https://jobs.example/1')
    assert texts(user, 'brief-date') == ['Applied: 1 Nov 2026', 'Interview: 3 Dec 2026']
    assert texts(user, 'brief-question')[0] == '• How long did you manage them, and in what role?'
    assert texts(user, 'brief-witnessed-item') == ['Cut checkout latency (p95 latency 800 → 120 ms), 1 Mar 2026',
                                                   '<b>Shipped</b> <img src=x onerror=alert(1)>, 1 Feb 2026']
    assert texts(user, 'brief-other-item') == ['Profiled the search API, 1 May 2026']
    (text,) = texts(user, 'brief-text')
    assert text.startswith('Hi Dana,')
    assert text.index('Cut checkout latency') < text.index('Profiled the search API')


async def test_talking_points_are_saved_on_the_request_and_go_into_the_message(agreed: Path, user: User,
                                                                              data_path: Path) -> None:
    await user.open(BRIEF)
    user.find(marker='brief-talking-points').type('The checkout rewrite & <script>alert(1)</script>')
    user.find(marker='brief-save-points').click()
    await user.should_see('Talking points saved.')
    await user.should_see('What I hope comes across:')
    (doc,) = stored(data_path, 'reference_requests')
    assert doc['talking_points'] == 'The checkout rewrite & <script>alert(1)</script>'
    (text,) = texts(user, 'brief-text')
    assert text.endswith('What I hope comes across:\nThe checkout rewrite & <script>alert(1)</script>\n\n'
                         'Thank you again. I will let you know how it goes.')


async def test_the_mail_button_is_a_mailto_link_with_the_text_and_signature(agreed: Path, user: User) -> None:
    await user.open(BRIEF)
    user.find(marker='brief-sign-as').type('Sam Doe')
    await user.should_see('Sam Doe')
    mail = user.find(marker='brief-mailto').elements.pop()
    href = str(mail.props['href'])
    assert href.startswith('mailto:dana@acme.example?subject=Reference%20for%20Staff%20Engineer%2C%20performance')
    assert unquote(href.split('&body=')[1]).endswith('\n\nSam Doe')


async def test_copy_puts_the_text_on_the_clipboard(agreed: Path, user: User) -> None:
    await user.open(BRIEF)
    user.find(marker='brief-copy').click()
    await user.should_see('Copied the brief: paste it into your message.')


async def test_mark_as_sent_sets_briefed_and_logs_the_email(agreed: Path, user: User, data_path: Path) -> None:
    await user.open(BRIEF)
    await user.should_see('Sent it to Dana Okafor?')
    user.find(marker='brief-mark-sent').click()
    await user.should_see('Brief to Dana Okafor marked as sent.')
    await user.should_see('Brief sent on 25 Nov 2026.')
    await user.should_not_see(marker='brief-mark-sent')
    (doc,) = stored(data_path, 'reference_requests')
    assert doc['status'] == 'briefed'
    (logged,) = stored(data_path, 'interactions')
    assert (logged['contact_id'], logged['kind'], logged['on']) == ('dana', 'email', '2026-11-25')


async def test_no_sending_before_the_reference_agreed(only_asked: Path, user: User) -> None:
    await user.open(BRIEF)
    await user.should_see('Dana Okafor has not agreed yet')
    await user.should_not_see(marker='brief-mark-sent')


async def test_sign_as_is_remembered_with_the_signature_from_settings(agreed: Path, user: User,
                                                                      data_path: Path) -> None:
    await user.open('/settings')
    user.find(marker='settings-own-name').type('Sam Doe')
    user.find(marker='settings-signature').type('Staff engineer · sam.example')
    user.find(marker='save-you').click()
    await user.should_see('Saved your name and signature.')
    [settings] = stored(data_path, 'settings')
    assert (settings['own_name'], settings['signature']) == ('Sam Doe', 'Staff engineer · sam.example')
    await user.should_see(f'Data file: {data_path}')
    await user.should_see('Time zone: UTC (set on the Calendar page)')

    await user.open(BRIEF)
    assert user.find(kind=ui.input, marker='brief-sign-as').elements.pop().value == 'Sam Doe'
    assert texts(user, 'brief-text')[0].endswith('\n\nSam Doe\n\nStaff engineer · sam.example')
    user.find(marker='brief-sign-as').clear().type('Samantha Doe')
    await user.should_see('Samantha Doe\n\nStaff engineer')
    [settings] = stored(data_path, 'settings')
    assert settings['own_name'] == 'Samantha Doe'  # the next brief starts from it


@pytest.fixture
def no_email(data_path: Path) -> Path:
    mei = replace(MEI, consent=None)
    write(data_path, JobSearch(contacts=[DANA, mei], applications=[INITECH],
                               requests=[request('r-mei', INITECH, mei, RequestStatus.AGREED)]))
    return data_path


async def test_a_reference_with_no_email_is_offered_to_add_one_instead_of_an_empty_message(
        no_email: Path, user: User) -> None:
    await user.open('/applications/initech/brief/r-mei')
    await user.should_see('No e-mail for Mei Chen:')
    assert user.find(marker='brief-no-email-add').elements.pop().props['href'] == '/contacts/mei'
    await user.should_not_see(marker='brief-mailto')
