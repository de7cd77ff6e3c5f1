"""The contact page's keep-in-touch card, log dialog and timeline under NiceGUI's simulated user."""

from __future__ import annotations

from pathlib import Path

import pytest
from nicegui.elements.mixins.text_element import TextElement
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.domain import Contact
from tests.ui.helpers import texts
from tests.ui.job_search import JobSearch, write
from tests.ui.relationships import Story, write_story


@pytest.fixture
def story(data_path: Path) -> Story:
    return write_story(data_path)


def interactions_of(path: Path, contact_id: str) -> list[dict[str, str]]:
    return [d for d in TinyDB(path).table('interactions').all() if d['contact_id'] == contact_id]


async def open_log_dialog(user: User, contact_id: str) -> None:
    await user.open(f'/contacts/{contact_id}')
    user.find(marker='log-interaction').click()
    await user.should_see(marker='log-dialog')


async def test_timeline_lists_interactions_and_stage_changes_newest_first(story: Story, user: User) -> None:
    await user.open(f'/contacts/{story.mei}')
    await user.should_see(marker='contact-timeline')
    assert texts(user, 'timeline-entry') == [
        '5 Nov 2026 · Feedback asked',
        '26 Sep 2026 · Advice asked',
        '25 Nov 2025 · Added as Contact',
    ]


async def test_a_new_contact_has_an_empty_timeline_that_says_what_to_do(story: Story, user: User) -> None:
    await user.open(f'/contacts/{story.tomasz}')
    await user.should_see('Added as Contact')
    assert texts(user, 'contact-next-due') == ['No keep-in-touch reminder: set a cadence to get one.']
    assert texts(user, 'contact-last-contact') == ['Never contacted.']


async def test_logging_a_coffee_moves_the_next_due_date_and_joins_the_timeline(
    story: Story, user: User, data_path: Path
) -> None:
    await user.open(f'/contacts/{story.dana}')
    await user.should_see('Next catch-up 12 Oct 2026: 44 days overdue')
    user.find(marker='log-interaction').click()
    with user.scope(marker='log-dialog'):
        user.find(marker='log-kind').click()
        user.find('Coffee').click()
        user.find(marker='log-note').type('Talked about the platform org.')
        user.find(marker='log-save').click()
    await user.should_see('Logged: Coffee with Dana Okafor.')
    await user.should_see('Next catch-up 25 Dec 2026: due in 30 days')
    assert texts(user, 'contact-last-contact') == ['Last contact 25 Nov 2026 — Coffee']
    assert texts(user, 'timeline-entry')[0] == '25 Nov 2026 · Coffee'
    await user.should_see('Talked about the platform org.')
    assert len(interactions_of(data_path, story.dana)) == 2


async def test_the_stage_change_from_the_pipeline_shows_on_the_timeline(story: Story, user: User) -> None:
    await user.open('/pipeline')
    user.find(marker=f'card-{story.tomasz}').trigger('move')  # the card's "Move to…"
    with user.scope(marker='move-dialog'):
        user.find(marker='move-stage').click()
        user.find('Potential advocate').click()
        user.find(marker='move-save').click()
    await user.should_see('Moved Tomasz Nowak to Potential advocate.')
    await user.open(f'/contacts/{story.tomasz}')
    await user.should_see(marker='contact-timeline')
    assert texts(user, 'timeline-entry')[0] == '25 Nov 2026 · Moved from Contact to Potential advocate'
    # Potential advocates have a cadence (45 days), counted from the move.
    assert texts(user, 'contact-next-due') == ['Next catch-up 9 Jan 2027: due in 45 days']


async def test_an_empty_kind_is_refused_and_nothing_is_stored(story: Story, user: User, data_path: Path) -> None:
    await open_log_dialog(user, story.tomasz)
    user.find(marker='log-save').click()
    await user.should_see('Choose what kind of interaction it was')
    assert user.find(marker='log-kind').elements.pop().props['error'] is True
    assert interactions_of(data_path, story.tomasz) == []


async def test_a_date_in_2999_is_refused_and_nothing_is_stored(story: Story, user: User, data_path: Path) -> None:
    await open_log_dialog(user, story.tomasz)
    with user.scope(marker='log-dialog'):
        user.find(marker='log-kind').click()
        user.find('Call').click()
        user.find(marker='log-date').clear().type('2999-01-01')
        user.find(marker='log-date').trigger('keydown.enter')
    await user.should_see('Date 2999-01-01 is in the future; use a date on or before 2026-11-25.')
    date_input = user.find(marker='log-date').elements.pop()
    assert date_input.props['error-message'] == 'Date 2999-01-01 is in the future; use a date on or before 2026-11-25.'
    await user.should_see(marker='log-dialog')  # still open, so nothing typed is lost
    assert interactions_of(data_path, story.tomasz) == []


async def test_a_100_kb_note_is_refused_and_nothing_is_stored(story: Story, user: User, data_path: Path) -> None:
    await open_log_dialog(user, story.tomasz)
    with user.scope(marker='log-dialog'):
        user.find(marker='log-kind').click()
        user.find('Email').click()
        user.find(marker='log-note').type('x' * 100_000)
        user.find(marker='log-save').click()
    await user.should_see('Note is 100,000 characters long; the limit is 20,000.')
    assert interactions_of(data_path, story.tomasz) == []


async def test_a_date_that_is_not_a_date_is_explained(story: Story, user: User, data_path: Path) -> None:
    await open_log_dialog(user, story.tomasz)
    with user.scope(marker='log-dialog'):
        user.find(marker='log-kind').click()
        user.find('Call').click()
        user.find(marker='log-date').clear().type('last tuesday')
        user.find(marker='log-save').click()
    await user.should_see('Date "last tuesday" is not a date; use YYYY-MM-DD')
    assert interactions_of(data_path, story.tomasz) == []


async def test_an_introduction_logged_with_whom_shows_in_doors_opened_at_once(story: Story, user: User,
                                                                             data_path: Path) -> None:
    # Issue 12, point 4: one action records what it implies, and the page shows it without a reload.
    await open_log_dialog(user, story.dana)
    await user.should_see(marker='doors-empty')
    with user.scope(marker='log-dialog'):
        user.find(marker='log-kind').click()
        user.find('Introduction made').click()
        user.find(marker='log-to-whom').type('Lee at Globex')
        user.find(marker='log-save').click()
    await user.should_see('Logged: Introduction made with Dana Okafor.')
    await user.should_not_see(marker='doors-empty')
    await user.should_see('Lee at Globex')
    assert texts(user, 'contact-last-contact') == ['Last contact 25 Nov 2026 — Introduction made']
    [introduction] = TinyDB(data_path).table('introductions').all()
    assert (introduction['advocate_id'], introduction['to_whom']) == (story.dana, 'Lee at Globex')


@pytest.fixture
def job_search(data_path: Path) -> Path:
    write(data_path, JobSearch())
    return data_path


async def test_the_contact_page_writes_dates_as_every_other_page_does(job_search: Path, user: User) -> None:
    await user.open('/contacts/mei')
    # "1 Jan 2025", as day_label writes dates everywhere: not "01 Jan 2025".
    assert texts(user, 'contact-consent') == ['OK to list as a reference since 1 Jan 2025 until 30 Jun 2026 (expired).']


@pytest.fixture
def mixed_scripts(data_path: Path) -> Path:
    write(data_path, JobSearch(contacts=[Contact(id='rana', name='Rana Haddad', title='مهندسة برمجيات',
                                                 organisation='אקמה בע"מ')]))
    return data_path


async def test_an_arabic_title_beside_a_hebrew_organisation_are_isolated(mixed_scripts: Path, user: User) -> None:
    # One string "title · organisation" is laid out as one right-to-left run: each part is a <bdi> of its own.
    for page, marker in (('/contacts', 'contact-details'), ('/contacts/rana', 'contact-subtitle')):
        await user.open(page)
        [line] = user.find(marker=marker).elements
        parts = [(child.tag, child.text) for child in line.default_slot.children if isinstance(child, TextElement)]
        assert parts == [('bdi', 'مهندسة برمجيات'), ('span', ' · '), ('bdi', 'אקמה בע"מ')]
