"""Results remembered for the latest network snapshot only."""

from __future__ import annotations

from careernet_ui.domain.network import Network
from careernet_ui.domain.snapshot_cache import SnapshotCache


def test_a_value_is_computed_once_per_snapshot_and_key() -> None:
    calls: list[str] = []
    cache: SnapshotCache[str, str] = SnapshotCache(size=2)

    def compute(value: str) -> str:
        calls.append(value)
        return value.upper()

    first, second = Network(), Network()
    assert cache.get(first, 'a', lambda: compute('a')) == 'A'
    assert cache.get(first, 'a', lambda: compute('again')) == 'A'
    assert calls == ['a']
    assert cache.get(second, 'a', lambda: compute('b')) == 'B'  # a new snapshot: computed anew
    assert cache.get(first, 'a', lambda: compute('c')) == 'C'  # and the old one was forgotten
    assert calls == ['a', 'b', 'c']


def test_only_the_newest_keys_are_kept() -> None:
    cache: SnapshotCache[int, int] = SnapshotCache(size=2)
    network = Network()
    for key in (1, 2, 3):
        cache.get(network, key, lambda k=key: k * 10)  # type: ignore[misc]
    assert cache.get(network, 1, lambda: -1) == -1  # evicted, so computed again
    assert cache.get(network, 3, lambda: -1) == 30
