"""The history card on /import: a calendar file's preview, adding someone who is not a contact, bad archives."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.elements.upload_files import LargeFileUpload
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.domain import Contact, Interaction, InteractionKind
from storage import open_store
from tests.importers.linkedin_archive import archive_zip
from tests.services.test_archive_import import stray_quote_archive

CALENDAR = Path(__file__).parents[1] / 'importers' / 'history_fixtures' / 'calendars' / 'google-takeout.ics'
MBOX = Path(__file__).parents[1] / 'importers' / 'history_fixtures' / 'gmail-crlf.mbox'
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


@pytest.fixture
def dana_data(data_path: Path) -> Path:
    """Dana, with her address and a coffee on 1 Jan 2025, stored before the app opens the file."""
    store = open_store(data_path)
    dana = store.contacts.add(Contact(name='Dana Okafor', emails=('dana.okafor@example.com',)))
    store.interactions.add(Interaction(contact_id=dana.id, kind=InteractionKind.COFFEE, on=date(2025, 1, 1)))
    store.close()
    return data_path


def emails(path: Path) -> list[dict[str, object]]:
    return [dict(doc) for doc in TinyDB(path).table('interactions').all() if doc['kind'] == 'email']


async def test_a_mailbox_is_previewed_stored_and_undone_from_the_page(dana_data: Path, user: User) -> None:
    await user.open('/import')
    await upload(user, 'All mail Including Spam and Trash.mbox', MBOX.read_bytes())

    await user.should_see('All mail Including Spam and Trash.mbox: nothing is stored until you confirm.',
                          retries=WAIT)
    await user.should_see('You are sam.rivera@example.com; you are never imported as a contact.')
    await user.should_see('E-mail days: 1')
    await user.should_see('Dana Okafor: 1 Jan 2025 → 2 Mar 2026')
    await user.should_see('Zed Stranger <zed@stranger.example>: 1, last 5 Mar 2026')
    assert emails(dana_data) == []  # nothing stored before the user confirms

    user.find(marker='history-confirm').click()
    await user.should_see('Imported 1 interactions.', retries=WAIT)
    (stored_email,) = emails(dana_data)
    assert (stored_email['on'], stored_email['source']) == ('2026-03-02', 'mbox')
    await user.should_see('All mail Including Spam and Trash.mbox · 1 interactions')

    user.find(marker='history-undo').click()
    await user.should_see('Import undone: removed 1 interactions', retries=WAIT)
    assert emails(dana_data) == []


async def test_a_large_mailbox_is_streamed_through_a_temporary_file_that_is_deleted(
    dana_data: Path, user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Past NiceGUI's 1 MB spool size the upload is a file on disk; CareerNet copies it chunk by chunk.
    big = tmp_path / 'upload.bin'
    body = b'A long body line that nobody needs, skipped a line at a time.\r\n' * 40_000
    big.write_bytes(MBOX.read_bytes().replace(b'Tuesday works.', body + b'Tuesday works.'))
    assert big.stat().st_size > 2 * 1024 * 1024
    scratch = tmp_path / 'scratch'
    scratch.mkdir()
    monkeypatch.setattr(tempfile, 'tempdir', str(scratch))

    await user.open('/import')
    element = user.find(marker='history-upload').elements.pop()
    assert isinstance(element, ui.upload)
    await element.handle_uploads([LargeFileUpload('mail.mbox', 'application/mbox', big)])

    await user.should_see('Dana Okafor: 1 Jan 2025 → 2 Mar 2026', retries=WAIT)
    assert list(scratch.iterdir()) == []  # the copy is gone once the preview is ready


async def test_a_file_named_mbox_that_is_not_a_mailbox_is_refused_on_the_page(dana_data: Path, user: User) -> None:
    await user.open('/import')
    await upload(user, 'mail.mbox', b'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')

    await user.should_see('This is not a mailbox (.mbox) file', retries=WAIT)
    await user.should_see('Nothing was imported.')
    assert emails(dana_data) == []


async def test_an_archive_is_read_from_a_temporary_copy_that_is_deleted(
    user: User, data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / 'scratch'
    scratch.mkdir()
    monkeypatch.setattr(tempfile, 'tempdir', str(scratch))
    await user.open('/import')
    await upload(user, 'Basic_LinkedInDataExport_03-25-2026.zip', archive_zip())

    await user.should_see('Basic_LinkedInDataExport_03-25-2026.zip: nothing is stored until you confirm.',
                          retries=WAIT)
    assert list(scratch.iterdir()) == []


async def test_an_archive_with_a_stray_quote_names_the_line_and_imports_anyway_after_a_preview(
    user: User, data_path: Path
) -> None:
    await user.open('/import')
    await upload(user, 'Basic_LinkedInDataExport_03-25-2026.zip', stray_quote_archive())

    await user.should_see('Connections.csv in Basic_LinkedInDataExport_03-25-2026.zip: Line 9: a field runs to '
                          'the end of the file', retries=WAIT)
    await user.should_not_see(marker='history-confirm')
    assert stored(data_path) == []

    user.find(marker='history-import-anyway').click()

    await user.should_see('Basic_LinkedInDataExport_03-25-2026.zip: nothing is stored until you confirm.',
                          retries=WAIT)
    await user.should_see('Connections.csv: 4 new contacts')
    assert stored(data_path) == []
    user.find(marker='history-confirm').click()
    await user.should_see('Imported 4 contacts', retries=WAIT)
    assert len(stored(data_path)) == 4
