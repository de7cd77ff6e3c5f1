"""The numbers the dashboard shows about the network, each one pass over the records."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date

from .contacts import Contact, Role, Stage
from .errors import ValidationError
from .followups.keep_in_touch import keep_in_touch_due, keep_in_touch_id
from .followups.network_index import NetworkIndex
from .network import Network
from .touches import touch_log

# The people the user most needs to keep warm: health and "longest without contact" look at them.
KEY_STAGES = frozenset({Stage.REFERENCE, Stage.ADVOCATE})


@dataclass(kw_only=True, slots=True, frozen=True)
class NetworkHealth:
    """How many references and advocates with a cadence are within it."""

    on_track: int
    total: int

    @property
    def share(self) -> float | None:
        """``on_track / total``, or None when nobody has a cadence (nothing to judge)."""
        return self.on_track / self.total if self.total else None


@dataclass(kw_only=True, slots=True, frozen=True)
class QuietContact:
    """A reference or advocate, and how long since the user was last in touch.

    Attributes:
        contact: The person.
        last_contact: The day of the latest touch, or None when they were never contacted.
        days_since: Days from that touch to today, or None when they were never contacted.
    """

    contact: Contact
    last_contact: date | None
    days_since: int | None


def stage_counts(network: Network) -> dict[Stage, int]:
    """How many contacts are at each stage.

    Args:
        network: Everything stored.

    Returns:
        A count for every stage, in pipeline order (zero when nobody is there).
    """
    counts = dict.fromkeys(Stage, 0)
    for contact in network.contacts:
        counts[contact.stage] += 1
    return counts


def role_counts(network: Network) -> dict[Role, int]:
    """How many contacts have each role.

    Args:
        network: Everything stored.

    Returns:
        A count for every role, in the roles' order (zero when nobody has it).
    """
    counts = dict.fromkeys(Role, 0)
    for contact in network.contacts:
        counts[contact.role] += 1
    return counts


def recently_changed(network: Network, limit: int = 5) -> list[Contact]:
    """The contacts added or edited most recently, latest first.

    Args:
        network: Everything stored.
        limit: How many.

    Returns:
        Up to ``limit`` contacts by last change (ties by name, then id).
    """
    if limit <= 0:
        return []
    return heapq.nsmallest(limit, network.contacts,
                           key=lambda c: (-c.updated_at.timestamp(), c.name.casefold(), c.id))


def network_health(network: Network, today: date, index: NetworkIndex | None = None) -> NetworkHealth:
    """How many references and advocates are within their keep-in-touch cadence.

    Someone is on track while their next catch-up is due today or later; people without a cadence
    are left out. A catch-up marked done or dismissed counts as the cycle kept, as in the
    follow-up list.

    Args:
        network: Everything stored.
        today: The day to judge.
        index: The network indexed for ``today``, to reuse one already built.

    Returns:
        The counts; ``share`` gives the fraction.
    """
    index = index or NetworkIndex.build(network, today)
    on_track = total = 0
    for contact in network.contacts:
        if contact.stage not in KEY_STAGES:
            continue
        last = index.last_interaction.get(contact.id)
        state = index.states.get(keep_in_touch_id(contact.id))
        due = keep_in_touch_due(contact, network.settings, last.on if last else None, state)
        if due is None:
            continue
        total += 1
        on_track += due >= today
    return NetworkHealth(on_track=on_track, total=total)


def touches_per_month(network: Network, today: date, months: int = 12) -> list[tuple[str, int]]:
    """How many touches (see ``touches``) there were in each of the last ``months`` calendar months.

    Args:
        network: Everything stored.
        today: The current day; its month is the last one, counted up to ``today``.
        months: How many months, at least 1.

    Returns:
        ``(YYYY-MM, count)`` pairs, oldest month first, including months with no interactions.

    Raises:
        ValidationError: ``months`` is less than 1.
    """
    if months < 1:
        raise ValidationError(f'Count at least 1 month, not {months}.', field='months')
    current = today.year * 12 + today.month - 1
    first = current - months + 1
    counts = [0] * months
    for touch in touch_log(network):
        on = touch.on
        month = on.year * 12 + on.month - 1
        if first <= month <= current and on <= today:
            counts[month - first] += 1
    return [(f'{(first + i) // 12:04d}-{(first + i) % 12 + 1:02d}', count) for i, count in enumerate(counts)]


def longest_without_contact(
    network: Network, today: date, limit: int = 5, index: NetworkIndex | None = None
) -> list[QuietContact]:
    """The references and advocates the user has gone longest without contacting.

    Args:
        network: Everything stored.
        today: The day to count to.
        limit: How many to return.
        index: The network indexed for ``today``, to reuse one already built.

    Returns:
        Up to ``limit`` people: those never contacted first, then longest silence first (ties by
        name, then id). The last contact is the latest touch (see ``touches``).
    """
    if limit <= 0:
        return []
    index = index or NetworkIndex.build(network, today)
    quiet = []
    for contact in network.contacts:
        if contact.stage not in KEY_STAGES:
            continue
        last = index.last_interaction.get(contact.id)
        if last is None:
            quiet.append(QuietContact(contact=contact, last_contact=None, days_since=None))
        else:
            quiet.append(QuietContact(contact=contact, last_contact=last.on, days_since=(today - last.on).days))
    return heapq.nsmallest(limit, quiet, key=_silence)


def _silence(quiet: QuietContact) -> tuple[bool, int, str, str]:
    # Never contacted is the longest silence of all.
    days = quiet.days_since
    return days is not None, -(days or 0), quiet.contact.name.casefold(), quiet.contact.id
