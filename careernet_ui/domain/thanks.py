"""Which thank-yous are owed, and which a hand-logged thank-you settled: one thank-you, one debt.

A person can be owed several thank-yous: a reference the employer checked, each introduction
they made, help logged by hand ("reference given", "introduction made" with no record behind
it). Each is thanked on its own. A thank-you recorded on its record (the request's "thanked"
step, the introduction's "thanked on") settles that record. A thank-you logged as an interaction
settles one debt: the latest still owed on or before its day (people thank for what just
happened); so an advocate thanked once for one introduction is still owed thanks for the others.
The interaction a record's own thank-you logs (the request step logs one) is that record's
thank-you, not a second one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .followups.network_index import NetworkIndex
from .interactions import Interaction, InteractionKind
from .network import Network
from .reference_requests import RequestStatus
from .snapshot_cache import SnapshotCache
from .touches import is_logged

HELP_KINDS = (InteractionKind.REFERENCE_GIVEN, InteractionKind.INTRODUCTION_MADE)
"""Interactions that record help given: each is owed a thank-you unless a record stands behind it."""


@dataclass(kw_only=True, slots=True, frozen=True)
class Debt:
    """A thank-you owed to ``contact_id`` since ``on``, for the record named by ``key``."""

    contact_id: str
    on: date
    key: str
    """``request:<id>``, ``introduction:<id>`` or ``interaction:<id>``."""


def settled_by_thank_yous(network: Network, index: NetworkIndex) -> frozenset[str]:
    """The keys of the debts a hand-logged thank-you (up to the index's day) settled.

    Args:
        network: Everything stored.
        index: The network indexed for the day to judge.

    Returns:
        Debt keys (see :class:`Debt`); remembered for the snapshot and day.
    """
    return _SETTLED.get(network, index.today, lambda: _settled(network, index))


def help_logged(index: NetworkIndex) -> list[Interaction]:
    """The hand-logged "reference given" and "introduction made" interactions up to the index's day.

    Read from the engine's index (which the follow-up memo keeps from one computation to the
    next), not from a pass over the whole log.
    """
    return [i for kind in HELP_KINDS for i in index.by_kind[kind] if is_logged(i)]


def unbacked_help(network: Network, index: NetworkIndex) -> Iterator[Interaction]:
    """Help logged by hand that no record stands behind: each is owed a thank-you of its own.

    A "reference given" on a day a request of that person reached "employer contacted", and an
    "introduction made" on a day an introduction by that person is recorded, are the record's.

    Args:
        network: Everything stored.
        index: The network indexed for the day to judge (later help is not counted).

    Yields:
        The interactions, by kind, then in stored order.
    """
    helped = help_logged(index)
    if not helped:
        return
    backed = _backed(network)
    for interaction in helped:
        if (interaction.contact_id, interaction.kind, interaction.on) not in backed:
            yield interaction


def debts(network: Network, index: NetworkIndex) -> Iterator[Debt]:
    """Every thank-you owed and not settled by its own record.

    Args:
        network: Everything stored.
        index: The network indexed for the day to judge.

    Yields:
        References the employer checked and not yet thanked, introductions not thanked, and help
        logged by hand with no record behind it.
    """
    for request in network.reference_requests:
        contacted = request.reached_on(RequestStatus.EMPLOYER_CONTACTED)
        if request.status is RequestStatus.EMPLOYER_CONTACTED and contacted is not None:
            yield Debt(contact_id=request.contact_id, on=contacted, key=f'request:{request.id}')
    for introduction in network.introductions:
        if introduction.thanked_on is None:
            yield Debt(contact_id=introduction.advocate_id, on=introduction.on, key=f'introduction:{introduction.id}')
    for interaction in unbacked_help(network, index):
        yield Debt(contact_id=interaction.contact_id, on=interaction.on, key=f'interaction:{interaction.id}')


def _settled(network: Network, index: NetworkIndex) -> frozenset[str]:
    thank_yous: dict[str, list[date]] = {}
    for interaction in index.by_kind[InteractionKind.THANK_YOU]:
        if is_logged(interaction):
            thank_yous.setdefault(interaction.contact_id, []).append(interaction.on)
    if not thank_yous:
        return frozenset()
    recorded = _recorded_thanks(network)
    owed: dict[str, list[Debt]] = {}
    for debt in debts(network, index):
        if debt.contact_id in thank_yous:
            owed.setdefault(debt.contact_id, []).append(debt)
    settled: set[str] = set()
    for contact_id, days in thank_yous.items():
        theirs = recorded.get(contact_id, [])
        open_debts = sorted(owed.get(contact_id, []), key=lambda d: (d.on, d.key))
        for day in sorted(days):
            if day in theirs:
                theirs.remove(day)  # the thank-you a record's own step logged
                continue
            before = [debt for debt in open_debts if debt.on <= day]
            if before:
                latest = before[-1]
                open_debts.remove(latest)
                settled.add(latest.key)
    return frozenset(settled)


def _recorded_thanks(network: Network) -> dict[str, list[date]]:
    """The days each person was thanked on a record (request steps, introductions): those thank-yous are spoken for."""
    recorded: dict[str, list[date]] = {}
    for request in network.reference_requests:
        for step in request.history:
            if step.status is RequestStatus.THANKED:
                recorded.setdefault(request.contact_id, []).append(step.on)
    for introduction in network.introductions:
        if introduction.thanked_on is not None:
            recorded.setdefault(introduction.advocate_id, []).append(introduction.thanked_on)
    return recorded


def _backed(network: Network) -> set[tuple[str, InteractionKind, date]]:
    backed = set()
    for request in network.reference_requests:
        for step in request.history:
            if step.status is RequestStatus.EMPLOYER_CONTACTED:
                backed.add((request.contact_id, InteractionKind.REFERENCE_GIVEN, step.on))
    for introduction in network.introductions:
        backed.add((introduction.advocate_id, InteractionKind.INTRODUCTION_MADE, introduction.on))
    return backed


_SETTLED: SnapshotCache[date, frozenset[str]] = SnapshotCache()

