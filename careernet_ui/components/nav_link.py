"""A navigation link in the header: a plain ``<a href>`` with an icon, cheap to mount on every page."""

from __future__ import annotations

from .plain_link import PlainLink


class NavLink(PlainLink):
    """A link to one of CareerNet's pages, in the header.

    One plain anchor, not a Quasar button (eight buttons with icons and ripples made the shared
    header cost more than many a page's content); its icon is drawn by CSS from ``data-icon``.
    """

    def __init__(self, label: str, path: str, icon: str, *, current: bool) -> None:
        """Make the link in the current container.

        Args:
            label: What the link says.
            path: The page it opens.
            icon: A Material icon name shown before the label (CSS; hidden from screen readers).
            current: This is the page being shown: marked ``aria-current="page"`` and highlighted.
        """
        super().__init__(label, path)
        self.classes(remove='nicegui-link')  # its colour and underline are for links within text
        self._props['data-icon'] = icon  # drawn by the icon-before class (static/tailwind.css)
        if current:
            self._props['aria-current'] = 'page'
        self.classes('icon-before inline-flex items-center gap-1 px-2 py-1 rounded text-white text-sm font-medium '
                     'no-underline hover:bg-white/20 focus-visible:outline focus-visible:outline-2 '
                     'focus-visible:outline-white' + (' bg-black/25' if current else ''))
