"""The Settings page's keep-in-touch defaults under NiceGUI's simulated user."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB


def stored_cadence(path: Path) -> dict[str, Any]:
    [settings] = TinyDB(path).table('settings').all()
    return dict(settings['cadence_days'])


async def test_defaults_are_shown_and_an_edit_is_stored(user: User, data_path: Path) -> None:
    await user.open('/settings')
    await user.should_see('Keep in touch')
    assert user.find(kind=ui.input, marker='cadence-advocate').elements.pop().value == '30'
    user.find(marker='cadence-advocate').clear().type('21')
    user.find(marker='cadence-contact').type('180')
    user.find(marker='cadence-reference').clear()
    user.find(marker='save-cadence').click()
    await user.should_see('Saved the keep-in-touch defaults.')
    assert stored_cadence(data_path) == {'contact': 180, 'potential_advocate': 45, 'reference': None,
                                         'advocate': 21}


async def test_a_bad_cadence_is_explained_under_its_field_and_nothing_is_stored(user: User, data_path: Path) -> None:
    await user.open('/settings')
    await user.should_see('Keep in touch')
    before = stored_cadence(data_path)
    user.find(marker='cadence-advocate').clear().type('monthly')
    user.find(marker='cadence-advocate').trigger('keydown.enter')
    await user.should_see('Advocate cadence "monthly" is not a whole number.')
    field = user.find(marker='cadence-advocate').elements.pop()
    assert field.props['error'] is True
    assert stored_cadence(data_path) == before


async def test_settings_are_in_the_navigation(user: User) -> None:
    await user.open('/')
    user.find(marker='nav-/settings').click()
    await user.should_see(marker='settings-cadence')


async def test_a_feedback_cadence_is_set_per_stage_and_stored(user: User, data_path: Path) -> None:
    # Issue 12, point 10: "seek regular feedback" had no prompt; the cadence is the user's to set.
    await user.open('/settings')
    await user.should_see('Seek regular feedback')
    user.find(marker='feedback-advocate').type('180')
    user.find(marker='feedback-reference').type('180')
    user.find(marker='save-feedback-cadence').click()
    await user.should_see('Saved the feedback cadences.')
    [settings] = TinyDB(data_path).table('settings').all()
    assert settings['feedback_days'] == {'contact': None, 'potential_advocate': None, 'reference': 180,
                                         'advocate': 180}
