"""Showing a validation error under the field it is about."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from nicegui import ui

from careernet_ui.domain import ValidationError


def clear_errors(inputs: Mapping[str, ui.element]) -> None:
    """Remove the error state from every field (before a new attempt to save)."""
    for element in inputs.values():
        element.props['error'] = False
        element.props['error-message'] = None
        element.update()


def mark_error(inputs: Mapping[str, ui.element], error: ValidationError) -> None:
    """Put ``error``'s message under the field it names, if the form has that field."""
    target = inputs.get(error.field or '')
    if target is not None:
        show_error(target, str(error))


def show_error(element: ui.element, message: str) -> None:
    """Put ``message`` under the field ``element``, in Quasar's error look (the one way every form does it)."""
    element.props['error'] = True
    element.props['error-message'] = message
    element.update()


def discard_on_close(dialog: ui.dialog) -> ui.dialog:
    """Delete ``dialog`` once closed, so closed forms neither pile up nor leave duplicate inputs behind.

    The deletion waits until the handler that closed the dialog has returned: a Save handler closes
    the dialog and then calls back the page (which navigates, or notifies), and NiceGUI finds the
    client through the slot the handler runs in, the dialog's. Deleted at once, that slot's parent
    is gone and the callback fails with "The parent element this slot belongs to has been deleted"
    (seen as the first contact, application or accomplishment saved but never shown).
    """
    dialog.on_value_change(lambda e: None if e.value else _delete_soon(dialog))
    return dialog


def _delete_soon(dialog: ui.dialog) -> None:
    def delete() -> None:
        if not dialog.is_deleted and not dialog.value:
            dialog.delete()

    asyncio.get_running_loop().call_soon(delete)
