"""The garbage collector is paused for a block of work and restored after it, whatever happens."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date

import pytest

from careernet_ui.domain import Network, due_follow_ups
from careernet_ui.domain.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_enabled() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_paused_inside_and_enabled_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer block still owns the pause
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failure_inside_still_restores_the_collector() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError('the work failed')
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_computing_follow_ups_leaves_the_collector_enabled() -> None:
    due_follow_ups(Network(), date(2026, 11, 25))
    assert gc.isenabled()
