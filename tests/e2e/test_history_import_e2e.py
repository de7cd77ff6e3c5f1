"""A LinkedIn archive dropped on /import in a real Chromium: preview, confirm, last contact moves, undo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from careernet_ui.domain import Contact, Interaction, InteractionKind, Stage
from storage import open_store
from tests.e2e.conftest import Server, screenshot, start_server
from tests.importers.linkedin_archive import DANA, write_archive

pytestmark = pytest.mark.e2e

BEFORE = 'Last contact 1 Jan 2025'
AFTER = 'Last contact 22 Mar 2026'


@pytest.fixture
def dana_server(tmp_path: Path) -> Iterator[Server]:
    """app.py serving a network with Dana, last contacted on 1 Jan 2025."""
    data = tmp_path / 'careernet.json'
    store = open_store(data)
    dana = store.contacts.add(Contact(name='Dana Okafor', links=(DANA,), stage=Stage.POTENTIAL_ADVOCATE))
    store.interactions.add(Interaction(contact_id=dana.id, kind=InteractionKind.COFFEE, on=date(2025, 1, 1)))
    store.close()
    running = start_server(data)
    yield running
    running.stop()


def test_an_archive_moves_last_contact_on_the_pipeline_and_undo_moves_it_back(
    dana_server: Server, page: Page, tmp_path: Path
) -> None:
    archive = write_archive(tmp_path / 'Basic_LinkedInDataExport_03-25-2026.zip', folder='Basic_LinkedInDataExport')
    page.goto(dana_server.url + '/pipeline')
    expect(page.get_by_text(BEFORE).first).to_be_visible()

    page.goto(dana_server.url + '/import')
    page.locator('input[type=file]').nth(1).set_input_files(str(archive))
    expect(page.get_by_text('nothing is stored until you confirm')).to_be_visible(timeout=30_000)
    expect(page.get_by_text('Message days: 4')).to_be_visible()
    expect(page.get_by_text('Dana Okafor: 1 Jan 2025 → 22 Mar 2026')).to_be_visible()
    screenshot(page, 'history-import-preview')
    page.get_by_role('button', name='Import this history').click()
    expect(page.get_by_text('Imported 4 contacts')).to_be_visible(timeout=30_000)

    page.goto(dana_server.url + '/pipeline')
    expect(page.get_by_text(AFTER).first).to_be_visible()

    page.goto(dana_server.url + '/import')
    page.get_by_role('button', name='Undo').click()
    expect(page.get_by_text('Import undone')).to_be_visible()
    expect(page.get_by_text('Basic_LinkedInDataExport_03-25-2026.zip · undone')).to_be_visible()

    page.goto(dana_server.url + '/pipeline')
    expect(page.get_by_text(BEFORE).first).to_be_visible()
    expect(page.get_by_text(AFTER)).to_have_count(0)


MBOX = Path(__file__).parents[1] / 'importers' / 'history_fixtures' / 'gmail-crlf.mbox'
MAIL_AFTER = 'Last contact 2 Mar 2026'


@pytest.fixture
def dana_mail_server(tmp_path: Path) -> Iterator[Server]:
    """app.py serving Dana with her e-mail address, last contacted on 1 Jan 2025."""
    data = tmp_path / 'careernet.json'
    store = open_store(data)
    dana = store.contacts.add(Contact(name='Dana Okafor', emails=('dana.okafor@example.com',),
                                      stage=Stage.POTENTIAL_ADVOCATE))
    store.interactions.add(Interaction(contact_id=dana.id, kind=InteractionKind.COFFEE, on=date(2025, 1, 1)))
    store.close()
    running = start_server(data)
    yield running
    running.stop()


def test_a_mailbox_moves_last_contact_on_the_pipeline_and_undo_moves_it_back(
    dana_mail_server: Server, page: Page, tmp_path: Path
) -> None:
    mailbox = tmp_path / 'All mail Including Spam and Trash.mbox'
    mailbox.write_bytes(MBOX.read_bytes())
    page.goto(dana_mail_server.url + '/pipeline')
    expect(page.get_by_text(BEFORE).first).to_be_visible()

    page.goto(dana_mail_server.url + '/import')
    page.locator('input[type=file]').nth(1).set_input_files(str(mailbox))
    expect(page.get_by_text('nothing is stored until you confirm')).to_be_visible(timeout=30_000)
    expect(page.get_by_text('E-mail days: 1')).to_be_visible()
    expect(page.get_by_text('Dana Okafor: 1 Jan 2025 → 2 Mar 2026')).to_be_visible()
    screenshot(page, 'history-import-mbox-preview')
    page.get_by_role('button', name='Import this history').click()
    expect(page.get_by_text('Imported 1 interactions')).to_be_visible(timeout=30_000)

    page.goto(dana_mail_server.url + '/pipeline')
    expect(page.get_by_text(MAIL_AFTER).first).to_be_visible()

    page.goto(dana_mail_server.url + '/import')
    page.get_by_role('button', name='Undo').click()
    expect(page.get_by_text('Import undone')).to_be_visible()
    expect(page.get_by_text('All mail Including Spam and Trash.mbox · undone')).to_be_visible()

    page.goto(dana_mail_server.url + '/pipeline')
    expect(page.get_by_text(BEFORE).first).to_be_visible()
    expect(page.get_by_text(MAIL_AFTER)).to_have_count(0)
