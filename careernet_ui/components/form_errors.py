"""Showing a validation error under the field it is about."""

from __future__ import annotations

from collections.abc import Mapping

from nicegui import ui

from careernet_ui.domain import ValidationError


def clear_errors(inputs: Mapping[str, ui.element]) -> None:
    """Remove the error state from every field (before a new attempt to save)."""
    for element in inputs.values():
        element.props['error'] = False
        element.props['error-message'] = None


def mark_error(inputs: Mapping[str, ui.element], error: ValidationError) -> None:
    """Put ``error``'s message under the field it names, if the form has that field."""
    target = inputs.get(error.field or '')
    if target is not None:
        target.props['error'] = True
        target.props['error-message'] = str(error)
        target.update()


def discard_on_close(dialog: ui.dialog) -> ui.dialog:
    """Delete ``dialog`` once closed, so closed forms neither pile up nor leave duplicate inputs behind."""
    dialog.on_value_change(lambda e: None if e.value else dialog.delete())
    return dialog
