"""The "Undo" toast and the "Snoozed and dismissed" view on the dashboard, under NiceGUI's simulated user."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User

from careernet_ui.components.undo_toast import UNDO_SECONDS
from careernet_ui.opening import seed_demo
from storage import open_store
from tests.conftest import TODAY
from tests.services.test_undo import file_contents
from tests.ui.helpers import texts
from tests.ui.relationships import Story, write_story

DANA_CATCH_UP = 'Catch up with Dana Okafor — 74 days since your last coffee'


@pytest.fixture
def story(data_path: Path) -> Story:
    return write_story(data_path)


def table(path: Path, name: str) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text(encoding='utf-8')).get(name, {}).values())


def test_the_toast_stays_at_least_ten_seconds() -> None:
    assert UNDO_SECONDS >= 10


@pytest.mark.parametrize(('button', 'message'), [('done', 'Marked done.'), ('dismiss', 'Dismissed.')])
async def test_undo_in_the_toast_brings_the_action_back(
    story: Story, user: User, data_path: Path, button: str, message: str
) -> None:
    await user.open('/')
    await user.should_see(DANA_CATCH_UP)
    user.find(marker='next-action').trigger(button)
    await user.should_see(marker='next-actions-empty')
    with user.scope(marker='undo-toast'):
        await user.should_see(message)
        user.find(marker='undo-toast-undo').click()
    await user.should_see('Undone.')
    await user.should_see(DANA_CATCH_UP)
    await user.should_not_see(marker='undo-toast')
    assert table(data_path, 'followup_states') == []


async def test_undo_of_a_snooze_from_its_dialog(story: Story, user: User, data_path: Path) -> None:
    await user.open('/')
    user.find(marker='next-action').trigger('snooze')
    user.find(marker='snooze-7').click()
    await user.should_see('Snoozed until 2 Dec 2026.')
    user.find(marker='undo-toast-undo').click()
    await user.should_see(DANA_CATCH_UP)
    assert table(data_path, 'followup_states') == []


async def test_undo_refused_after_an_outside_change_keeps_it(story: Story, user: User, data_path: Path) -> None:
    await user.open('/')
    user.find(marker='next-action').trigger('done')
    await user.should_see(marker='undo-toast')
    tables = json.loads(data_path.read_text(encoding='utf-8'))
    [state] = tables['followup_states'].values()
    state['status'] = 'dismissed'  # decided again on another machine, synced in
    data_path.write_text(json.dumps(tables), encoding='utf-8')
    user.find(marker='undo-toast-undo').click()
    await user.should_see('Cannot undo: the follow-up was changed after that, and undoing would overwrite it.')
    assert [s['status'] for s in table(data_path, 'followup_states')] == ['dismissed']


async def test_snoozed_and_dismissed_are_listed_and_can_be_brought_back(
    story: Story, user: User, data_path: Path
) -> None:
    await user.open('/')
    user.find(marker='next-action').trigger('snooze')
    user.find(marker='snooze-7').click()
    await user.should_see(marker='next-actions-empty')
    await user.should_see(marker='set-aside')
    [section] = user.find(marker='set-aside').elements
    assert isinstance(section, ui.expansion)
    assert section.text == 'Snoozed and dismissed'
    section.set_value(True)  # the simulated user cannot click an expansion's header
    with user.scope(marker='set-aside-row'):
        await user.should_see(DANA_CATCH_UP)
        await user.should_see('Snoozed until 2 Dec 2026 · 44 days overdue')
        user.find(marker='set-aside-bring-back').click()
    await user.should_see(f'Brought back: {DANA_CATCH_UP}')
    await user.should_see(marker='next-action')
    await user.should_see(marker='set-aside-empty')  # the section stayed open, now empty
    assert table(data_path, 'followup_states') == []
    user.find(marker='next-action').trigger('dismiss')
    await user.should_see('Dismissed on 25 Nov 2026 · 44 days overdue')
    assert texts(user, 'set-aside-title') == [DANA_CATCH_UP]


# --- deletes and moves: "Undo" puts every table back as it was (tests/services/test_undo.py has the details) ---


@pytest.fixture
def full_demo(data_path: Path) -> Path:
    store = open_store(data_path)
    seed_demo(store, TODAY)
    store.close()
    return data_path


def witness_with_requests(path: Path) -> str:
    """A contact who witnessed an accomplishment and has a reference request: a delete cascades widely."""
    witnesses = {w for doc in table(path, 'accomplishments') for w in doc['witness_ids']}
    asked = {doc['contact_id'] for doc in table(path, 'reference_requests')}
    return str(sorted(witnesses & asked)[0])


async def undo_in_toast(user: User, message: str) -> None:
    with user.scope(marker='undo-toast'):
        await user.should_see(message)
        user.find(marker='undo-toast-undo').click()
    await user.should_see('Undone.')


async def test_undo_a_contact_delete_from_their_page(full_demo: Path, user: User) -> None:
    before = file_contents(full_demo)
    contact_id = witness_with_requests(full_demo)
    [name] = [doc['name'] for doc in table(full_demo, 'contacts') if doc['id'] == contact_id]
    await user.open(f'/contacts/{contact_id}')
    user.find(marker='delete-contact').click()
    user.find(marker='confirm-ok').click()
    await user.should_see(marker='contacts-search')  # on the list now, the toast with it
    assert file_contents(full_demo) != before
    await undo_in_toast(user, f'Deleted {name}.')
    await user.should_see(marker='delete-contact')  # back on their page
    assert file_contents(full_demo) == before


async def test_undo_an_accomplishment_delete(full_demo: Path, user: User) -> None:
    before = file_contents(full_demo)
    await user.open('/accomplishments')
    user.find(marker='accomplishments-search').type('latency')
    await user.should_see('1–1 of 1')
    user.find(marker='accomplishment-card').trigger('more')
    user.find(marker='accomplishment-edit').click()
    user.find(marker='accomplishment-delete').click()
    user.find(marker='confirm-ok').click()
    await user.should_see('No accomplishment matches')
    await undo_in_toast(user, 'Deleted "')
    await user.should_see('1–1 of 1')
    assert file_contents(full_demo) == before


async def test_undo_an_application_delete_from_the_list_and_from_its_page(full_demo: Path, user: User) -> None:
    before = file_contents(full_demo)
    application_id = table(full_demo, 'reference_requests')[0]['application_id']
    await user.open('/applications')
    await user.should_see(marker=f'delete-application-{application_id}')
    user.find(marker=f'delete-application-{application_id}').click()
    user.find(marker='confirm-ok').click()
    await user.should_not_see(marker=f'delete-application-{application_id}')
    await undo_in_toast(user, 'Deleted ')
    await user.should_see(marker=f'delete-application-{application_id}')
    assert file_contents(full_demo) == before
    await user.open(f'/applications/{application_id}')
    user.find(marker='delete-application').click()
    user.find(marker='confirm-ok').click()
    await user.should_see(marker=f'delete-application-{table(full_demo, "applications")[0]["id"]}')  # the list
    await undo_in_toast(user, 'Deleted ')
    await user.should_see(marker='delete-application')  # back on its page
    assert file_contents(full_demo) == before


async def test_undo_a_request_removal(full_demo: Path, user: User) -> None:
    before = file_contents(full_demo)
    request = table(full_demo, 'reference_requests')[0]
    await user.open(f'/applications/{request["application_id"]}')
    user.find(marker=f'remove-request-{request["id"]}').click()
    user.find(marker='confirm-ok').click()
    await user.should_not_see(marker=f'remove-request-{request["id"]}')
    await undo_in_toast(user, 'Reference removed.')
    await user.should_see(marker=f'remove-request-{request["id"]}')
    assert file_contents(full_demo) == before


async def test_undo_a_move_from_the_dialog(story: Story, user: User, data_path: Path) -> None:
    before = file_contents(data_path)
    await user.open('/pipeline')
    user.find(marker=f'card-{story.mei}').trigger('move')
    with user.scope(marker='move-dialog'):
        user.find(marker='move-stage').click()
        user.find('Potential advocate').click()
        user.find(marker='move-save').click()
    await undo_in_toast(user, 'Moved Mei Chen to Potential advocate.')
    assert file_contents(data_path) == before
    await user.should_see(marker=f'card-{story.mei}')  # the board was redrawn, with Mei back
