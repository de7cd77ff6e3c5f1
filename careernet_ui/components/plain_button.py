"""A plain HTML button, for controls repeated on every card of a long list."""

from __future__ import annotations

from collections.abc import Callable

from careernet_ui.nicegui_compat import TextElement

PLAIN_BUTTON_CLASSES = ('text-xs font-medium text-primary px-2 py-1 rounded hover:bg-blue-50 '
                        'focus-visible:outline focus-visible:outline-2')
"""A plain button's look: a text button in the primary colour."""


class PlainButton(TextElement):
    """A native ``<button>``: focusable, Enter and Space click it, and it costs one DOM node.

    A Quasar button renders several nodes and a ripple; the pipeline board shows two per card,
    so at dozens of cards the plain one keeps the page light.
    """

    def __init__(self, text: str, on_click: Callable[[], object], *, aria_label: str = '') -> None:
        """Make the button in the current container.

        Args:
            text: What the button says.
            on_click: Called on a click (or Enter/Space when focused).
            aria_label: What a screen reader announces, when the text alone is ambiguous.
        """
        super().__init__(tag='button', text=text)
        self._props['type'] = 'button'
        if aria_label:
            self._props['aria-label'] = aria_label
        self.classes(PLAIN_BUTTON_CLASSES)
        self.on('click', on_click)


class IconButton(PlainButton):
    """A native ``<button>`` showing a Material icon, named for screen readers by ``label`` (also its tooltip)."""

    def __init__(self, icon: str, on_click: Callable[[], object], *, label: str, classes: str) -> None:
        """Make the button in the current container.

        Args:
            icon: The Material icon's name.
            on_click: Called on a click (or Enter/Space when focused).
            label: What the button does, for screen readers and as the browser's tooltip (``title``).
            classes: Tailwind classes for the button (colour, size), replacing the text button's.
        """
        super().__init__('', on_click, aria_label=label)
        self._props['title'] = label
        self.classes(replace=f'inline-flex items-center justify-center rounded-full {classes} '
                     'focus-visible:outline focus-visible:outline-2')
        with self:
            TextElement(tag='i', text=icon).classes('material-icons').props('aria-hidden=true')

