"""Server-side paging shared by every list: which slice of the matches a page shows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(kw_only=True, slots=True, frozen=True)
class PageWindow:
    """The page actually shown (clamped into range), how many pages there are, and its slice."""

    page: int
    pages: int
    start: int
    stop: int


def page_window(total: int, page: int, page_size: int) -> PageWindow:
    """Clamp ``page`` to 1..pages (an empty list still has one page) and return its slice bounds."""
    pages = max(1, -(-total // page_size))
    shown = min(max(1, page), pages)
    start = (shown - 1) * page_size
    return PageWindow(page=shown, pages=pages, start=start, stop=start + page_size)
