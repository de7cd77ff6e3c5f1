"""The history card on /import: a calendar file's preview, adding someone who is not a contact, bad archives."""

from __future__ import annotations

from pathlib import Path

from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB

from tests.importers.linkedin_archive import archive_zip

CALENDAR = Path(__file__).parents[1] / 'importers' / 'history_fixtures' / 'calendars' / 'google-takeout.ics'
WAIT = 100


async def upload(user: User, name: str, data: bytes) -> None:
    element = user.find(marker='history-upload').elements.pop()
    assert isinstance(element, ui.upload)
    await element.handle_uploads([ui.upload.SmallFileUpload(name, 'application/octet-stream', data)])


def stored(path: Path) -> list[dict[str, object]]:
    return [dict(doc) for doc in TinyDB(path).table('contacts').all()]


async def test_a_calendar_preview_offers_to_add_the_people_met_who_are_not_contacts(
    user: User, data_path: Path
) -> None:
    await user.open('/import')
    await upload(user, 'calendar.ics', CALENDAR.read_bytes())

    await user.should_see('calendar.ics: nothing is stored until you confirm.', retries=WAIT)
    await user.should_see('You are sam.rivera@example.com; you are never imported as a contact.')
    await user.should_see('Zed Stranger <zed@stranger.example>: 1, last 11 Sep 2026')
    assert stored(data_path) == []

    # Nobody is a contact yet: Dana (6 meetings), then Mei and Zed (one each, by address).
    assert len(user.find(marker='history-add').elements) == 3
    user.find(marker='history-add-3').click()

    await user.should_see('Added Zed Stranger. Import the file again', retries=WAIT)
    (added,) = stored(data_path)
    assert (added['name'], added['emails'], added['source']) == ('Zed Stranger', ['zed@stranger.example'], 'calendar')


async def test_a_zip_that_is_not_a_linkedin_export_is_refused_on_the_page(user: User, data_path: Path) -> None:
    await user.open('/import')
    await upload(user, 'holiday.zip', archive_zip(files={'notes.txt': b'hello'}))

    await user.should_see('This is not a LinkedIn data export', retries=WAIT)
    assert stored(data_path) == []
