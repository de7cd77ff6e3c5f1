"""Reading what a simulated user sees."""

from __future__ import annotations

from nicegui.elements.mixins.text_element import TextElement
from nicegui.testing import User


def texts(user: User, marker: str) -> list[str]:
    """The visible text of every text element (label, link, badge…) with ``marker``, in page order."""
    elements = sorted(user.find(marker=marker).elements, key=lambda element: element.id)
    return [element.text for element in elements if isinstance(element, TextElement)]
