"""One process owns a data file: an exclusive lock on ``<file>.lock`` holding the owner's pid.

POSIX locks with ``flock``; Windows with ``msvcrt.locking`` on one byte far past the pid, so
another process can still read who holds the lock. The OS releases both when the process dies.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import ModuleType

from .errors import DataFileLocked

fcntl: ModuleType | None
msvcrt: ModuleType | None
try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
try:  # Windows
    import msvcrt
except ImportError:
    msvcrt = None

# Where the Windows lock sits: beyond any pid, so the pid at offset 0 stays readable.
WINDOWS_LOCK_OFFSET = 1 << 20


class ProcessLock:
    """An advisory lock that the OS releases when the process dies, even on ``kill -9``."""

    def __init__(self, data_file: Path) -> None:
        self.path = data_file.with_name(data_file.name + '.lock')
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise ``DataFileLocked`` naming the process that holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, 'O_BINARY', 0), 0o600)
        try:
            _lock(fd)
        except OSError:
            os.lseek(fd, 0, os.SEEK_SET)
            holder = os.read(fd, 64).decode('ascii', 'replace').strip('\0 \r\n') or 'another process'
            os.close(fd)
            raise DataFileLocked(
                f'{self.path.with_suffix("")} is already open in CareerNet (process {holder}). '
                'Close that one first, or pass --data to use another file.'
            ) from None
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, str(os.getpid()).encode('ascii'))
        self._fd = fd

    def release(self) -> None:
        """Give the lock up; safe to call twice."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _unlock(fd)
        os.close(fd)
        # The lock file stays: unlinking it would let a third process lock a new inode while a
        # second one still holds the old, and two owners is what the lock exists to prevent.


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    elif msvcrt is not None:
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # raises OSError at once when another process holds it
    else:  # pragma: no cover - neither POSIX nor Windows
        raise DataFileLocked('This system offers no file lock CareerNet knows; it cannot guard the data file.')


def _unlock(fd: int) -> None:
    if fcntl is None and msvcrt is not None:
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):  # closing the file releases it too
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
