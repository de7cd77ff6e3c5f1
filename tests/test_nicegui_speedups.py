"""The remembered ``expects_arguments`` gives NiceGUI the answers it would have computed."""

from __future__ import annotations

import functools
import weakref
from typing import Any

import pytest
from nicegui import helpers

from careernet_ui import nicegui_speedups


class Handlers:
    def no_arguments(self) -> None: ...

    def one_argument(self, change: object) -> None: ...

    def optional(self, change: object = None) -> None: ...

    def variadic(self, *args: Any, **kwargs: Any) -> None: ...

    @classmethod
    def class_handler(cls, change: object) -> None: ...


def plain(change: object) -> None: ...


def test_answers_match_nicegui_for_every_kind_of_handler() -> None:
    original = nicegui_speedups._asked
    for _ in range(2):  # the second round answers from memory
        first, second = Handlers(), Handlers()
        for handler in (first.no_arguments, first.one_argument, second.one_argument, first.optional,
                        first.variadic, Handlers.class_handler, plain, lambda: None, lambda change: None,
                        functools.partial(plain, 1)):
            assert nicegui_speedups.expects_arguments(handler) is original(handler), handler


def test_installed_in_the_app_nicegui_uses() -> None:
    nicegui_speedups.install()
    assert helpers.expects_arguments is nicegui_speedups.expects_arguments


def test_asks_once_per_method_not_once_per_element(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []

    def counting(func: Any) -> bool:
        asked.append(func)
        return helpers.functions.expects_arguments(func)

    monkeypatch.setattr(nicegui_speedups, '_asked', counting)
    monkeypatch.setattr(nicegui_speedups, '_answers', weakref.WeakKeyDictionary())

    class Element:
        def _update(self) -> None: ...

    answers = {nicegui_speedups.expects_arguments(Element()._update) for _ in range(100)}
    assert answers == {False}
    assert len(asked) == 1
