"""Reading what a simulated user sees."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User


def texts(user: User, marker: str) -> list[str]:
    """The visible text of every label or link with ``marker``, in page order."""
    elements = sorted(user.find(marker=marker).elements, key=lambda element: element.id)
    return [element.text for element in elements if isinstance(element, ui.label | ui.link)]
