"""A plain ``<a href>`` for lists: ``ui.link`` mounts a Vue component per link, which re-renders once
after mounting; twenty of those cost a page of cards more than the cards themselves.

Use ``ui.link`` for the odd link; this for links repeated down a list. The text is set as text,
never as HTML.
"""

from __future__ import annotations

from nicegui.elements.mixins.text_element import TextElement


class Anchor(TextElement):
    """A link to ``href`` (a path in this app, or a web address) showing ``text``."""

    def __init__(self, text: str, href: str, *, new_tab: bool = False) -> None:
        super().__init__(tag='a', text=text)
        self._props['href'] = href
        if new_tab:
            self._props['target'] = '_blank'
            self._props['rel'] = 'noopener noreferrer'
        self.classes('nicegui-link')
