"""The pipeline board: one column per stage, each showing its most relevant people first.

At 30,000 contacts a column cannot show everyone, so each shows the first ``shown[stage]``
cards in order of relevance, with the column's total: people whose catch-up is overdue first,
then the ones the user has gone longest without contacting. Search and filters narrow every
column at once.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .catch_up import CatchUp, catch_up
from .contact_search import fold, matches_organisation, matches_words
from .contacts import Contact, Role, Stage
from .followups.keep_in_touch import keep_in_touch_id
from .followups.network_index import NetworkIndex
from .network import Network
from .snapshot_cache import SnapshotCache

COLUMN_SIZE = 10
"""Cards a column shows at first, and how many more each "Show more" adds."""

MAX_TAG_OPTIONS = 100
MAX_PINNED = 20


@dataclass(kw_only=True, slots=True)
class BoardQuery:
    """What the user asked the board for: a search, filters, and how many cards per column."""

    text: str = ''
    role: Role | None = None
    tag: str = ''
    organisation: str = ''
    shown: dict[Stage, int] = field(default_factory=lambda: dict.fromkeys(Stage, COLUMN_SIZE))
    pinned: list[str] = field(default_factory=list)
    """Contacts just moved or contacted, most recent first: shown at the top of their column, so a
    card the user just dropped does not vanish behind "Show more" when it ranks low."""

    def pin(self, contact_id: str) -> None:
        """Show ``contact_id`` at the top of its column from now on (the latest pin first)."""
        self.pinned = [contact_id, *(pinned for pinned in self.pinned if pinned != contact_id)][:MAX_PINNED]

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

    The ranking (``rank_board``) is remembered for the network snapshot and day, so searching,
    filtering and "Show more" only filter and slice it.

    Args:
        network: Everything stored.
        today: The day to judge "overdue" and "since last contact" on.
        query: The search, filters and column sizes.

    Returns:
        Four columns. Each holds up to ``query.shown[stage]`` cards: the pinned ones first, then
        overdue people, then by last contact, oldest first (ties by name, then id, so the order
        never wobbles), and counts every person who matches.
    """
    ranked = _RANKED.get(network, today, lambda: rank_board(network, today))
    columns = []
    matches = _matcher(query)
    pins = {contact_id: order for order, contact_id in enumerate(query.pinned)}
    for stage, cards in ranked.items():
        if matches is not None:
            cards = [card for card in cards if matches(card.contact)]
        if pins:
            first = sorted((card for card in cards if card.contact.id in pins), key=lambda c: pins[c.contact.id])
            if first:
                cards = first + [card for card in cards if card.contact.id not in pins]
        columns.append(
            BoardColumn(
                stage=stage,
                cards=cards[: query.shown.get(stage, COLUMN_SIZE)],
                total=len(cards),
                overdue=sum(1 for card in cards if card.catch_up.overdue),
            )
        )
    return columns


def rank_board(network: Network, today: date) -> dict[Stage, list[BoardCard]]:
    """Everyone, by stage, in the board's order: overdue first, then longest since last contact.

    Args:
        network: Everything stored.
        today: The day to judge on.

    Returns:
        A list per stage, in pipeline order; ties by name, then id.
    """
    index = NetworkIndex.build(network, today)
    settings = network.settings
    keyed: dict[Stage, list[tuple[bool, date, date, str, str, BoardCard]]] = {stage: [] for stage in Stage}
    for contact in network.contacts:
        status = catch_up(
            contact,
            settings,
            index.last_interaction.get(contact.id),
            index.states.get(keep_in_touch_id(contact.id)),
            today,
        )
        card = BoardCard(contact=contact, catch_up=status)
        # Never contacted is the longest without contact: those people come first, the ones known
        # longest (added or moved earliest) first among them.
        key = (not status.overdue, status.last_contact or date.min, status.counts_from, contact.name.casefold(),
               contact.id)
        keyed[contact.stage].append((*key, card))
    ranked: dict[Stage, list[BoardCard]] = {}
    for stage, entries in keyed.items():
        entries.sort(key=_rank)
        ranked[stage] = [entry[5] for entry in entries]
    return ranked


def tag_options(network: Network, limit: int = MAX_TAG_OPTIONS) -> list[str]:
    """The tags to offer in the board's tag filter: the ``limit`` most used, alphabetically.

    Args:
        network: Everything stored.
        limit: How many tags at most (a select with thousands of options helps nobody).

    Returns:
        Tag names, sorted.
    """

    def most_used() -> list[str]:
        counts = Counter(tag for contact in network.contacts for tag in contact.tags)
        common = heapq.nsmallest(limit, counts.items(), key=lambda item: (-item[1], item[0]))
        return sorted(tag for tag, _ in common)

    return _TAGS.get(network, limit, most_used)


def _matcher(query: BoardQuery) -> Callable[[Contact], bool] | None:
    words = fold(query.text).split()
    organisation = fold(query.organisation.strip())
    tag = query.tag.strip().lower()
    role = query.role
    if not (words or organisation or tag or role):
        return None

    def matches(contact: Contact) -> bool:
        return (
            (role is None or contact.role is role)
            and (not tag or tag in contact.tags)
            and (not organisation or matches_organisation(contact, organisation))
            and (not words or matches_words(contact, words))
        )

    return matches


def _rank(entry: tuple[bool, date, date, str, str, BoardCard]) -> tuple[bool, date, date, str, str]:
    return entry[0], entry[1], entry[2], entry[3], entry[4]


# The ranking of the latest snapshot, by day: re-rendering the board without a change costs a slice.
_RANKED: SnapshotCache[date, dict[Stage, list[BoardCard]]] = SnapshotCache()
_TAGS: SnapshotCache[int, list[str]] = SnapshotCache()
