"""The pipeline board: one column per stage, each showing its most relevant people first.

At 30,000 contacts a column cannot show everyone, so each shows the first ``shown[stage]``
cards in order of relevance, with the column's total: people whose catch-up is overdue first,
then the ones the user has gone longest without contacting. Search and filters narrow every
column at once.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from .cadence import keep_in_touch_id
from .catch_up import CatchUp, catch_up
from .contact_search import fold, matches_organisation, matches_words
from .contacts import Contact, Role, Stage
from .network import Network
from .network_index import NetworkIndex

COLUMN_SIZE = 20
"""Cards a column shows at first, and how many more each "Show more" adds."""

MAX_TAG_OPTIONS = 100


@dataclass(kw_only=True, slots=True)
class BoardQuery:
    """What the user asked the board for: a search, filters, and how many cards per column."""

    text: str = ''
    role: Role | None = None
    tag: str = ''
    organisation: str = ''
    shown: dict[Stage, int] = field(default_factory=lambda: dict.fromkeys(Stage, COLUMN_SIZE))

    def show_more(self, stage: Stage) -> None:
        """Show ``COLUMN_SIZE`` more cards in ``stage``'s column."""
        self.shown[stage] = self.shown.get(stage, COLUMN_SIZE) + COLUMN_SIZE

    def narrowed(self) -> bool:
        """Whether a search or filter is applied (an empty column then means "no match")."""
        return bool(self.text.strip() or self.role or self.tag or self.organisation.strip())


@dataclass(kw_only=True, slots=True, frozen=True)
class BoardCard:
    """One person on the board, with where keeping in touch with them stands."""

    contact: Contact
    catch_up: CatchUp


@dataclass(kw_only=True, slots=True, frozen=True)
class BoardColumn:
    """One stage's column: the cards shown, and how many people match in all."""

    stage: Stage
    cards: list[BoardCard]
    total: int
    overdue: int

    @property
    def hidden(self) -> int:
        """How many matching people the column does not show."""
        return self.total - len(self.cards)


def build_board(network: Network, today: date, query: BoardQuery) -> list[BoardColumn]:
    """The board for ``query``: a column per stage, in pipeline order.

    Args:
        network: Everything stored.
        today: The day to judge "overdue" and "since last contact" on.
        query: The search, filters and column sizes.

    Returns:
        Four columns. Each holds up to ``query.shown[stage]`` cards: overdue people first, then
        by last contact, oldest first (ties by name, then id, so the order never wobbles), and
        counts every person who matches.
    """
    index = NetworkIndex.build(network, today)
    settings = network.settings
    ranked: dict[Stage, list[tuple[bool, date, str, str, Contact, CatchUp]]] = {stage: [] for stage in Stage}
    for contact in _matching(network.contacts, query):
        status = catch_up(
            contact,
            settings,
            index.last_interaction.get(contact.id),
            index.states.get(keep_in_touch_id(contact.id)),
            today,
        )
        ranked[contact.stage].append(
            (not status.overdue, status.last_contact, contact.name.casefold(), contact.id, contact, status)
        )
    columns = []
    for stage, entries in ranked.items():
        top = heapq.nsmallest(query.shown.get(stage, COLUMN_SIZE), entries, key=_rank)
        columns.append(
            BoardColumn(
                stage=stage,
                cards=[BoardCard(contact=entry[4], catch_up=entry[5]) for entry in top],
                total=len(entries),
                overdue=sum(1 for entry in entries if not entry[0]),
            )
        )
    return columns


def tag_options(contacts: Sequence[Contact], limit: int = MAX_TAG_OPTIONS) -> list[str]:
    """The tags to offer in the board's tag filter: the ``limit`` most used, alphabetically.

    Args:
        contacts: Everyone.
        limit: How many tags at most (a select with thousands of options helps nobody).

    Returns:
        Tag names, sorted.
    """
    counts = Counter(tag for contact in contacts for tag in contact.tags)
    common = heapq.nsmallest(limit, counts.items(), key=lambda item: (-item[1], item[0]))
    return sorted(tag for tag, _ in common)


def _matching(contacts: Sequence[Contact], query: BoardQuery) -> list[Contact]:
    words = fold(query.text).split()
    organisation = fold(query.organisation.strip())
    tag = query.tag.strip().lower()
    role = query.role
    return [
        contact
        for contact in contacts
        if (role is None or contact.role is role)
        and (not tag or tag in contact.tags)
        and (not organisation or matches_organisation(contact, organisation))
        and (not words or matches_words(contact, words))
    ]


def _rank(entry: tuple[bool, date, str, str, Contact, CatchUp]) -> tuple[bool, date, str, str]:
    return entry[0], entry[1], entry[2], entry[3]
