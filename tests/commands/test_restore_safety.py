"""``restore`` is one write: killed midway it leaves nothing; without BACKUP it lists the rolling backups."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.cli import main
from careernet_ui.demo import generate_network
from careernet_ui.domain import Contact
from careernet_ui.services.seed import add_network
from storage import open_store
from storage.backups import list_backups
from tests.conftest import TODAY
from tests.storage.test_crash_safety import app_env

ROOT = Path(__file__).resolve().parents[2]


def big_backup(tmp_path: Path) -> tuple[Path, int]:
    """A backup of a network large enough that restoring it takes a while; and its record count."""
    source = tmp_path / 'source.json'
    store = open_store(source)
    add_network(store, generate_network(TODAY, contacts=3000, interactions=20000))
    store.close()
    backup = tmp_path / 'backup.json'
    assert main(['export-json', str(backup), '--data', str(source)]) == 0
    tables = TinyDB(backup).tables()
    return backup, sum(len(TinyDB(backup).table(name)) for name in tables if name not in ('_meta', 'settings'))


def test_a_restore_killed_midway_leaves_none_of_it(tmp_path: Path) -> None:
    backup, total = big_backup(tmp_path)
    outcomes = set()
    for attempt in range(5):
        target = tmp_path / f'target-{attempt}.json'
        process = subprocess.Popen([sys.executable, 'app.py', 'restore', str(backup), '--data', str(target)],
                                   cwd=ROOT, env=app_env(target), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.6 + 0.4 * attempt)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        db = TinyDB(target)
        stored = sum(len(db.table(name)) for name in db.tables() if name not in ('_meta', 'settings'))
        db.close()
        assert stored in (0, total)  # all of the backup or none of it, never some tables
        outcomes.add(stored)
    assert 0 in outcomes  # the kill did land before the write at least once


def test_restore_without_a_backup_lists_the_rolling_ones(data_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start = datetime(2026, 3, 1, 9, tzinfo=UTC)
    for day in range(3):
        store = open_store(data_path, now=start + timedelta(days=day))
        store.contacts.add(Contact(name=f'Person {day}'))
        store.close()
    capsys.readouterr()
    assert main(['restore', '--data', str(data_path)]) == 0
    out = capsys.readouterr().out
    made = list_backups(data_path)
    assert len(made) == 2
    assert out.index(str(made[1])) < out.index(str(made[0]))  # newest first
    assert '2026-03-03 09:00 UTC' in out


def test_a_rolling_backup_restores_into_a_new_file(data_path: Path, tmp_path: Path) -> None:
    start = datetime(2026, 3, 1, 9, tzinfo=UTC)
    for day in range(2):
        store = open_store(data_path, now=start + timedelta(days=day))
        store.contacts.add(Contact(name=f'Person {day}'))
        store.close()
    (backup,) = list_backups(data_path)
    target = tmp_path / 'restored.json'
    assert main(['restore', str(backup), '--data', str(target)]) == 0
    assert [doc['name'] for doc in TinyDB(target).table('contacts').all()] == ['Person 0']


def test_restore_without_a_backup_offers_sync_conflict_copies(data_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    open_store(data_path).close()
    copy = data_path.with_name('careernet.sync-conflict-20261204-101500-ABCDEFG.json')
    copy.write_text('{}')
    capsys.readouterr()
    assert main(['restore', '--data', str(data_path)]) == 0
    out = capsys.readouterr().out
    assert 'Sync conflict copies' in out
    assert str(copy) in out
    assert '--merge' in out
