"""Results remembered on the network snapshot they were computed from."""

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
    assert cache.get(first, 'a', lambda: compute('c')) == 'A'  # each snapshot keeps its own
    assert calls == ['a', 'b']


def test_two_slots_keep_their_values_apart_on_one_snapshot() -> None:
    one: SnapshotCache[str, str] = SnapshotCache()
    other: SnapshotCache[str, str] = SnapshotCache()
    network = Network()
    assert one.get(network, 'k', lambda: 'one') == 'one'
    assert other.get(network, 'k', lambda: 'other') == 'other'
    assert one.get(network, 'k', lambda: 'again') == 'one'


def test_only_the_newest_keys_are_kept() -> None:
    cache: SnapshotCache[int, int] = SnapshotCache(size=2)
    network = Network()
    for key in (1, 2, 3):
        cache.get(network, key, lambda k=key: k * 10)  # type: ignore[misc]
    assert cache.get(network, 1, lambda: -1) == -1  # evicted, so computed again
    assert cache.get(network, 3, lambda: -1) == 30
