"""Pausing Python's garbage collector around work that builds many long-lived objects.

Loading a data file (94,000 documents at 30,000 contacts) or computing every follow-up (20,000 of
them) allocates hundreds of thousands of objects and no cyclic garbage. The collector counts
those allocations and, every few thousand, walks the young objects, and then, ever more often,
all of them: on a 30k network its passes cost a tenth of start-up (bench/README.md). Pausing it
for the duration loses nothing: what the work leaves behind is collected once it is re-enabled.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the garbage collector for the block (usable as a decorator).

    A pause that began with the collector enabled enables it again when it ends, so nested
    pauses, and pauses on several threads at once (the calendar feed computes on one), always
    leave it enabled; a pause still going on another thread then runs with it on, which costs
    only time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
