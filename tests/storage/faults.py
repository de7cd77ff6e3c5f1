"""A filesystem shim at the storage seam: fail the Nth write, fsync or rename with an errno.

``storage.durable`` reaches the disk only through its module-level ``os``; ``FaultyOS`` stands in
for it, counts the calls that matter and raises ``OSError(errno)`` at the chosen one.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

ERRNOS = {
    'ENOSPC': errno.ENOSPC,
    'EACCES': errno.EACCES,
    'EROFS': errno.EROFS,
    'EIO': errno.EIO,
}
CALLS = ('open', 'write', 'fsync', 'replace')


@dataclass
class Fault:
    """Fail the ``nth`` (0-based) call of ``call`` from now on with ``code``."""

    call: str
    nth: int
    code: int


@dataclass
class FaultyOS:
    """``os`` for ``storage.durable``, with at most one armed fault."""

    real: ModuleType = os
    fault: Fault | None = None
    counts: dict[str, int] = field(default_factory=dict)
    fired: int = 0

    def arm(self, fault: Fault | None) -> None:
        """Fail as ``fault`` says (None: never), counting calls from now."""
        self.fault = fault
        self.counts = {}

    def __getattr__(self, name: str) -> Any:
        real = getattr(self.real, name)
        if name not in CALLS:
            return real

        def call(*args: Any, **kwargs: Any) -> Any:
            seen = self.counts.get(name, 0)
            self.counts[name] = seen + 1
            fault = self.fault
            if fault is not None and fault.call == name and fault.nth == seen:
                self.fault = None
                self.fired += 1
                raise OSError(fault.code, self.real.strerror(fault.code))
            return real(*args, **kwargs)

        return call

