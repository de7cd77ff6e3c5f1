"""Saving a dialog's form: the error under the field it names, the message in a notification."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from nicegui import ui

from careernet_ui.domain import ValidationError

from .feedback import attempt
from .form_errors import clear_errors, mark_error

T = TypeVar('T')


def submit(action: Callable[[], T], inputs: Mapping[str, ui.element],
           success: str | Callable[[T], str]) -> T | None:
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


E = TypeVar('E', bound=ui.element)


class FormFields:
    """A dialog's inputs, each bound to the form field of its name and marked ``<prefix>-<name>``.

    Enter in a one-line input saves the form; in a textarea it is a new line, and in a select it
    picks an option.
    """

    def __init__(self, form: object, prefix: str, save: Callable[[], None]) -> None:
        self._form = form
        self._prefix = prefix
        self._save = save
        self.inputs: dict[str, ui.element] = {}

    def add(self, name: str, element: E) -> E:
        """Bind ``element`` to the form's ``name`` and remember it for error messages."""
        element.bind_value(self._form, name).mark(f'{self._prefix}-{name}')  # type: ignore[attr-defined]
        if isinstance(element, ui.input) and not isinstance(element, ui.textarea):
            element.on('keydown.enter', self._save)
        self.inputs[name] = element
        return element
