"""Saving a dialog's form: the error under the field it names, the message in a notification."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from nicegui import ui

from careernet_ui.domain import ValidationError

from .feedback import attempt
from .form_errors import clear_errors, mark_error

T = TypeVar('T')


def submit(action: Callable[[], T], inputs: Mapping[str, ui.element], success: Callable[[T], str]) -> T | None:
    """Run ``action`` (which validates and stores); on a ``ValidationError`` mark the field it names.

    Returns:
        What ``action`` returned, or None when it failed (the user was told why; nothing was stored).
    """
    clear_errors(inputs)

    def run() -> T:
        try:
            return action()
        except ValidationError as error:
            mark_error(inputs, error)
            raise

    return attempt(run, success)
