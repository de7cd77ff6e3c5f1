"""The export commands only read the data file: no lock, no backup, not a byte changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from careernet_ui.cli import main
from storage import open_store
from storage.backups import list_backups
from storage.read_only import open_read_only
from tests.feed_helpers import seed_demo

EXPORTS = {
    'export-ics': 'careernet.ics',
    'export-contacts': 'contacts.csv',
    'export-accomplishments': 'brag.md',
    'export-json': 'backup.json',
}


@pytest.fixture
def demo_file(data_path: Path) -> Path:
    store = open_store(data_path)
    seed_demo(store, digest_threshold=5)
    store.close()
    return data_path


@pytest.mark.parametrize('command', EXPORTS)
def test_an_export_runs_beside_the_server_and_changes_nothing(demo_file: Path, tmp_path: Path, command: str) -> None:
    before = demo_file.read_bytes()
    out = tmp_path / EXPORTS[command]
    running = open_store(demo_file)  # the server, holding the file's exclusive lock
    backups = list_backups(demo_file)
    try:
        assert main([command, str(out), '--data', str(demo_file)]) == 0
        assert list_backups(demo_file) == backups
    finally:
        running.close()

    assert out.stat().st_size > 0
    assert demo_file.read_bytes() == before


def test_the_feed_marks_an_export_moves_on_are_not_stored_unless_asked(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / 'careernet.ics'
    before = demo_file.read_bytes()

    assert main(['export-ics', str(out), '--data', str(demo_file)]) == 0
    assert demo_file.read_bytes() == before

    assert main(['export-ics', str(out), '--data', str(demo_file), '--store-marks']) == 0
    assert demo_file.read_bytes() != before


def test_a_read_only_store_sees_every_record_and_writes_stay_in_memory(demo_file: Path) -> None:
    owner = open_store(demo_file)
    expected = owner.network()
    owner.close()
    before = demo_file.read_bytes()

    store = open_read_only(demo_file)
    try:
        assert store.network() == expected
        store.contacts.delete(store.contacts.all()[0].id)
        assert len(store.contacts) == len(expected.contacts) - 1
    finally:
        store.close()
    assert demo_file.read_bytes() == before


def test_a_missing_file_reads_as_empty_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / 'none.json'
    store = open_read_only(missing)
    assert len(store.contacts) == 0
    store.close()
    assert not missing.exists()
