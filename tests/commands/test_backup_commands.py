"""``python app.py export-json`` and ``restore``, as a person runs them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from careernet_ui.cli import main
from careernet_ui.domain import Contact
from careernet_ui.services.backup import record_count, repositories
from storage import open_store
from tests.services.test_backup import fill


@pytest.fixture
def filled_file(data_path: Path) -> Path:
    store = open_store(data_path)
    fill(store)
    store.close()
    return data_path


def records(path: Path) -> dict[str, list[Any]]:
    store = open_store(path)
    try:
        return {name: repository.all() for name, repository in repositories(store).items()}
    finally:
        store.close()


def test_export_json_then_restore_into_a_new_file(filled_file: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    backup, target = tmp_path / 'backup.json', tmp_path / 'new' / 'careernet.json'

    assert main(['export-json', str(backup), '--data', str(filled_file)]) == 0
    assert main(['restore', str(backup), '--data', str(target)]) == 0

    out = capsys.readouterr().out
    assert f'Backed up {sum(len(r) for r in records(filled_file).values())} records and the settings to' in out
    assert 'Restored 36 contacts, 220 interactions' in out
    assert records(target) == records(filled_file)
    assert len(TinyDB(backup).table('contacts')) == 36  # stock TinyDB reads the backup


def test_the_data_option_defaults_to_careernet_data(filled_file: Path, tmp_path: Path) -> None:
    backup = tmp_path / 'backup.json'
    assert main(['export-json', str(backup)]) == 0  # CAREERNET_DATA points at filled_file
    assert len(json.loads(backup.read_text())['contacts']) == 36


def test_restore_over_records_is_refused_unless_merge(filled_file: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    backup, target = tmp_path / 'backup.json', tmp_path / 'mine.json'
    main(['export-json', str(backup), '--data', str(filled_file)])
    store = open_store(target)
    mine = store.contacts.add(Contact(name='Only Mine'))
    store.close()
    capsys.readouterr()

    assert main(['restore', str(backup), '--data', str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f'careernet: {target.resolve()} already holds 1 record: restoring would mix two networks.')
    assert err.endswith('To merge, run restore again with --merge.\n')
    assert [contact.name for contact in records(target)['contacts']] == ['Only Mine']

    assert main(['restore', str(backup), '--data', str(target), '--merge']) == 0
    assert 'Restored 36 contacts' in capsys.readouterr().out
    after = records(target)['contacts']
    assert len(after) == 37
    assert after[0] == mine


@pytest.mark.parametrize(('content', 'message'), [
    (b'', 'The file is empty'),
    (b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe', 'it is not text'),
    (b'{"contacts": {"1": {"name": ""}}}', 'Record 1 of table "contacts" is invalid: Name is required.'),
    (b'{"_meta": {"1": {"schema_version": 7}}, "contacts": {}}', 'made by a newer CareerNet (schema 7'),
])
def test_a_bad_backup_is_refused_in_one_line_and_nothing_is_stored(
    content: bytes, message: str, data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / 'backup.json'
    backup.write_bytes(content)

    assert main(['restore', str(backup), '--data', str(data_path)]) == 1

    err = capsys.readouterr().err
    assert message in err
    assert err.count('\n') == 1
    assert 'Traceback' not in err
    store = open_store(data_path)
    assert record_count(store) == 0
    store.close()


def test_a_failed_restore_into_a_new_file_leaves_no_file_behind(tmp_path: Path) -> None:
    # Issue 12: the failed restore left an empty data file, which the next run took for a network.
    backup = tmp_path / 'backup.json'
    backup.write_bytes(b'not json')
    data = tmp_path / 'new' / 'careernet.json'
    data.parent.mkdir()
    assert main(['restore', str(backup), '--data', str(data)]) == 1
    assert list(data.parent.iterdir()) == []


def test_a_missing_backup_is_named(data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / 'nope.json'
    assert main(['restore', str(missing), '--data', str(data_path)]) == 1
    assert capsys.readouterr().err == f'careernet: Cannot read {missing}: No such file or directory.\n'


def test_export_json_refuses_to_overwrite_the_data_file(filled_file: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(['export-json', str(filled_file), '--data', str(filled_file)]) == 1
    assert 'is the data file itself' in capsys.readouterr().err
    assert len(records(filled_file)['contacts']) == 36
