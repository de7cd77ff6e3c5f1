"""Every use of a NiceGUI or Quasar private, in one place: after a NiceGUI upgrade, check this file.

Each entry names what it relies on; ``tests/test_nicegui_compat.py`` exercises each against a
running app (NiceGUI's ``user`` fixture), so an upgrade that breaks one fails a test here.

* :class:`ReadAs`: the simulated user (``nicegui.testing``) reads an element's text through the
  private ``Element._displayed_contents``; components drawn from props say what a person sees.
* :func:`remember_handler_signatures`: replaces ``nicegui.helpers.expects_arguments`` with a
  version that remembers its answer for bound methods (half the server's time to build the
  dashboard went to ``inspect.signature``; see ``bench/README.md`` and the upstream note).
* :func:`esm_module_url`: the ``/_nicegui/{version}/esm/{key}/index.js`` address NiceGUI's import
  map gives a module registered with ``esm={...}``, to preload it.
* :func:`page_layout`: the client's private ``layout`` (Quasar's ``q-layout``), to put an element
  outside the page container, as NiceGUI's own ``ui.header`` does.
* :class:`TextElement`, :class:`Component`: classes NiceGUI does not export from ``ui``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from nicegui import __version__, helpers, ui
from nicegui.dependencies import Component, esm_modules
from nicegui.elements.mixins.text_element import TextElement

__all__ = ['Component', 'ReadAs', 'TextElement', 'esm_module_url', 'page_layout', 'remember_handler_signatures']


class ReadAs:
    """Mixin (before the element class): the simulated user reads :meth:`read_as` as the element's text."""

    def read_as(self) -> Iterable[object]:
        """What a person sees in the element, in order (``None`` entries are skipped)."""
        raise NotImplementedError

    def _displayed_contents(self, *, only_visible: bool) -> list[object]:  # NiceGUI's private hook
        return list(self.read_as())


def remember_handler_signatures() -> None:
    """Make NiceGUI remember ``expects_arguments`` for bound methods (idempotent).

    Every element keeps its props, classes and style in observable collections, and each asks
    ``helpers.expects_arguments`` about its change handler, a method bound to that element. A bound
    method's signature is its function's minus ``self``, whatever the instance, so the answer is
    remembered per function; any other callable is still asked every time, as NiceGUI does.
    """
    helpers.expects_arguments = expects_arguments


_asked = helpers.expects_arguments
_answers: weakref.WeakKeyDictionary[Callable[..., Any], bool] = weakref.WeakKeyDictionary()


def expects_arguments(func: Callable[..., Any]) -> bool:
    """NiceGUI's ``helpers.expects_arguments``, remembered per function for bound methods."""
    function = getattr(func, '__func__', None)
    if function is None:
        return _asked(func)
    answer = _answers.get(function)
    if answer is None:
        answer = _answers[function] = _asked(func)
    return answer


def esm_module_url(name: str) -> str:
    """The address NiceGUI's import map gives the ES module registered as ``name`` (``nicegui/dependencies.py``)."""
    [key] = [key for key, module in esm_modules.items() if module.name == name]
    return f'/_nicegui/{__version__}/esm/{key}/index.js'


@contextmanager
def page_layout() -> Iterator[None]:
    """Make elements in the page's layout, beside the page container rather than in it."""
    with ui.context.client.layout:
        yield
