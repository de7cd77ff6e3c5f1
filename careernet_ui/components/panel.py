"""A card for lists and dashboards: ``ui.card``'s look on a plain ``<div>``."""

from __future__ import annotations

from nicegui.element import Element

PANEL_CLASSES = 'q-card nicegui-card dark:bg-[var(--q-dark)]'
"""Quasar's card style (shadow, corners, background) and NiceGUI's card layout (column, gap, padding)."""


class Panel(Element):
    """Looks and lays out like ``ui.card()``, without mounting Quasar's card component.

    A page that lists ten cards, or a dashboard of them, mounts each in the browser before it shows;
    the same classes on a ``<div>`` cost a fraction of that.
    """

    def __init__(self) -> None:
        """Make the panel in the current container; use it as a context manager, like ``ui.card()``."""
        super().__init__('div')
        self.classes(PANEL_CLASSES)
