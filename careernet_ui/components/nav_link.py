"""A navigation link in the header: a plain ``<a href>`` with an icon, cheap to mount on every page."""

from __future__ import annotations

from nicegui.elements.mixins.text_element import TextElement

from .plain_link import PlainLink


class NavLink(PlainLink):
    """A link to one of CareerNet's pages, in the header.

    A plain anchor, not a Quasar button: eight buttons with icons and ripples made the shared header
    cost more than many a page's content.
    """

    def __init__(self, label: str, path: str, icon: str, *, current: bool) -> None:
        """Make the link in the current container.

        Args:
            label: What the link says.
            path: The page it opens.
            icon: A Material icon name shown before the label (hidden from screen readers).
            current: This is the page being shown: marked ``aria-current="page"`` and highlighted.
        """
        super().__init__('', path)
        self.classes(remove='nicegui-link')  # its colour and underline are for links within text
        if current:
            self._props['aria-current'] = 'page'
        self.classes('inline-flex items-center gap-1 px-2 py-1 rounded text-white text-sm font-medium '
                     'no-underline hover:bg-white/20 focus-visible:outline focus-visible:outline-2 '
                     'focus-visible:outline-white' + (' bg-white/20' if current else ''))
        with self:
            TextElement(tag='i', text=icon).classes('material-icons text-lg leading-none').props('aria-hidden=true')
            TextElement(tag='span', text=label)
