"""The garbage collector is paused for a block of work and restored after it, whatever happens."""

from __future__ import annotations

import gc
import threading
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


@pytest.mark.parametrize('first_out', ['first in', 'second in'])
def test_pauses_overlapping_on_two_threads_leave_the_collector_enabled(first_out: str) -> None:
    inside = {name: threading.Event() for name in ('first in', 'second in')}
    leave = {name: threading.Event() for name in ('first in', 'second in')}

    def pause(name: str) -> None:
        with collector_paused():
            inside[name].set()
            leave[name].wait(5)

    threads = {name: threading.Thread(target=pause, args=(name,)) for name in inside}
    threads['first in'].start()
    inside['first in'].wait(5)
    threads['second in'].start()
    inside['second in'].wait(5)
    for name in (first_out, *(other for other in inside if other != first_out)):
        leave[name].set()
        threads[name].join(5)
    assert gc.isenabled()


def test_computing_follow_ups_leaves_the_collector_enabled() -> None:
    due_follow_ups(Network(), date(2026, 11, 25))
    assert gc.isenabled()
