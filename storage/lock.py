"""One process owns a data file: an exclusive lock on ``<file>.lock`` holding the owner's pid."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DataFileLocked

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class ProcessLock:
    """An advisory lock that the OS releases when the process dies, even on ``kill -9``."""

    def __init__(self, data_file: Path) -> None:
        self.path = data_file.with_name(data_file.name + '.lock')
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise ``DataFileLocked`` naming the process that holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.read(fd, 64).decode('ascii', 'replace').strip() or 'another process'
            os.close(fd)
            raise DataFileLocked(
                f'{self.path.with_suffix("")} is already open in CareerNet (process {holder}). '
                'Close that one first, or pass --data to use another file.'
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode('ascii'))
        self._fd = fd

    def release(self) -> None:
        """Give the lock up; safe to call twice."""
        if self._fd is None:
            return
        os.close(self._fd)
        self._fd = None
        # The lock file stays: unlinking it would let a third process lock a new inode while a
        # second one still holds the old, and two owners is what the lock exists to prevent.
