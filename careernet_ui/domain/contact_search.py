"""Finding contacts: search, filters, sorting and paging, done on the server over memory."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .contacts import Contact, Role, Stage
from .paging import Page, paginate

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


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text``: "José" and "jose" fold alike."""
    decomposed = unicodedata.normalize('NFKD', text.casefold())
    return ''.join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_contacts(contacts: Sequence[Contact], query: ContactQuery) -> Page[Contact]:
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
    return paginate(matches, query.page, query.page_size)


def matches_words(contact: Contact, words: Sequence[str]) -> bool:
    """Whether each word of ``fold(text).split()`` is in the name, organisation, title, tags or e-mails."""
    haystack = _folded(contact).haystack
    return all(word in haystack for word in words)


def matches_organisation(contact: Contact, folded_text: str) -> bool:
    """Whether ``folded_text`` (already folded) occurs in the contact's organisation."""
    return folded_text in _folded(contact).organisation


def _matches(contact: Contact, words: list[str]) -> bool:
    return matches_words(contact, words)


@dataclass(slots=True, frozen=True)
class _Folded:
    contact: Contact
    haystack: str
    name: str
    organisation: str


_folded_cache: dict[int, _Folded] = {}


def _folded(contact: Contact) -> _Folded:
    # Folding 30,000 names on every keystroke costs more than the search itself. Contacts are
    # replaced, never mutated, on save, so identity is a safe key; the entry holds the contact,
    # so its id cannot be reused while the entry lives.
    cached = _folded_cache.get(id(contact))
    if cached is not None and cached.contact is contact:
        return cached
    if len(_folded_cache) > 200_000:
        _folded_cache.clear()
    folded = _Folded(
        contact=contact,
        haystack=fold(' '.join([contact.name, contact.organisation, contact.title, *contact.tags, *contact.emails])),
        name=fold(contact.name),
        organisation=fold(contact.organisation) or '\uffff',
    )
    _folded_cache[id(contact)] = folded
    return folded


_STAGE_ORDER = {stage: index for index, stage in enumerate(Stage)}
_SORTS: dict[ContactSort, tuple[Callable[[Contact], Any], bool]] = {
    ContactSort.NAME: (lambda c: (_folded(c).name, c.id), False),
    ContactSort.ORGANISATION: (lambda c: (_folded(c).organisation, _folded(c).name, c.id), False),
    ContactSort.STAGE: (lambda c: (-_STAGE_ORDER[c.stage], _folded(c).name, c.id), False),
    ContactSort.RECENTLY_UPDATED: (lambda c: (c.updated_at, c.id), True),
    ContactSort.RECENTLY_ADDED: (lambda c: (c.created_at, c.id), True),
}
