"""The "Undo" toast and the "Snoozed and dismissed" view on the dashboard, under NiceGUI's simulated user."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User

from careernet_ui.components.undo_toast import UNDO_SECONDS
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
