"""The dashboard under NiceGUI's simulated user."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.components.next_action_row import NextActionRow
from careernet_ui.context import AppContext
from storage import Store
from tests.ui.helpers import components, texts
from tests.ui.relationships import Story, write_story


async def test_welcome_for_a_new_user(user: User) -> None:
    await user.open('/')
    await user.should_see('Welcome to CareerNet')
    await user.should_see('0 people in your network')


async def test_counts_per_stage_match_the_data(demo_data: Path, user: User) -> None:
    docs = TinyDB(demo_data).table('contacts').all()
    advocates = sum(1 for d in docs if d['stage'] == 'advocate')
    await user.open('/')
    await user.should_see(f'{len(docs)} people in your network')
    assert texts(user, 'count-advocate') == [str(advocates)]


async def test_navigation_reaches_contacts(user: User) -> None:
    await user.open('/')
    user.find(marker='nav-/contacts').click()
    await user.should_see('No contacts yet')


# --- next actions, suggestions and charts on a small hand-made network (tests/ui/relationships.py) ---


@pytest.fixture
def story(data_path: Path) -> Story:
    return write_story(data_path)


def states(path: Path) -> list[dict[str, Any]]:
    return [dict(doc) for doc in TinyDB(path).table('followup_states').all()]


DANA_CATCH_UP = 'Catch up with Dana Okafor — 74 days since your last coffee'


def rows(user: User) -> list[NextActionRow]:
    """The rows of "Next actions", in page order."""
    return components(user, 'next-action', NextActionRow)


async def test_next_actions_say_who_why_and_how_late(story: Story, user: User) -> None:
    await user.open('/')
    await user.should_see(DANA_CATCH_UP)
    [row] = rows(user)
    assert (row.props['title'], row.props['due']) == (DANA_CATCH_UP, '44 days overdue')
    assert row.props['logLabel'] == 'Log an interaction with Dana Okafor'
    await user.should_see('Advocates: every 30 days. Last contact 12 Sep 2026.')
    assert texts(user, 'next-actions-count') == ['1 overdue']


async def test_snooze_for_a_week_hides_it_and_is_stored(story: Story, user: User, data_path: Path) -> None:
    await user.open('/')
    await user.should_see(DANA_CATCH_UP)
    user.find(marker='next-action').trigger('snooze')
    await user.should_see(marker='snooze-dialog')
    user.find(marker='snooze-7').click()
    await user.should_see('Snoozed until 2 Dec 2026.')
    await user.should_see(marker='next-actions-empty')
    await user.should_not_see(DANA_CATCH_UP)
    [state] = states(data_path)
    assert (state['followup_id'], state['status'], state['until']) == (
        f'keep_in_touch:{story.dana}', 'snoozed', '2026-12-02')


async def test_snooze_until_a_date_refuses_a_past_day(story: Story, user: User, data_path: Path) -> None:
    await user.open('/')
    await user.should_see(DANA_CATCH_UP)
    user.find(marker='next-action').trigger('snooze')
    await user.should_see(marker='snooze-dialog')
    user.find(marker='snooze-until').clear().type('2026-11-20')
    user.find(marker='snooze-save').click()
    await user.should_see('would not hide anything')
    assert states(data_path) == []
    user.find(marker='snooze-until').clear().type('2027-01-15')
    user.find(marker='snooze-save').click()
    await user.should_see('Snoozed until 15 Jan 2027.')
    assert [s['until'] for s in states(data_path)] == ['2027-01-15']


@pytest.mark.parametrize(('button', 'message', 'status'), [
    ('done', 'Marked done.', 'done'),
    ('dismiss', 'Dismissed.', 'dismissed'),
])
async def test_done_and_dismiss_are_stored_and_respected(
    story: Story, user: User, data_path: Path, button: str, message: str, status: str
) -> None:
    await user.open('/')
    await user.should_see(DANA_CATCH_UP)
    user.find(marker='next-action').trigger(button)
    await user.should_see(message)
    await user.should_see(marker='next-actions-empty')
    assert [(s['status'], s['due']) for s in states(data_path)] == [(status, '2026-10-12')]
    await user.open('/')  # a reload still respects it
    await user.should_see(marker='next-actions-empty')


async def test_logging_the_catch_up_from_the_dashboard_clears_it(story: Story, user: User, data_path: Path) -> None:
    await user.open('/')
    user.find(marker='next-action').trigger('log')
    await user.should_see('Log an interaction with Dana Okafor')
    with user.scope(marker='log-dialog'):
        user.find(marker='log-kind').click()
        user.find('Call').click()
        user.find(marker='log-save').click()
    await user.should_see('Logged: Call with Dana Okafor.')
    await user.should_see(marker='next-actions-empty')
    assert states(data_path) == []  # logging resets the cadence; no decision needed
    assert any(d['kind'] == 'call' and d['contact_id'] == story.dana
               for d in TinyDB(data_path).table('interactions').all())


async def test_applying_a_stage_suggestion_moves_the_contact(story: Story, user: User, data_path: Path) -> None:
    await user.open('/')
    await user.should_see('You asked Mei Chen for advice once and for feedback once: mark as Potential advocate?')
    user.find(marker='suggestion-apply').click()
    await user.should_see('Moved Mei Chen to Potential advocate.')
    await user.should_not_see(marker='stage-suggestions')
    [mei] = [d for d in TinyDB(data_path).table('contacts').all() if d['id'] == story.mei]
    assert mei['stage'] == 'potential_advocate'
    assert mei['stage_history'][-1]['note'] == 'Suggested: You asked Mei Chen for advice once and for feedback once'


async def test_charts_and_numbers_show_the_network(story: Story, user: User) -> None:
    await user.open('/')
    await user.should_see(marker='stage-funnel')
    [funnel] = user.find(kind=ui.echart).elements
    await user.should_see(marker='touches-total')  # below the fold: drawn once the page has connected
    assert [(d['name'], d['value']) for d in funnel.options['series'][0]['data']] == [
        ('Contact', 2), ('Potential advocate', 0), ('Reference', 1), ('Advocate', 1)]
    [card] = user.find(marker='touches').elements
    months = [item.props['aria-label'] for item in card.descendants()
              if item.props.get('role') == 'listitem']
    # Sep: Dana's coffee and Mei's advice; Oct: nothing; Nov: Mei's feedback and Priya's call.
    assert len(months) == 12
    assert months[-3:] == ['Sep 26: 2', 'Oct 26: 0', 'Nov 26: 2']
    assert texts(user, 'touches-count')[-3:] == ['2', '0', '2']
    assert texts(user, 'health-share') == ['50%']
    assert texts(user, 'health-detail') == ['1 of 2 references and advocates are within their keep-in-touch cadence.']
    assert texts(user, 'quiet-contact') == ['Dana Okafor', 'Priya Raman']


async def test_counts_per_role_and_recently_edited_people_are_shown(story: Story, user: User) -> None:
    # Issue 12, point 12: both were asked for and had gone from the dashboard.
    await user.open('/')
    await user.should_see('People by role')
    assert list(zip(texts(user, 'role-label'), texts(user, 'role-count'), strict=True)) == [
        ('Supervisor', '1'), ('Colleague', '1'), ('Mentor', '1'), ('Peer', '1')]
    await user.should_see('Recently added or edited')
    assert sorted(texts(user, 'recent-contact')) == ['Dana Okafor', 'Mei Chen', 'Priya Raman', 'Tomasz Nowak']


async def test_the_first_dashboard_is_frozen_out_of_the_collectors_sight(demo_data: Path, user: User) -> None:
    # The server freezes what its first dashboard made (cli._serve), as start-up froze the records:
    # at 30k contacts the collector's passes over it cost more than building the page.
    frozen = gc.get_freeze_count()
    await user.open('/')
    await user.should_see('Next actions')
    assert gc.get_freeze_count() > frozen


def test_the_server_hears_of_its_first_dashboard_once(fresh_store: Store) -> None:
    heard: list[str] = []
    ctx = AppContext(store=fresh_store, after_first_dashboard=lambda: heard.append('first'))
    ctx.dashboard_computed()
    ctx.dashboard_computed()
    assert heard == ['first']
