"""Where the keyboard focus goes once a dialog has closed and the page has redrawn what opened it.

Quasar gives the focus back to the element that opened a dialog; when saving redraws that part of
the page, the element is gone and the focus falls to the page, so a keyboard user starts again
from the top. These put it on the redrawn control instead.
"""

from __future__ import annotations

from nicegui import ui


def focus_after_dialog(selector: str) -> None:
    """Focus the element ``selector`` finds once no dialog is open, and until the focus holds.

    Quasar moves the focus back to the (old) opener as the dialog closes, after this runs: keep
    focusing the new element for a moment, up to 3 s, until it has held for five checks.
    """
    ui.run_javascript(
        'let tries = 0, held = 0; const find = () => {'
        f' const target = document.querySelector({selector!r});'
        " if (target && !document.querySelector('.q-dialog')) {"
        ' if (document.activeElement === target) held++; else { held = 0; target.focus(); } }'
        ' if (held < 5 && tries++ < 150) setTimeout(find, 20); }; find();')


def focus_key(key: str) -> str:
    """The props that let ``focus_after_dialog(focus_selector(key))`` find an element."""
    return f'data-focus-key="{key}"'


def focus_selector(key: str) -> str:
    """The selector of the element given ``focus_key(key)``."""
    return f'[data-focus-key="{key}"]'
