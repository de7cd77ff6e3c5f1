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
* :class:`KeyedOptionsSelect`: ``ui.select``'s private option handling, so a choice names its key
  rather than its position in options the server may have replaced since (the people pickers).
* :func:`method_call_in_browser`: NiceGUI's browser-side ``runMethod`` (what ``Element.run_method``
  sends), for an event handler that must act before the server could answer.
* :class:`TextElement`, :class:`Component`: classes NiceGUI does not export from ``ui``.

Outside this file, because it runs before NiceGUI is imported: ``careernet_ui.opening.import_nicegui``
imports NiceGUI without aiohttp, which NiceGUI's dependencies load only for an outgoing socket.io
client (On Air). After an upgrade, ``tests/test_startup.py`` checks NiceGUI still imports and
serves without it.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from nicegui import __version__, helpers, ui
from nicegui.dependencies import Component, esm_modules
from nicegui.elements.mixins.text_element import TextElement
from nicegui.events import GenericEventArguments

__all__ = ['Component', 'KeyedOptionsSelect', 'ReadAs', 'TextElement', 'esm_module_url', 'method_call_in_browser',
           'page_layout', 'remember_handler_signatures']


# Options sent earlier that a choice may still name (the browser can be a few searches behind).
_REMEMBERED = 500


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


def method_call_in_browser(element: ui.element, method: str, *args: str | int | bool) -> str:
    """A ``js_handler`` calling ``method`` of ``element`` (or of its Quasar component) in the browser.

    ``element.run_method`` does the same from the server, a round trip later: too late for, say,
    clearing a field the user goes on typing into.
    """
    return f'() => runMethod({element.id}, {json.dumps(method)}, {json.dumps(list(args))})'


@contextmanager
def page_layout() -> Iterator[None]:
    """Make elements in the page's layout, beside the page container rather than in it."""
    with ui.context.client.layout:
        yield


class KeyedOptionsSelect(ui.select):
    """``ui.select`` whose options go to the browser as ``{value: key, label}`` and come back as keys.

    Relies on ``ui.select``'s privates ``_update_options``, ``_event_args_to_value``,
    ``_value_to_model_value``, ``_update_values_and_labels``, ``_values`` and ``_labels``: NiceGUI
    sends an option's position and looks it up in its current options, which a select whose options
    follow the typed text has replaced by then. A choice the server no longer offers but offered
    recently (``_offered``, at most ``_REMEMBERED``) is put back and stays chosen.
    """

    _offered: dict[Any, str]

    def offers_label(self, text: str) -> bool:
        """Whether ``text`` is one of the options' labels as offered now."""
        return text in self._labels

    def _update_options(self) -> None:
        before = self.value
        offered = getattr(self, '_offered', {})
        if len(offered) > _REMEMBERED:
            offered = {}
        offered.update(zip(self._values, self._labels, strict=True))
        self._offered = offered
        self._props['options'] = [{'value': key, 'label': label} for key, label in zip(self._values, self._labels,
                                                                                       strict=True)]
        self._props[self.VALUE_PROP] = self._value_to_model_value(before)
        if not isinstance(before, list):
            self.value = before if before in self._values else None

    def _event_args_to_value(self, e: GenericEventArguments) -> Any:
        if self.multiple:
            return [key for key in (self._chosen_key(arg) for arg in e.args or []) if key is not None]
        return None if e.args is None else self._chosen_key(e.args)

    def _chosen_key(self, arg: Any) -> Any:
        key = arg.get('value') if isinstance(arg, dict) else None
        if key in self._values:
            return key
        if key in self._offered and isinstance(self.options, dict):
            # Chosen from a list the server has replaced since: it stays an option, so it stays chosen.
            self.options[key] = self._offered[key]
            with self._props.suspend_updates():
                self._update_values_and_labels()
                self._update_options()
            return key
        return None

    def _value_to_model_value(self, value: Any) -> Any:
        labels = dict(zip(self._values, self._labels, strict=True))
        if self.multiple:
            return [{'value': key, 'label': labels[key]} for key in value or [] if key in labels]
        return {'value': value, 'label': labels[value]} if value in labels else None
