"""``python app.py import linkedin-archive``, as a person runs it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.cli import main
from tests.importers.linkedin_archive import archive_files, archive_zip, write_archive
from tests.services.test_archive_import import stray_quote_archive


class Terminal(io.StringIO):
    """Standard input that is a terminal, with the user's answers typed in."""

    def isatty(self) -> bool:
        return True


def table(path: Path, name: str) -> list[dict[str, object]]:
    return [dict(doc) for doc in TinyDB(path).table(name).all()]


def test_an_archive_is_previewed_and_stored_with_yes(
    data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_archive(tmp_path / 'Basic_LinkedInDataExport_03-25-2026.zip', folder='Basic_LinkedInDataExport')
    summary = tmp_path / 'summary.csv'

    assert main(['import', 'linkedin-archive', str(archive), '--data', str(data_path), '--yes',
                 '--summary', str(summary)]) == 0

    out = capsys.readouterr().out
    assert 'You are Sam Rivera (linkedin.com/in/sam-rivera-0001)' in out
    assert 'Connections.csv: 5 new contacts' in out
    assert 'Message days: 4' in out
    assert '  Dana Okafor: never → 2026-03-22' in out
    assert 'Kwame Mensah, PhD wrote you a recommendation: consider moving them to Advocate.' in out
    assert 'Imported 5 contacts, 9 interactions, 1 feedback.' in out
    assert len(table(data_path, 'interactions')) == 9
    rows = list(csv.DictReader(io.StringIO(summary.read_text(encoding='utf-8-sig'))))
    assert len(rows) == 10
    assert {row['source'] for row in rows} >= {'linkedin-messages', 'linkedin-recommendations'}


def test_a_second_import_of_the_same_archive_stores_nothing(
    data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_archive(tmp_path / 'archive.zip')
    main(['import', 'linkedin-archive', str(archive), '--data', str(data_path), '--yes'])
    before = data_path.read_bytes()
    capsys.readouterr()

    assert main(['import', 'linkedin-archive', str(archive), '--data', str(data_path)]) == 0

    assert 'Nothing to import' in capsys.readouterr().out
    assert data_path.read_bytes() == before


def test_an_unpacked_folder_is_imported(data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / 'export'
    folder.mkdir()
    for name, data in archive_files().items():
        (folder / name).write_bytes(data)

    assert main(['import', 'linkedin-archive', str(folder), '--data', str(data_path), '--yes']) == 0

    assert len(table(data_path, 'interactions')) == 9


def test_declining_on_the_terminal_stores_nothing(data_path: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr('sys.stdin', Terminal('n\n'))

    assert main(['import', 'linkedin-archive', str(write_archive(tmp_path / 'a.zip')), '--data', str(data_path)]) == 1

    assert 'Nothing was imported.' in capsys.readouterr().out
    assert table(data_path, 'contacts') == []


@pytest.mark.parametrize(('data', 'message'), [
    (archive_zip(files={'notes.txt': b'hello'}), 'not a LinkedIn data export'),
    (archive_zip()[:300], 'not a complete ZIP archive'),
    (archive_zip(files={'../evil.csv': b'x', **archive_files()}), 'points outside the archive'),
])
def test_bad_archives_are_one_clear_line_and_nothing_is_stored(
    data: bytes, message: str, data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / 'bad.zip'
    archive.write_bytes(data)

    assert main(['import', 'linkedin-archive', str(archive), '--data', str(data_path), '--yes']) == 1

    err = capsys.readouterr().err
    assert err.startswith('careernet: ')
    assert message in err
    assert err.count('\n') == 1
    assert table(data_path, 'contacts') == []
    assert table(data_path, 'interactions') == []


def test_import_calendar_adds_meetings_with_contacts_and_lists_the_others(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calendar = Path(__file__).parents[1] / 'importers' / 'history_fixtures' / 'calendars' / 'google-takeout.ics'
    connections = Path(__file__).parents[1] / 'importers' / 'fixtures' / 'linkedin-Connections.csv'
    assert main(['import', 'linkedin', str(connections), '--data', str(data_path), '--yes']) == 0  # Dana's e-mail
    capsys.readouterr()

    assert main(['import', 'calendar', str(calendar), '--data', str(data_path), '--yes']) == 0

    out = capsys.readouterr().out
    assert 'You are sam.rivera@example.com' in out
    assert 'Zed Stranger <zed@stranger.example>: 1, last 2026-09-11' in out
    meetings = [doc for doc in table(data_path, 'interactions') if doc['kind'] == 'meeting']
    assert meetings
    assert {doc['source'] for doc in meetings} == {'calendar'}
    assert main(['import', 'calendar', str(calendar), '--data', str(data_path), '--yes']) == 0
    assert 'Nothing to import' in capsys.readouterr().out


def test_import_mbox_adds_email_days_with_contacts_and_changes_nothing_the_second_time(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixtures = Path(__file__).parents[1] / 'importers' / 'fixtures'
    assert main(['import', 'linkedin', str(fixtures / 'linkedin-Connections.csv'), '--data', str(data_path),
                 '--yes']) == 0
    capsys.readouterr()

    mbox = fixtures.parent / 'history_fixtures' / 'gmail-crlf.mbox'
    assert main(['import', 'mbox', str(mbox), '--data', str(data_path), '--yes']) == 0

    out = capsys.readouterr().out
    assert 'E-mail days: 1' in out
    assert 'Zed Stranger <zed@stranger.example>: 1, last 2026-03-05' in out
    emails = [doc for doc in table(data_path, 'interactions') if doc['kind'] == 'email']
    assert [doc['on'] for doc in emails] == ['2026-03-02']
    assert main(['import', 'mbox', str(mbox), '--data', str(data_path), '--yes']) == 0
    assert 'Nothing to import' in capsys.readouterr().out


def test_an_archive_with_a_stray_quote_is_refused_naming_the_flag_then_imported_with_it(
    data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / 'Basic_LinkedInDataExport_03-25-2026.zip'
    archive.write_bytes(stray_quote_archive())

    assert main(['import', 'linkedin-archive', str(archive), '--data', str(data_path), '--yes']) == 1
    err = capsys.readouterr().err
    assert err.startswith('careernet: Connections.csv: Line 9: a field runs to the end of the file')
    assert err.rstrip('\n').endswith('pass --accept-stray-quotes to import the archive as it is.')
    assert err.count('\n') == 1
    assert table(data_path, 'contacts') == []

    assert main(['import', 'linkedin-archive', str(archive), '--data', str(data_path), '--yes',
                 '--accept-stray-quotes']) == 0
    assert len(table(data_path, 'contacts')) == 4
