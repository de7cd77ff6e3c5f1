"""Server-side paging shared by every list: which slice of the matches a page shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar('T')


@dataclass(kw_only=True, slots=True, frozen=True)
class PageWindow:
    """The page actually shown (clamped into range), how many pages there are, and its slice."""

    page: int
    pages: int
    start: int
    stop: int


@dataclass(kw_only=True, slots=True, frozen=True)
class Page(Generic[T]):
    """One page of a list's matches, and where it stands among them."""

    items: list[T]
    total: int
    """How many matched in all."""
    page: int
    """Which page this is, from 1 (clamped into range)."""
    pages: int
    start: int
    """How many matches come before this page."""

    @property
    def span(self) -> str:
        """Which matches the page shows, for a person: "26–50 of 1,204"."""
        return f'{self.start + 1:,}–{self.start + len(self.items):,} of {self.total:,}'


def page_window(total: int, page: int, page_size: int) -> PageWindow:
    """Clamp ``page`` to 1..pages (an empty list still has one page) and return its slice bounds."""
    pages = max(1, -(-total // page_size))
    shown = min(max(1, page), pages)
    start = (shown - 1) * page_size
    return PageWindow(page=shown, pages=pages, start=start, stop=start + page_size)


def paginate(matches: Sequence[T], page: int, page_size: int) -> Page[T]:
    """Page ``page`` of ``matches``, ``page_size`` a page, clamped into range (see ``page_window``)."""
    window = page_window(len(matches), page, page_size)
    return Page(items=list(matches[window.start : window.stop]), total=len(matches), page=window.page,
                pages=window.pages, start=window.start)
