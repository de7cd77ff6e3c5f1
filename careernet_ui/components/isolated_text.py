"""User text in a line with other user text: each part isolated, so mixed directions do not scramble.

An Arabic title and a Hebrew organisation joined into one string ("مهندسة · אקמה") are laid out
by the browser as one run of right-to-left text, and the separator lands between the wrong
words. Each part in its own ``<bdi>`` is ordered on its own and the line keeps its order.
"""

from __future__ import annotations

from collections.abc import Sequence

from nicegui import ui
from nicegui.element import Element
from nicegui.elements.mixins.text_element import TextElement

from careernet_ui.nicegui_compat import ReadAs

SEPARATOR = ' · '


class Bdi(TextElement):
    """A ``<bdi>``: text whose direction is its own, isolated from what surrounds it."""

    def __init__(self, text: str) -> None:
        super().__init__(tag='bdi', text=text)


class Span(TextElement):
    """A ``<span>`` of text."""

    def __init__(self, text: str) -> None:
        super().__init__(tag='span', text=text)


def isolated_parts(parts: Sequence[str], joiner: str = SEPARATOR) -> str:
    """Add the non-empty ``parts`` to the current container, each in its own ``<bdi>``, joined by ``joiner``.

    Returns:
        The phrase as one string, as it reads.
    """
    shown = [part for part in parts if part]
    for index, part in enumerate(shown):
        if index:
            Span(joiner)
        Bdi(part)
    return joiner.join(shown)


def isolated_line(parts: Sequence[str]) -> ui.element:
    """A line (a ``<div>``) of the non-empty ``parts``, each in its own ``<bdi>``, joined by " · "."""
    with ui.element('div') as line:
        isolated_parts(parts)
    return line


class IsolatedLink(ReadAs, ui.link):
    """A link whose text is user text joined by fixed words ("<position> at <company>"), each part isolated.

    The simulated user (and ``phrase``) reads the whole phrase, as a person does.
    """

    def __init__(self, parts: Sequence[str], joiner: str, target: str) -> None:
        super().__init__('', target)
        with self:
            self.phrase = isolated_parts(parts, joiner)

    def read_as(self) -> list[object]:
        """The phrase."""
        return [self.phrase]


class IsolatedHeading(ReadAs, Element):
    """A ``<div>`` of user text joined by fixed words, each part isolated, read as the whole phrase."""

    def __init__(self, parts: Sequence[str], joiner: str) -> None:
        super().__init__('div')
        with self:
            self.phrase = isolated_parts(parts, joiner)

    def read_as(self) -> list[object]:
        """The phrase."""
        return [self.phrase]
