"""Finding contacts: search, filters, sorting and paging, done on the server over memory."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .contacts import Contact, Role, Stage

PAGE_SIZE = 25


class ContactSort(StrEnum):
    """Orders the contacts list offers."""

    NAME = 'name'
    ORGANISATION = 'organisation'
    STAGE = 'stage'
    RECENTLY_UPDATED = 'updated'
    RECENTLY_ADDED = 'added'

    @property
    def label(self) -> str:
        """The order as shown to a person."""
        return {
            'name': 'Name',
            'organisation': 'Organisation',
            'stage': 'Stage',
            'updated': 'Recently edited',
            'added': 'Recently added',
        }[self.value]


@dataclass(kw_only=True, slots=True)
class ContactQuery:
    """What the user asked the contacts list for."""

    text: str = ''
    role: Role | None = None
    stage: Stage | None = None
    sort: ContactSort = ContactSort.NAME
    page: int = 1
    page_size: int = PAGE_SIZE


@dataclass(kw_only=True, slots=True)
class ContactPage:
    """One page of matching contacts, and how many matched in all."""

    contacts: list[Contact]
    total: int
    page: int
    pages: int


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text``: "José" and "jose" fold alike."""
    decomposed = unicodedata.normalize('NFKD', text.casefold())
    return ''.join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_contacts(contacts: Sequence[Contact], query: ContactQuery) -> ContactPage:
    """Filter, sort and page ``contacts``: name, organisation, title, tag and e-mail all match ``text``.

    Every word of the text must match somewhere, so "dana acme" finds Dana at Acme.
    """
    words = fold(query.text).split()
    matches = [
        contact
        for contact in contacts
        if (query.role is None or contact.role is query.role)
        and (query.stage is None or contact.stage is query.stage)
        and (not words or _matches(contact, words))
    ]
    key, reverse = _SORTS[query.sort]
    matches.sort(key=key, reverse=reverse)
    pages = max(1, -(-len(matches) // query.page_size))
    page = min(max(1, query.page), pages)
    start = (page - 1) * query.page_size
    return ContactPage(contacts=matches[start : start + query.page_size], total=len(matches), page=page, pages=pages)


def _matches(contact: Contact, words: list[str]) -> bool:
    haystack = _haystack(contact)
    return all(word in haystack for word in words)


_haystack_cache: dict[int, tuple[Contact, str]] = {}


def _haystack(contact: Contact) -> str:
    # Contacts are replaced, never mutated, on save: identity is a safe cache key, and the
    # cache keeps a reference so an id is never reused while its entry lives.
    cached = _haystack_cache.get(id(contact))
    if cached is not None and cached[0] is contact:
        return cached[1]
    text = fold(' '.join([contact.name, contact.organisation, contact.title, *contact.tags, *contact.emails]))
    if len(_haystack_cache) > 200_000:
        _haystack_cache.clear()
    _haystack_cache[id(contact)] = (contact, text)
    return text


_STAGE_ORDER = {stage: index for index, stage in enumerate(Stage)}
_SORTS: dict[ContactSort, tuple[Callable[[Contact], Any], bool]] = {
    ContactSort.NAME: (lambda c: (fold(c.name), c.id), False),
    ContactSort.ORGANISATION: (lambda c: (fold(c.organisation) or '\uffff', fold(c.name), c.id), False),
    ContactSort.STAGE: (lambda c: (-_STAGE_ORDER[c.stage], fold(c.name), c.id), False),
    ContactSort.RECENTLY_UPDATED: (lambda c: (c.updated_at, c.id), True),
    ContactSort.RECENTLY_ADDED: (lambda c: (c.created_at, c.id), True),
}
