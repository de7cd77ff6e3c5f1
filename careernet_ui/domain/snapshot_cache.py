"""Remembering what was computed from a snapshot of the network, on the snapshot itself.

The store hands out the same ``Network`` object until something is written, so a result computed
from it (the ranked pipeline board, the dashboard's view) stays right until then. Pages that
re-render without a change (another tab, "Show more", a reload) then skip the work. The results
live in the snapshot's ``derived`` memo, so they go with it: no module holds state, and no
result can be served for records it was not computed from.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from .network import Network

K = TypeVar('K', bound=Hashable)
V = TypeVar('V')


class SnapshotCache(Generic[K, V]):
    """A named slot in every snapshot's memo: values computed from that snapshot, by key (e.g. the day).

    The slot itself holds nothing; a module may keep one as a constant.
    """

    def __init__(self, size: int = 4) -> None:
        self._size = size

    def get(self, network: Network, key: K, compute: Callable[[], V]) -> V:
        """The value for ``key`` computed from ``network``: remembered on it, or computed now.

        Args:
            network: The snapshot the value is computed from.
            key: What else the value depends on (the day, typically).
            compute: Computes the value; called only when it is not remembered.

        Returns:
            The value.
        """
        values: dict[K, V] = network.derived.setdefault(self, {})
        if key not in values:
            if len(values) >= self._size:
                del values[next(iter(values))]  # the oldest key
            values[key] = compute()
        return values[key]
