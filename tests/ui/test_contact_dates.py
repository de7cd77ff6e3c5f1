"""The contact page writes dates as every other page does (``wording.day_label``: "4 Nov 2026")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from nicegui.testing import User

from careernet_ui.domain import Contact, Stage, StageChange
from storage import open_store


@pytest.fixture
def dana(data_path: Path) -> Contact:
    """A contact with two stage changes early in a month, stored before the app opens the file."""
    store = open_store(data_path)
    contact = store.contacts.add(Contact(
        name='Dana Okafor', stage=Stage.ADVOCATE, connected_on=date(2025, 3, 7),
        stage_history=(StageChange(on=date(2026, 11, 4), to_stage=Stage.CONTACT),
                       StageChange(on=date(2026, 11, 9), from_stage=Stage.CONTACT, to_stage=Stage.ADVOCATE))))
    store.close()
    return contact


async def test_stage_history_and_connection_use_the_one_date_format(dana: Contact, user: User) -> None:
    await user.open(f'/contacts/{dana.id}')
    await user.should_see('9 Nov 2026: Contact → Advocate')
    await user.should_see('4 Nov 2026: Added as Contact')  # not "04 Nov 2026", as %d printed it
    await user.should_see('Connected on 7 Mar 2025')
    await user.should_not_see('04 Nov 2026: Added as Contact')
