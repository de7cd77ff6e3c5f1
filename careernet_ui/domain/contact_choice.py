"""Choosing one contact in a form: the few that match what was typed, the likeliest first.

A select cannot offer 30,000 people; it offers at most ``limit`` matches for the typed words,
people at the preferred stages (references and advocates, when picking a reference) first.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from .contact_search import fold, matches_words
from .contacts import Contact, Stage

CHOICE_LIMIT = 20
REFERENCE_STAGES = (Stage.ADVOCATE, Stage.REFERENCE)


def choose_contacts(contacts: Iterable[Contact], text: str, *, prefer: Sequence[Stage] = REFERENCE_STAGES,
                    limit: int = CHOICE_LIMIT) -> list[Contact]:
    """The contacts matching every word of ``text``: preferred stages first (in ``prefer``'s order), then by name.

    With no text, the first ``limit`` contacts in that order: the likeliest choices.
    """
    words = fold(text).split()
    rank = {stage: index for index, stage in enumerate(prefer)}
    matches = (c for c in contacts if not words or matches_words(c, words))
    return heapq.nsmallest(limit, matches, key=lambda c: (rank.get(c.stage, len(rank)), c.name.casefold(), c.id))


def choice_label(contact: Contact) -> str:
    """How a contact reads in a select: ``Dana Okafor · Acme Corp (Reference)``."""
    organisation = f' · {contact.organisation}' if contact.organisation else ''
    return f'{contact.name}{organisation} ({contact.stage.label})'
