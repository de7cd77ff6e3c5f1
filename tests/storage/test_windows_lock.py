"""The lock on Windows: ``msvcrt.locking`` (simulated here, where only POSIX runs), not nothing at all."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import storage.lock
from storage import DataFileLocked
from storage.lock import WINDOWS_LOCK_OFFSET, ProcessLock


@dataclass
class FakeMsvcrt:
    """``msvcrt.locking`` as Windows behaves: one holder per byte of a file, refused at once to another."""

    LK_UNLCK: int = 0
    LK_NBLCK: int = 2
    held: dict[tuple[int, int], int] = field(default_factory=dict)  # (inode, offset) -> fd
    calls: list[tuple[int, int]] = field(default_factory=list)  # (mode, offset)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((mode, offset))
        key = (os.fstat(fd).st_ino, offset)
        if mode == self.LK_UNLCK:
            self.held.pop(key, None)
            return
        if key in self.held and self.held[key] != fd:
            raise OSError(errno.EACCES, 'Permission denied')
        self.held[key] = fd


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(storage.lock, 'fcntl', None)
    monkeypatch.setattr(storage.lock, 'msvcrt', fake)
    return fake


def test_a_second_owner_is_refused_with_the_holders_pid(windows: FakeMsvcrt, data_path: Path) -> None:
    first = ProcessLock(data_path)
    first.acquire()
    try:
        with pytest.raises(DataFileLocked, match=f'process {os.getpid()}'):
            ProcessLock(data_path).acquire()
    finally:
        first.release()
    assert (windows.LK_NBLCK, WINDOWS_LOCK_OFFSET) in windows.calls


def test_the_lock_is_free_again_after_release(windows: FakeMsvcrt, data_path: Path) -> None:
    first = ProcessLock(data_path)
    first.acquire()
    first.release()
    second = ProcessLock(data_path)
    second.acquire()
    second.release()
    assert (windows.LK_UNLCK, WINDOWS_LOCK_OFFSET) in windows.calls
