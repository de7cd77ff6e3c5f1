"""Reading what a simulated user sees."""

from __future__ import annotations

from typing import TypeVar

from nicegui.element import Element
from nicegui.elements.mixins.text_element import TextElement
from nicegui.testing import User

from careernet_ui.nicegui_compat import ReadAs


def texts(user: User, marker: str) -> list[str]:
    """The visible text of every text element (label, link, badge…) with ``marker``, in page order.

    An element read as a whole (``ReadAs``, such as a link of isolated parts) gives what it reads as.
    """
    elements = sorted(user.find(marker=marker).elements, key=lambda element: element.id)
    return [' '.join(str(part) for part in element.read_as() if part is not None) if isinstance(element, ReadAs)
            else element.text for element in elements if isinstance(element, TextElement | ReadAs)]


E = TypeVar('E', bound=Element)


def components(user: User, marker: str, kind: type[E]) -> list[E]:
    """Every ``kind`` element with ``marker``, in page order; none when nothing has the marker (yet).

    For CareerNet's components (a pipeline card, a next action, a listed accomplishment), whose
    content the tests read from their props.
    """
    try:
        found = user.find(marker=marker).elements
    except AssertionError:
        return []
    return sorted((element for element in found if isinstance(element, kind)), key=lambda element: element.id)
