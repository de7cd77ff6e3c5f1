"""``python app.py import`` and ``export-contacts``, as a person runs them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.cli import main
from tests.services.test_imports import GARBAGE_50_MB, LINKEDIN, NOTED_CSV, SAMPLES, VCARDS


class Terminal(io.StringIO):
    """Standard input that is a terminal, with the user's answers typed in."""

    def isatty(self) -> bool:
        return True


def names(path: Path) -> list[str]:
    return sorted(doc['name'] for doc in TinyDB(path).table('contacts').all())


def test_import_linkedin_with_yes_prints_the_preview_and_the_summary(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(['import', 'linkedin', str(LINKEDIN), '--data', str(data_path), '--yes']) == 0

    out = capsys.readouterr().out.splitlines()
    assert out == [
        'linkedin-Connections.csv: 24 rows read as LinkedIn Connections.csv.',
        'Preview: 24 new, 0 updated, 0 unchanged, 0 possible duplicates, 0 skipped.',
        'Imported 24, updated 0, unchanged 0, skipped 0.',
    ]
    assert len(names(data_path)) == 24
    assert 'Dana Okafor' in names(data_path)


def test_importing_the_same_file_again_changes_nothing(data_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(['import', 'linkedin', str(LINKEDIN), '--data', str(data_path), '--yes'])
    before = data_path.read_bytes()
    capsys.readouterr()

    assert main(['import', 'linkedin', str(LINKEDIN), '--data', str(data_path)]) == 0  # nothing to confirm

    out = capsys.readouterr().out
    assert 'Nothing to import: everyone in the file is already up to date, or skipped.' in out
    assert 'Imported 0, updated 0, unchanged 24, skipped 0.' in out
    assert data_path.read_bytes() == before


def test_without_yes_and_without_a_terminal_it_refuses(data_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr('sys.stdin', io.StringIO('y\n'))  # piped input is not a confirmation

    assert main(['import', 'vcard', str(VCARDS), '--data', str(data_path)]) == 1

    captured = capsys.readouterr()
    assert 'Preview: 4 new' in captured.out
    assert captured.err == ('careernet: Not imported: there is no terminal to confirm on. '
                            'Pass --yes to import without asking.\n')
    assert names(data_path) == []


@pytest.mark.parametrize(('answer', 'code', 'stored'), [('y\n', 0, 4), ('yes\n', 0, 4), ('n\n', 1, 0), ('\n', 1, 0)])
def test_on_a_terminal_it_asks(answer: str, code: int, stored: int, data_path: Path,
                              capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr('sys.stdin', Terminal(answer))

    assert main(['import', 'vcard', str(VCARDS), '--data', str(data_path)]) == code

    out = capsys.readouterr().out
    assert 'Import these contacts? [y/N]' in out
    assert len(names(data_path)) == stored
    assert ('Nothing was imported.' in out) == (stored == 0)


def test_skipped_rows_are_listed_with_their_reasons_and_the_summary_file_has_every_row(
    data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / 'summary.csv'

    main(['import', 'csv', str(SAMPLES / 'template.csv'), '--data', str(data_path), '--yes', '--summary', str(report)])

    out = capsys.readouterr().out
    assert 'Note: ' in out  # the unknown "favourite colour" column
    assert 'Imported 3, updated 0, unchanged 0, skipped 2.' in out  # a role typo keeps the person
    assert '  line 5: (no name): This entry has no name; a contact needs one.' in out
    lines = report.read_text(encoding='utf-8-sig').splitlines()
    assert lines[0] == 'line,name,outcome,detail'
    assert lines[1].startswith('2,Ingrid Berg,imported')
    assert len(lines) == 6


def test_possible_duplicates_are_held_back_unless_included(data_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    main(['import', 'linkedin', str(LINKEDIN), '--data', str(data_path), '--yes'])
    capsys.readouterr()

    main(['import', 'vcard', str(VCARDS), '--data', str(data_path), '--yes'])
    out = capsys.readouterr().out
    assert 'Preview: 1 new, 1 updated, 0 unchanged, 2 possible duplicates, 0 skipped.' in out
    assert 'pass --include-duplicates' in out
    assert 'line 32: José Martín: Possible duplicate of José Martín (Soylent)' in out
    assert names(data_path).count('José Martín') == 1

    main(['import', 'vcard', str(VCARDS), '--data', str(data_path), '--yes', '--include-duplicates'])
    assert names(data_path).count('José Martín') == 2


MALFORMED = {
    'binary': (bytes(range(256)) * 64, 'This is not a text file'),
    'wrong columns': (b'Colour,Size\nred,9\n', 'This CSV is not a contacts file CareerNet knows'),
    'empty': (b'', 'The file is empty'),
    'not UTF-8': ('name,email\nJosé,jose@example.com\n'.encode('cp1252'), 'This file is not UTF-8 text'),
    'a 50 MB file of garbage': (GARBAGE_50_MB, 'The file is 50.0 MB; imports are limited to 20.0 MB.'),
}


@pytest.mark.parametrize('case', MALFORMED)
def test_a_malformed_file_gives_one_clear_line_and_stores_nothing(
    case: str, data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, message = MALFORMED[case]
    bad = tmp_path / 'contacts.csv'
    bad.write_bytes(content)

    assert main(['import', 'csv', str(bad), '--data', str(data_path), '--yes']) == 1

    captured = capsys.readouterr()
    assert captured.err.startswith(f'careernet: {message}')
    assert captured.err.count('\n') == 1
    assert captured.out == ''
    assert names(data_path) == []


def test_a_missing_file_is_named(data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / 'Connections.csv'
    assert main(['import', 'linkedin', str(missing), '--data', str(data_path), '--yes']) == 1
    assert capsys.readouterr().err == f'careernet: Cannot read {missing}: No such file or directory.\n'


@pytest.mark.parametrize('name', ['contacts.csv', 'contacts.vcf'])
def test_exported_contacts_import_back_unchanged(name: str, data_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    main(['import', 'linkedin', str(LINKEDIN), '--data', str(data_path), '--yes'])
    main(['import', 'vcard', str(VCARDS), '--data', str(data_path), '--yes'])
    out = tmp_path / name
    capsys.readouterr()

    assert main(['export-contacts', str(out), '--data', str(data_path)]) == 0
    assert capsys.readouterr().out == f'Exported 25 contacts to {out}.\n'

    fresh = tmp_path / 'fresh.json'
    main(['import', out.suffix.lstrip('.').replace('vcf', 'vcard'), str(out), '--data', str(fresh), '--yes'])
    assert names(fresh) == names(data_path)
    before = data_path.read_bytes()
    main(['import', out.suffix.lstrip('.').replace('vcf', 'vcard'), str(out), '--data', str(data_path), '--yes'])
    assert 'Imported 0, updated 0, unchanged 25, skipped 0.' in capsys.readouterr().out
    assert data_path.read_bytes() == before


def test_the_csv_export_is_spreadsheet_safe(data_path: Path, tmp_path: Path) -> None:
    hostile = tmp_path / 'hostile.csv'
    hostile.write_text('name,organisation\n"=HYPERLINK(""http://evil.example"")",@SUM(A1)\n', encoding='utf-8')
    main(['import', 'csv', str(hostile), '--data', str(data_path), '--yes'])
    out = tmp_path / 'contacts.csv'

    main(['export-contacts', str(out), '--data', str(data_path)])

    row = out.read_text(encoding='utf-8-sig').splitlines()[1]
    assert row.startswith('"\'=HYPERLINK(""http://evil.example"")",,\'@SUM(A1),')


def test_export_contacts_needs_a_known_extension(data_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(['export-contacts', str(tmp_path / 'contacts.xlsx'), '--data', str(data_path)]) == 1
    assert capsys.readouterr().err == (
        'careernet: Cannot tell the format from "contacts.xlsx": name the file .csv or .vcf.\n'
    )


def test_values_the_file_says_differently_are_reported_on_the_console(
    data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 12: merge conflicts were only in the --summary file.
    first = tmp_path / 'first.csv'
    first.write_text('name,email,organisation\nDana Okafor,dana@example.com,Acme Corp\n', encoding='utf-8')
    second = tmp_path / 'second.csv'
    second.write_text('name,email,organisation\nDana Okafor,dana@example.com,Globex\n', encoding='utf-8')
    main(['import', 'csv', str(first), '--data', str(data_path), '--yes'])
    capsys.readouterr()

    main(['import', 'csv', str(second), '--data', str(data_path), '--yes'])

    out = capsys.readouterr().out
    assert '  line 2: Dana Okafor: The file has organisation "Globex"; kept "Acme Corp".' in out


def test_a_long_quoted_field_is_refused_in_one_line_naming_the_flag_then_imported_with_it(
    data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    noted = tmp_path / 'contacts.csv'
    noted.write_bytes(NOTED_CSV)

    assert main(['import', 'csv', str(noted), '--data', str(data_path), '--yes']) == 1
    err = capsys.readouterr().err
    assert err.startswith('careernet: Line 2: a field runs over 30 lines')
    assert err.rstrip('\n').endswith('pass --accept-stray-quotes to import the file as it is.')
    assert err.count('\n') == 1
    assert names(data_path) == []

    assert main(['import', 'csv', str(noted), '--data', str(data_path), '--yes', '--accept-stray-quotes']) == 0
    out = capsys.readouterr().out
    assert 'Note: Line 2: a field runs over 30 lines' in out
    assert sorted(names(data_path)) == ['Dana Okafor', 'Mei Chen']


def test_the_stray_quote_flag_is_explained_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(['import', '--help'])
    assert '--accept-stray-quotes' in capsys.readouterr().out
