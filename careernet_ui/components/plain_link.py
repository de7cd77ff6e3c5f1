"""A ``ui.link`` that mounts as a bare ``<a href>``: for links repeated down a list or on every page."""

from __future__ import annotations

from typing import ClassVar

from nicegui import ui

from careernet_ui.nicegui_compat import Component


class PlainLink(ui.link):
    """A link to a path in this app showing ``text`` (set as text, never as HTML).

    ``ui.link`` mounts a Vue component per link, which re-renders once after mounting; a page with
    dozens of them (cards, rows, the header's navigation) pays for that in the browser. This one is
    the same element on the server (NiceGUI's ``user`` test fixture follows its ``href`` on a
    click, test helpers read its text), and a plain anchor in the browser. Unlike ``ui.link`` it
    does not prefix ``href`` with a path prefix: CareerNet is served at the root.
    """

    component: ClassVar[Component | None] = None  # type: ignore[misc]

    def __init__(self, text: str, href: str) -> None:
        """Make the link in the current container.

        Args:
            text: What the link says.
            href: Where it goes: a path in this app.
        """
        super().__init__(text, href)
        self.tag = 'a'
        del self._props['target']  # the same tab: the browser's default
