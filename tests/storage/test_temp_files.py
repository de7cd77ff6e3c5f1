"""Temp files belong to one data file and one writer: a start removes only stale ones of its own file."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import storage.durable
from careernet_ui.domain import Contact
from storage import Store, open_store
from storage.durable import TEMP_PREFIX
from tests.storage.faults import Fault, FaultyOS


def gone_pid() -> int:
    """The id of a process that has exited."""
    done = subprocess.run([sys.executable, '-c', 'import os; print(os.getpid())'],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_a_start_removes_stale_temp_files_of_its_file_only(tmp_path: Path) -> None:
    data = tmp_path / 'careernet.json'
    stale = tmp_path / f'{TEMP_PREFIX}careernet.json-{gone_pid()}-0'
    running_writer = tmp_path / f'{TEMP_PREFIX}careernet.json-{os.getppid()}-0'  # a live process
    other_file = tmp_path / f'{TEMP_PREFIX}careernet-work.json-{gone_pid()}-0'
    for temp in (stale, running_writer, other_file):
        temp.write_text('{"half": ')
    open_store(data).close()
    assert not stale.exists()
    assert running_writer.exists()
    assert other_file.exists()


def test_opening_a_second_data_file_mid_write_of_the_first_does_not_break_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two instances, two files, one folder: the start of one never deletes the other's temp file."""
    first = open_store(tmp_path / 'careernet.json')
    second: list[Store] = []
    started: list[bool] = []

    class StartOtherBeforeRename(FaultyOS):
        def __getattr__(self, name: str) -> Any:
            if name == 'replace' and not started:
                def replace(source: str, target: str) -> None:
                    started.append(True)
                    second.append(open_store(tmp_path / 'careernet-work.json'))  # its start runs now
                    os.replace(source, target)
                return replace
            return super().__getattr__(name)

    monkeypatch.setattr(storage.durable, 'os', StartOtherBeforeRename())
    first.contacts.add(Contact(name='Dana'))  # before: FileNotFoundError at the rename
    assert [c.name for c in first.contacts] == ['Dana']
    first.close()
    second[0].close()


def test_a_failed_write_removes_its_own_temp_file(fresh_store: Store, data_path: Path, faulty_os: FaultyOS) -> None:
    for call in ('write', 'fsync', 'replace'):
        faulty_os.arm(Fault(call, 0, errno.ENOSPC))
        with pytest.raises(OSError):
            fresh_store.contacts.add(Contact(name='Dana'))
        assert list(data_path.parent.glob(f'{TEMP_PREFIX}*')) == []
