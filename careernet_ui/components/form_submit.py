"""Saving a dialog's form: the error under the field it names, the message in a notification."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from nicegui import ui

from careernet_ui.domain import ValidationError

from .feedback import attempt

T = TypeVar('T')


def submit(action: Callable[[], T], inputs: Mapping[str, ui.element], success: Callable[[T], str]) -> T | None:
    """Run ``action`` (which validates and stores); on a ``ValidationError`` mark the field it names.

    Returns:
        What ``action`` returned, or None when it failed (the user was told why; nothing was stored).
    """
    for element in inputs.values():
        element.props['error'] = False
        element.update()

    def run() -> T:
        try:
            return action()
        except ValidationError as error:
            target = inputs.get(error.field or '')
            if target is not None:
                target.props['error'] = True
                target.props['error-message'] = str(error)
                target.update()
            raise

    return attempt(run, success)
