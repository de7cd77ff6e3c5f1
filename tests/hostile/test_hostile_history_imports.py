"""Hypothesis over the history importers and 'Import anyway': only import errors, nothing invalid stored.

The forms and the contact importers are in ``test_hostile_forms``; these are the other ways in:
a LinkedIn Connections.csv (read anyway when a quote runs away), an archive's messages.csv, a
calendar file and a mailbox, each planned against a contact it can match and stored.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careernet_ui.domain import Contact
from careernet_ui.importers import ImportFormatError
from careernet_ui.importers.errors import StrayQuoteError
from careernet_ui.services.address_import import prepare_calendar, prepare_mbox
from careernet_ui.services.archive_import import PreparedArchive, prepare_archive, store_archive
from careernet_ui.services.imports import apply, prepare
from storage import Store, open_store
from tests.conftest import TODAY
from tests.hostile.test_hostile_forms import EXAMPLES, FIELD, TEXT, assert_all_stored_records_valid
from tests.importers.linkedin_archive import DANA, archive_files, archive_zip

PREAMBLE = 'Notes:\n"When exporting your connection data, you may notice..."\n\n'
LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'


@pytest.fixture(scope='module')
def store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory() as folder:
        opened = open_store(Path(folder) / 'careernet.json')
        opened.contacts.add(Contact(name='Dana Okafor', links=(DANA,), emails=('dana.okafor@example.com',)))
        opened.save_settings(replace(opened.settings, own_emails=('sam.rivera@example.com',)))
        yield opened
        opened.close()


@EXAMPLES
@given(cells=st.lists(st.lists(FIELD, min_size=1, max_size=7), min_size=1, max_size=5))
def test_a_linkedin_export_read_anyway(store: Store, cells: list[list[str]]) -> None:
    rows = '\n'.join(','.join(_quoted(cell) for cell in row) for row in cells)
    data = (PREAMBLE + LINKEDIN_HEADER + rows).encode('utf-8', 'surrogatepass')
    before = len(store.contacts)
    try:
        prepared = prepare('linkedin', data, store.contacts.all(), today=TODAY)
    except StrayQuoteError:
        prepared = prepare('linkedin', data, store.contacts.all(), today=TODAY, accept_stray_quotes=True)
    except ImportFormatError:
        assert len(store.contacts) == before
        return
    apply(store, prepared)
    assert_all_stored_records_valid(store)


@EXAMPLES
@given(title=FIELD, sender=FIELD, content=TEXT, day=FIELD)
def test_an_archive_messages_file(store: Store, title: str, sender: str, content: str, day: str) -> None:
    files = archive_files()
    row = [f'c-{len(title)}', title, sender, f'https://www.{DANA}', 'Sam Rivera',
           'https://www.linkedin.com/in/sam-rivera-0001', day or '2026-03-22 10:00:00 UTC', '', content, 'INBOX', '']
    files['messages.csv'] += ('\r\n' + ','.join(_quoted(cell) for cell in row)).encode('utf-8', 'surrogatepass')
    _store(store, lambda: prepare_archive(archive_zip(files=files), contacts=store.contacts.all(),
                                          interactions=store.interactions.all(), feedback=store.feedback.all(),
                                          settings=store.settings, today=TODAY))


@EXAMPLES
@given(summary=FIELD, name=FIELD, start=FIELD, address=FIELD)
def test_a_calendar_file(store: Store, summary: str, name: str, start: str, address: str) -> None:
    text = ('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:x\r\n'
            f'DTSTART:{start or "20260310T100000Z"}\r\nDTEND:20260310T110000Z\r\nSUMMARY:{summary}\r\n'
            'ORGANIZER:mailto:sam.rivera@example.com\r\n'
            f'ATTENDEE;CN={name}:mailto:{address or "dana.okafor@example.com"}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')
    _store(store, lambda: prepare_calendar(text.encode('utf-8', 'surrogatepass'), contacts=store.contacts.all(),
                                           interactions=store.interactions.all(), settings=store.settings,
                                           today=TODAY))


@EXAMPLES
@given(name=FIELD, subject=FIELD, day=FIELD, extra=FIELD)
def test_a_mailbox(store: Store, tmp_path_factory: pytest.TempPathFactory, name: str, subject: str, day: str,
                   extra: str) -> None:
    text = ('From 1@xxx Mon Mar 02 09:00:00 +0000 2026\r\n'
            f'Date: {day or "Mon, 02 Mar 2026 09:00:00 +0000"}\r\nFrom: {_quoted(name)} <dana.okafor@example.com>\r\n'
            f'To: sam.rivera@example.com\r\nSubject: {subject}\r\n{extra}\r\n\r\nHello.\r\n')
    path = tmp_path_factory.mktemp('mbox') / 'mail.mbox'
    path.write_bytes(text.encode('utf-8', 'surrogatepass'))
    _store(store, lambda: prepare_mbox(path, contacts=store.contacts.all(), interactions=store.interactions.all(),
                                       settings=store.settings, today=TODAY))


def _store(store: Store, prepare_it: Callable[[], PreparedArchive]) -> None:
    before = (len(store.contacts), len(store.interactions), len(store.feedback))
    try:
        prepared = prepare_it()
    except ImportFormatError:
        assert (len(store.contacts), len(store.interactions), len(store.feedback)) == before
        return
    store_archive(store, prepared)
    assert_all_stored_records_valid(store)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n\r') else text
