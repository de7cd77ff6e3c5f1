"""Goals, progress updates and recommendation letters under NiceGUI's simulated user."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.domain import Accomplishment, Contact, Stage
from careernet_ui.domain.contacts import StageChange
from careernet_ui.domain.goals import Goal
from careernet_ui.domain.letters import RecommendationLetter
from careernet_ui.services.identity import save_identity
from storage import open_store
from tests.conftest import TODAY
from tests.ui.helpers import texts

ADA = Contact(id='ada', name='Ada Lovelace', stage=Stage.ADVOCATE, emails=('ada@example.com',),
              stage_history=(StageChange(on=date(2026, 6, 1), to_stage=Stage.ADVOCATE),))


def stored(path: Path, table: str) -> list[dict[str, object]]:
    return list(TinyDB(path).table(table).all())


@pytest.fixture
def advocate(data_path: Path) -> Path:
    store = open_store(data_path)
    store.contacts.add(ADA)
    store.accomplishments.add(Accomplishment(id='win', title='Cut p95 latency', on=date(2026, 11, 1)))
    store.goals.add(Goal(title='Lead a platform team', target_on=date(2027, 6, 30)))
    store.close()
    return data_path


@pytest.fixture
def odd_letter(data_path: Path) -> Path:
    store = open_store(data_path)
    store.contacts.add(ADA)
    store.letters.add(RecommendationLetter(contact_id='ada', purpose='<b>visa</b>', asked_on=date(2026, 11, 1),
                                           location="letter & ada's (v2).pdf"))
    store.close()
    return data_path


async def test_a_goal_is_set_edited_and_deleted_with_confirmation(user: User, data_path: Path) -> None:
    await user.open('/goals')
    await user.should_see(marker='goals-empty')
    user.find(marker='add-goal').click()
    await user.should_see(marker='goal-dialog')
    user.find(marker='goal-title').type('Lead a platform team')
    user.find(marker='goal-target_on').type('2026-01-01')
    user.find(marker='goal-save').click()
    await user.should_see('has passed; a goal aims at a day still to come.')
    assert stored(data_path, 'goals') == []
    user.find(marker='goal-target_on').clear().type('2027-06-30')
    user.find(marker='goal-save').click()
    await user.should_see('Saved the goal "Lead a platform team".')
    await user.should_not_see(marker='goals-empty')
    assert texts(user, 'goal-title') == ['Lead a platform team']
    assert texts(user, 'goal-target') == ['by 30 Jun 2027']
    [goal] = stored(data_path, 'goals')
    assert (goal['title'], goal['target_on'], goal['status']) == ('Lead a platform team', '2027-06-30', 'open')

    user.find(marker='edit-goal').click()
    await user.should_see(marker='goal-status')
    user.find(kind=ui.select, marker='goal-status').elements.pop().set_value('achieved')
    user.find(marker='goal-save').click()
    await user.should_see('Achieved')
    assert stored(data_path, 'goals')[0]['status'] == 'achieved'

    user.find(marker='delete-goal').click()
    user.find(marker='confirm-cancel').click()
    assert len(stored(data_path, 'goals')) == 1
    user.find(marker='delete-goal').click()
    user.find(marker='confirm-ok').click()
    await user.should_see('Goal deleted.')
    await user.should_see(marker='goals-empty')
    assert stored(data_path, 'goals') == []


async def test_goals_are_in_the_navigation(user: User) -> None:
    await user.open('/')
    user.find(marker='nav-/goals').click()
    await user.should_see(marker='goals-card')


async def test_the_progress_update_link_opens_the_draft_and_mark_sent_records_it(advocate: Path, user: User) -> None:
    await user.open('/goals')
    assert texts(user, 'progress-next') == ['overdue since 30 Aug 2026']  # advocate since 1 Jun, 90 days on
    await user.open('/goals?update=ada')
    await user.should_see(marker='progress-dialog')
    [preview] = texts(user, 'progress-preview')
    assert '- Cut p95 latency (1 Nov 2026)' in preview
    assert '- Lead a platform team (by 30 Jun 2027)' in preview
    mailto = user.find(marker='progress-mailto').elements.pop()
    assert mailto.props['href'].startswith('mailto:ada@example.com?subject=Progress%20update')
    user.find(marker='progress-sent').click()
    await user.should_see('Recorded: progress update sent to Ada Lovelace.')
    [sent] = stored(advocate, 'interactions')
    assert (sent['kind'], sent['on']) == ('update_sent', TODAY.isoformat())
    await user.should_see('nothing new since')
    assert texts(user, 'progress-next') == ['next due 23 Feb 2027']  # 90 days on


async def test_the_progress_update_cadence_is_a_setting(user: User, data_path: Path) -> None:
    await user.open('/settings')
    await user.should_see('Keep advocates informed')
    user.find(marker='progress-update-days').clear()
    user.find(marker='save-progress-update').click()
    await user.should_see('Saved the progress update cadence.')
    [settings] = TinyDB(data_path).table('settings').all()
    assert settings['progress_update_days'] is None


async def test_a_letter_is_asked_for_received_and_thanked_on_the_contact_page(advocate: Path, user: User) -> None:
    await user.open('/contacts/ada')
    await user.should_see(marker='letters-empty')
    user.find(marker='add-letter').click()
    await user.should_see(marker='letter-dialog')
    user.find(marker='letter-purpose').type('MSc application')
    user.find(marker='letter-location').type('javascript:alert(1)')
    user.find(marker='letter-save').click()
    await user.should_see('Where it lives must be a web address')
    assert stored(advocate, 'recommendation_letters') == []
    user.find(marker='letter-location').clear().type('https://drive.example.com/letter')
    user.find(marker='letter-save').click()
    await user.should_see('Saved the letter request for MSc application.')
    await user.should_not_see(marker='letters-empty')
    assert texts(user, 'letter-state') == ['Asked 25 Nov 2026; not received yet.']
    link = user.find(marker='letter-link').elements.pop()
    assert link.props['href'] == 'https://drive.example.com/letter'
    assert 'noopener' in str(link.props.get('rel'))
    user.find(marker='letter-received').click()
    await user.should_see('Asked 25 Nov 2026; received 25 Nov 2026; not thanked yet.')
    await user.should_see('Wrote a recommendation letter for MSc application')  # a touch, on the timeline
    assert texts(user, 'letter-thanked') == ['Mark thanked']
    user.find(marker='letter-thanked').click()
    await user.should_see('Asked 25 Nov 2026; received 25 Nov 2026; thanked 25 Nov 2026.')
    [letter] = stored(advocate, 'recommendation_letters')
    assert (letter['received_on'], letter['thanked_on']) == (TODAY.isoformat(), TODAY.isoformat())
    user.find(marker='delete-letter').click()
    user.find(marker='confirm-ok').click()
    await user.should_see(marker='letters-empty')
    assert stored(advocate, 'recommendation_letters') == []


async def test_a_letter_file_name_is_shown_as_text_not_a_link(odd_letter: Path, user: User) -> None:
    await user.open('/contacts/ada')
    await user.should_see(marker='letters-card')
    assert texts(user, 'letter-purpose') == ['For <b>visa</b>']
    assert texts(user, 'letter-file') == ["File: letter & ada's (v2).pdf"]
    await user.should_not_see(marker='letter-link')


@pytest.fixture
def advocate_without_email(data_path: Path) -> Path:
    store = open_store(data_path)
    save_identity(store, own_name='Sam Doe', signature='Staff engineer · sam.example')
    store.contacts.add(Contact(id='bo', name='Bo Li', stage=Stage.ADVOCATE))
    store.accomplishments.add(Accomplishment(id='win', title='Cut p95 latency', on=date(2026, 11, 1)))
    store.close()
    return data_path


async def test_a_progress_update_is_signed_and_says_where_to_add_a_missing_email(advocate_without_email: Path,
                                                                                 user: User) -> None:
    await user.open('/goals?update=bo')
    await user.should_see(marker='progress-dialog')
    [preview] = texts(user, 'progress-preview')
    assert preview.endswith('Thank you for your support; it means a lot.\n\nSam Doe\n\nStaff engineer · sam.example')
    user.find(marker='progress-personal').clear().type('Quick news.')
    [preview] = texts(user, 'progress-preview')
    assert preview.endswith('Sam Doe\n\nStaff engineer · sam.example')  # the redraft keeps the sign-off
    # No mailto with no recipient: say so, and link to their page to add one.
    await user.should_not_see(marker='progress-mailto')
    await user.should_see('No e-mail for Bo Li:')
    assert user.find(marker='progress-mailto-none-add').elements.pop().props['href'] == '/contacts/bo'
