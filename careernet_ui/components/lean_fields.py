"""Search boxes and choosers for toolbars: NiceGUI's input and select, drawn as native form fields.

A Quasar field mounts a component tree (field, control, label, clear button, and for a select its
menu) before the page can show, several times what a native ``<input>`` in a ``<label>`` costs
(figures in bench/README.md). The toolbars and filters
of the pipeline, the accomplishments and the dashboard use these; dialogs keep Quasar's fields,
with their validation messages.

On the server they are ``ui.input`` and ``ui.select``: the same value, events and ``on_change``,
and NiceGUI's simulated ``user`` types into and picks from them as before. The browser side
understands what the toolbars use: for a box, a label, a placeholder, ``clearable`` (a search box
with the browser's clear button), ``debounce`` and ``autofocus``; for a chooser, a label, one
choice among the options, and ``autofocus``.
"""

from __future__ import annotations

from nicegui import ui

from .keyed_select import KeyedSelect


class LeanInput(ui.input, component='lean_input.js'):
    """``ui.input`` as a native text (or, with ``clearable``, search) box under its label."""


class LeanSelect(KeyedSelect, component='lean_select.js'):
    """``ui.select`` (one choice) as a native ``<select>`` under its label; options named by their keys."""
