"""One measured NiceGUI hot spot, remembered instead of recomputed.

Every NiceGUI element keeps its props, classes and style in observable collections, and each
collection asks ``helpers.expects_arguments`` about its change handler, a method bound to that
element. The answer comes from ``inspect.signature``, three times per element; on the dashboard
and the pipeline that was half of the server's time to build the page (py-spy, 30k network).
A bound method's signature is its function's, minus ``self``, whatever the instance, so the
answer is remembered per function. Any other callable (a lambda, a function, a partial) is still
asked every time, as NiceGUI does.

Seen in NiceGUI 3.18, where PR #6108 had already moved the call from every change to
registration, which is still once per collection of every element.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from nicegui import helpers

_asked = helpers.expects_arguments
_answers: weakref.WeakKeyDictionary[Callable[..., Any], bool] = weakref.WeakKeyDictionary()


def install() -> None:
    """Make NiceGUI remember ``expects_arguments`` for bound methods (idempotent)."""
    helpers.expects_arguments = expects_arguments


def expects_arguments(func: Callable[..., Any]) -> bool:
    """NiceGUI's ``helpers.expects_arguments``, remembered per function for bound methods."""
    function = getattr(func, '__func__', None)
    if function is None:
        return _asked(func)
    answer = _answers.get(function)
    if answer is None:
        answer = _answers[function] = _asked(func)
    return answer
