"""Whether the browser showing a page is a phone or a tablet, for what must not happen there.

A field that takes the focus when a page or dialog opens pops a touch screen's keyboard up over
half the screen, before the person has chosen to type: on such a device nothing takes the focus
by itself. The browser's user agent says so in every request ("Mobile", "Android", "iPhone",
"iPad"), and the page is built on the server for that one browser.
"""

from __future__ import annotations

from nicegui import ui

SEARCH_CLASSES = 'grow basis-full sm:basis-0 min-w-0'
"""A list page's search field: the whole first line on a phone, the room left beside the filters on a wide screen."""

FILTER_CLASSES = 'grow sm:grow-0 min-w-[9rem]'
"""A list page's filter: sharing a line with the others on a phone, its own width (add ``sm:w-…``) on a wide one."""

_TOUCH_MARKERS = ('Mobile', 'Android', 'iPhone', 'iPad', 'iPod')


def is_touch_browser(user_agent: str) -> bool:
    """Whether ``user_agent`` names a phone's or a tablet's browser."""
    return any(marker in user_agent for marker in _TOUCH_MARKERS)


def autofocus() -> str:
    """``'autofocus'`` for a field that should take the focus, or ``''`` in a phone's or tablet's browser.

    Use it in props: ``ui.input('Name').props(autofocus())``.
    """
    request = ui.context.client.request
    user_agent = request.headers.get('user-agent', '') if request is not None else ''
    return '' if is_touch_browser(user_agent) else 'autofocus'
