"""Showing the outcome of an action: a confirmation, or a clear message and nothing lost."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from nicegui import ui

from careernet_ui.domain import CareerNetError

log = logging.getLogger(__name__)
T = TypeVar('T')


def attempt(action: Callable[[], T], success: str | Callable[[T], str] | None = None) -> T | None:
    """Run ``action``; notify success, or show the error and return None.

    A ``CareerNetError`` is the user's to fix and its message says how. Any other error (a full
    disk, a permissions change) is logged with its traceback and shown as one plain sentence.
    """
    try:
        result = action()
    except CareerNetError as error:
        ui.notify(str(error), type='negative', multi_line=True)
        return None
    except OSError as error:
        log.exception('Saving failed')
        ui.notify(f'Could not save: {error.strerror or error}. Nothing was changed.', type='negative')
        return None
    if success is not None:
        ui.notify(success(result) if callable(success) else success, type='positive')
    return result


def confirm(question: str, action_label: str, on_confirm: Callable[[], None]) -> None:
    """Ask before doing something that cannot be undone."""
    def confirmed() -> None:
        dialog.close()
        on_confirm()

    with ui.dialog() as dialog, ui.card().classes('gap-4'):
        ui.label(question).classes('text-base')
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('confirm-cancel')
            ui.button(action_label, color='negative', on_click=confirmed) \
                .mark('confirm-ok')
    dialog.open()
