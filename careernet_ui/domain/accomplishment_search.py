"""Finding accomplishments: search, filters (tag, year, witness), sorting and paging, on the server."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .accomplishments import Accomplishment
from .contact_search import fold
from .paging import Page, paginate

PAGE_SIZE = 10


class AccomplishmentSort(StrEnum):
    """Orders the accomplishments list offers."""

    NEWEST = 'newest'
    OLDEST = 'oldest'
    TITLE = 'title'

    @property
    def label(self) -> str:
        """The order as shown to a person."""
        return {'newest': 'Newest first', 'oldest': 'Oldest first', 'title': 'Title A–Z'}[self.value]


@dataclass(kw_only=True, slots=True)
class AccomplishmentQuery:
    """What the user asked the accomplishments list for."""

    text: str = ''
    tag: str | None = None
    year: int | None = None
    witness_id: str | None = None
    sort: AccomplishmentSort = AccomplishmentSort.NEWEST
    page: int = 1
    page_size: int = PAGE_SIZE


def matching(accomplishments: Iterable[Accomplishment], query: AccomplishmentQuery) -> list[Accomplishment]:
    """Every accomplishment the query's text and filters let through, in the query's order.

    The text matches the title, what you did, the context and the tags; every word must match
    somewhere, so "latency checkout" finds the checkout latency work. The year filter matches an
    accomplishment whose date or period touches that year.
    """
    words = fold(query.text).split()
    tag = query.tag.strip().lower() if query.tag else None
    found = [
        accomplishment
        for accomplishment in accomplishments
        if (tag is None or tag in accomplishment.tags)
        and (query.year is None or _in_year(accomplishment, query.year))
        and (query.witness_id is None or query.witness_id in accomplishment.witness_ids)
        and (not words or _matches(accomplishment, words))
    ]
    key, reverse = _SORTS[query.sort]
    found.sort(key=key, reverse=reverse)
    return found


def search_accomplishments(
    accomplishments: Iterable[Accomplishment], query: AccomplishmentQuery
) -> Page[Accomplishment]:
    """Filter, sort and page ``accomplishments`` (see ``matching``); the page is clamped into range."""
    found = matching(accomplishments, query)
    return paginate(found, query.page, query.page_size)


def all_tags(accomplishments: Iterable[Accomplishment]) -> list[str]:
    """Every tag used, alphabetically: the tag filter's options."""
    return sorted({tag for accomplishment in accomplishments for tag in accomplishment.tags})


def all_years(accomplishments: Iterable[Accomplishment]) -> list[int]:
    """Every year an accomplishment's date or period touches, newest first: the year filter's options."""
    years: set[int] = set()
    for accomplishment in accomplishments:
        end = accomplishment.until or accomplishment.on
        years.update(range(accomplishment.on.year, end.year + 1))
    return sorted(years, reverse=True)


def linkable(accomplishments: Iterable[Accomplishment], witness_id: str | None,
             limit: int = 100) -> list[Accomplishment]:
    """Accomplishments to offer when linking feedback: the ones the person witnessed, then the newest.

    Args:
        accomplishments: Every accomplishment.
        witness_id: Who the feedback is from, if known.
        limit: How many to offer at most.
    """
    key, reverse = _SORTS[AccomplishmentSort.NEWEST]
    newest = sorted(accomplishments, key=key, reverse=reverse)
    witnessed = [a for a in newest if witness_id is not None and witness_id in a.witness_ids]
    others = [a for a in newest if witness_id is None or witness_id not in a.witness_ids]
    return (witnessed + others)[:limit]


def _in_year(accomplishment: Accomplishment, year: int) -> bool:
    end = accomplishment.until or accomplishment.on
    return accomplishment.on.year <= year <= end.year


def _matches(accomplishment: Accomplishment, words: Sequence[str]) -> bool:
    haystack = fold(' '.join([
        accomplishment.title, accomplishment.description, accomplishment.role, accomplishment.project,
        accomplishment.organisation, *accomplishment.tags,
    ]))
    return all(word in haystack for word in words)


_SORTS: dict[AccomplishmentSort, tuple[Callable[[Accomplishment], Any], bool]] = {
    AccomplishmentSort.NEWEST: (lambda a: (a.until or a.on, a.on, a.created_at, a.id), True),
    AccomplishmentSort.OLDEST: (lambda a: (a.on, a.until or a.on, a.created_at, a.id), False),
    AccomplishmentSort.TITLE: (lambda a: (fold(a.title), a.on, a.id), False),
}
