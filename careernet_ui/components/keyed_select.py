"""``ui.select`` whose browser side names each option by its key, not by its position.

NiceGUI sends a select's options as ``{value: index, label}`` and the browser answers a choice with
that index, which the server looks up in its *current* options. A select whose options follow what
is typed (the people pickers) replaces them on every search, so a choice made in the list the
browser still shows, while the server is already answering the next search, named someone else
or no one: the second witness picked quickly was lost. Here an option's value is its key (a
contact id), so a choice means the same person whatever the server's options are by then.
"""

from __future__ import annotations

from typing import Any

from careernet_ui.nicegui_compat import KeyedOptionsSelect

ISOLATED_CLASS = 'careernet-isolated'
"""Set on the field and its options menu: each label (a person's name and organisation, typed by the user)
takes its direction from its own text (``unicode-bidi: plaintext``, static/tailwind.css), as ``dir="auto"``
does, so an Arabic name beside Hebrew options is not laid out in the page's direction."""


class KeyedSelect(KeyedOptionsSelect):
    """``ui.select`` (options a dict of string keys to labels) whose browser side sends keys back."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.classes(ISOLATED_CLASS)
        self.props(f'popup-content-class={ISOLATED_CLASS}')
