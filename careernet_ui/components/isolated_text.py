"""User text in a line with other user text: each part isolated, so mixed directions do not scramble.

An Arabic title and a Hebrew organisation joined into one string ("مهندسة · אקמה") are laid out
by the browser as one run of right-to-left text, and the separator lands between the wrong
words. Each part in its own ``<bdi>`` is ordered on its own and the line keeps its order.
"""

from __future__ import annotations

from collections.abc import Sequence

from nicegui import ui
from nicegui.elements.mixins.text_element import TextElement

SEPARATOR = ' · '


class Bdi(TextElement):
    """A ``<bdi>``: text whose direction is its own, isolated from what surrounds it."""

    def __init__(self, text: str) -> None:
        super().__init__(tag='bdi', text=text)


class Span(TextElement):
    """A ``<span>`` of text."""

    def __init__(self, text: str) -> None:
        super().__init__(tag='span', text=text)


def isolated_line(parts: Sequence[str]) -> ui.element:
    """A line (a ``<div>``) of the non-empty ``parts``, each in its own ``<bdi>``, joined by " · "."""
    with ui.element('div') as line:
        for index, part in enumerate(p for p in parts if p):
            if index:
                Span(SEPARATOR)
            Bdi(part)
    return line
