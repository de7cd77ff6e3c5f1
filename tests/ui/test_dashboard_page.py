"""The dashboard under NiceGUI's simulated user."""

from __future__ import annotations

from pathlib import Path

from nicegui.testing import User
from tinydb import TinyDB

from tests.ui.helpers import texts


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
