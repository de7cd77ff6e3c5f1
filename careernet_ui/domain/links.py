"""Which addresses CareerNet shows as links: web addresses only."""

from __future__ import annotations

WEB_SCHEMES = ('https://', 'http://')


def is_web_address(url: str) -> bool:
    """Whether ``url`` is an http(s) address, the only kind of address shown as a link.

    A "javascript:" or "data:" address, typed or imported, would run code when clicked; anything
    that is not a web address is kept and shown as text. The scheme is matched in any case.
    """
    return url.strip().lower().startswith(WEB_SCHEMES)
