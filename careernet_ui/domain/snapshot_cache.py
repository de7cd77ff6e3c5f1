"""Remembering what was computed from the latest snapshot of the network.

The store hands out the same ``Network`` object until something is written, so a result computed
from it (the ranked pipeline board, the dashboard's view) stays right until then. Pages that
re-render without a change (another tab, "Show more", a reload) then skip the work. The cache
holds the snapshot itself, so an identity check cannot be fooled by a reused ``id()``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from .network import Network

K = TypeVar('K', bound=Hashable)
V = TypeVar('V')


class SnapshotCache(Generic[K, V]):
    """Results computed from one snapshot, by key (e.g. the day); a new snapshot empties it."""

    def __init__(self, size: int = 4) -> None:
        self._size = size
        self._network: Network | None = None
        self._values: dict[K, V] = {}

    def get(self, network: Network, key: K, compute: Callable[[], V]) -> V:
        """The value for ``key`` computed from ``network``: remembered, or computed now.

        Args:
            network: The snapshot the value is computed from.
            key: What else the value depends on (the day, typically).
            compute: Computes the value; called only when it is not remembered.

        Returns:
            The value.
        """
        if network is not self._network:
            self._network, self._values = network, {}
        if key not in self._values:
            if len(self._values) >= self._size:
                del self._values[next(iter(self._values))]  # the oldest key
            self._values[key] = compute()
        return self._values[key]
