"""Backups: only of a file that opened cleanly, atomic and verified, kept by day, week and month."""

from __future__ import annotations

import errno
import json
import os
import stat
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.domain import Contact
from storage import DataFileCorrupt, open_store
from storage.backups import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    backup_folder,
    backups_of,
    list_backups,
    make_backup,
    newest_backup,
)
from storage.durable import TEMP_PREFIX
from tests.storage.faults import Fault, FaultyOS

START = datetime(2025, 1, 1, 9, tzinfo=UTC)


def open_on(path: Path, when: datetime, *, backup: bool = True) -> None:
    store = open_store(path, now=when, backup=backup)
    store.contacts.add(Contact(name=f'Person {when:%Y-%m-%d %H:%M}'))
    store.close()


def test_a_year_of_daily_backups_keeps_7_days_4_weeks_12_months(data_path: Path) -> None:
    data_path.parent.mkdir(parents=True, exist_ok=True)
    data_path.write_text('{}')
    for day in range(400):
        make_backup(data_path, START + timedelta(days=day))
    made = [backup.made.date() for backup in backups_of(data_path)]
    last = (START + timedelta(days=399)).date()
    assert made[-KEEP_DAILY:] == [last - timedelta(days=n) for n in reversed(range(KEEP_DAILY))]
    weeks = {day.isocalendar()[:2] for day in made}
    months = {(day.year, day.month) for day in made}
    assert len(months) == KEEP_MONTHLY  # the newest of each of the last 12 months
    assert len(weeks) >= KEEP_WEEKLY
    assert len(made) <= KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY
    assert made[0] >= last - timedelta(days=366)


def test_ten_runs_in_a_day_make_one_backup_and_keep_the_other_days(data_path: Path) -> None:
    for day in range(3):
        open_on(data_path, START + timedelta(days=day))
    for run in range(10):  # a cron'd command, ten times on day 4
        open_on(data_path, START + timedelta(days=3, minutes=run))
    days = [backup.made.date() for backup in backups_of(data_path)]
    assert days == [(START + timedelta(days=n)).date() for n in range(1, 4)]  # day 0 had no file yet


def test_a_read_only_open_makes_no_backup(data_path: Path) -> None:
    open_on(data_path, START)
    open_on(data_path, START + timedelta(days=1), backup=False)
    assert list_backups(data_path) == []


def test_failed_starts_make_no_backup_and_keep_the_good_one(data_path: Path) -> None:
    open_on(data_path, START)
    open_on(data_path, START + timedelta(days=1))
    good = list_backups(data_path)
    assert len(good) == 1
    data = json.loads(data_path.read_bytes())
    first = next(iter(data['contacts']))
    data['contacts'][first]['stage'] = 'champion'  # a hand edit CareerNet cannot read
    data_path.write_text(json.dumps(data))
    broken = data_path.read_bytes()
    for day in range(2, 14):
        with pytest.raises(DataFileCorrupt) as caught:
            open_store(data_path, now=START + timedelta(days=day))
        assert data_path.read_bytes() == broken
    assert list_backups(data_path) == good
    assert str(good[0]) in str(caught.value)
    assert 'champion' in str(caught.value)


def test_a_backup_that_fails_midway_leaves_no_file_under_a_backups_name(
        data_path: Path, faulty_os: FaultyOS) -> None:
    open_on(data_path, START)
    open_on(data_path, START + timedelta(days=1))
    before = list_backups(data_path)
    faulty_os.arm(Fault('write', 0, errno.ENOSPC))
    open_on(data_path, START + timedelta(days=2))  # the start goes on: the data file is fine
    assert list_backups(data_path) == before
    assert list(backup_folder(data_path).glob(f'{TEMP_PREFIX}*')) == []


def test_the_corrupt_file_message_names_the_newest_backup_that_opens(data_path: Path) -> None:
    open_on(data_path, START)
    open_on(data_path, START + timedelta(days=1))
    (good,) = list_backups(data_path)
    truncated = backup_folder(data_path) / 'careernet-20250105-090000-000000.json'
    truncated.write_bytes(good.read_bytes()[:-30])  # what a copy killed midway used to leave
    assert newest_backup(data_path) == good
    data_path.write_text('{"contacts": {"1": ')
    with pytest.raises(DataFileCorrupt) as caught:
        open_store(data_path)
    assert f'The newest backup is {good}.' in str(caught.value)


def test_backups_of_another_data_file_in_the_folder_are_not_ours(tmp_path: Path) -> None:
    main, work = tmp_path / 'careernet.json', tmp_path / 'careernet-work.json'
    open_on(main, START)
    open_on(main, START + timedelta(days=1))
    ours = list_backups(main)
    for day in range(2, 14):
        open_on(work, START + timedelta(days=day))
    assert list_backups(main) == ours
    assert not set(list_backups(work)) & set(ours)
    assert all(path.name.startswith('careernet-work-') for path in list_backups(work))


def test_a_backup_is_a_private_copy_that_stock_tinydb_opens(data_path: Path) -> None:
    open_on(data_path, START)
    open_on(data_path, START + timedelta(days=1))
    (made,) = list_backups(data_path)
    assert stat.S_IMODE(os.stat(made).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(backup_folder(data_path)).st_mode) == 0o700
    assert len(TinyDB(made).table('contacts')) == 1


def test_a_backup_made_in_the_background_is_of_the_file_before_the_first_write(data_path: Path) -> None:
    open_on(data_path, START)  # the day before: one person in the file
    store = open_store(data_path, now=START + timedelta(days=1), backup_after=0)
    try:
        store.contacts.add(Contact(name='Added right after start'))  # waits for the backup
        newest = list_backups(data_path)[-1]
    finally:
        store.close()

    names = [doc['name'] for doc in TinyDB(newest).table('contacts').all()]
    assert names == [f'Person {START:%Y-%m-%d %H:%M}']
    assert [doc['name'] for doc in TinyDB(data_path).table('contacts').all()][-1] == 'Added right after start'


def test_a_delayed_backup_is_made_by_the_first_write_before_it_changes_the_file(data_path: Path) -> None:
    open_on(data_path, START)
    store = open_store(data_path, now=START + timedelta(days=1), backup_after=600)
    try:
        assert list_backups(data_path) == []  # not begun: its time has not come
        store.contacts.add(Contact(name='Added right after start'))  # makes the backup first
        made = list_backups(data_path)
        store.contacts.add(Contact(name='And another'))
    finally:
        store.close()

    assert list_backups(data_path) == made  # one backup: the timer never fired after the write
    (newest,) = made
    assert [doc['name'] for doc in TinyDB(newest).table('contacts').all()] == [f'Person {START:%Y-%m-%d %H:%M}']
    assert not [thread for thread in threading.enumerate() if thread.name == 'careernet-daily-backup']


def test_a_delayed_backup_still_due_is_made_on_close(data_path: Path) -> None:
    open_on(data_path, START)
    store = open_store(data_path, now=START + timedelta(days=1), backup_after=600)
    store.close()

    (newest,) = list_backups(data_path)
    assert len(TinyDB(newest).table('contacts')) == 1


def test_a_delayed_backup_begins_on_its_own_when_its_time_comes(data_path: Path) -> None:
    open_on(data_path, START)
    store = open_store(data_path, now=START + timedelta(days=1), backup_after=0.05)
    try:
        deadline = time.monotonic() + 10
        while not list_backups(data_path) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(list_backups(data_path)) == 1
    finally:
        store.close()
    assert len(list_backups(data_path)) == 1  # closing does not make a second one
