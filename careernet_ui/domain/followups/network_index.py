"""Lookups the follow-up kinds share, built once per computation so every kind stays O(n)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..contacts import Contact
from ..interactions import Interaction, InteractionKind
from ..network import Network
from ..snapshot_cache import SnapshotCache
from ..touches import touch_log
from .followup import FollowUpState
from .memo import InteractionLookups, MemoRound


@dataclass(kw_only=True, slots=True)
class NetworkIndex:
    """A network indexed as of ``today``.

    It indexes every touch (``touches.touch_log``): the logged interactions and what other records
    imply (a reference given, feedback, an introduction, a share), so "interaction" below means
    touch. Touches dated after ``today`` are plans, not contact: the index leaves them out, so a
    coffee booked for next week neither resets a cadence nor counts as evidence until its day.

    ``build`` makes one pass over the interactions and fills the eager lookups; the per-contact
    lists are built on first use, in one more pass, since most kinds never need them. (At 60,000
    interactions, tens of thousands of small lists cost more than everything else together.)
    With a memo, the lookups made from the interactions are reused while they are unchanged.

    Attributes:
        today: The day the index was built for.
        last_day: The last due date the caller asked to see (``today`` plus the horizon). A kind
            may skip a follow-up due after it: applying stored decisions never moves a due date
            earlier, so it could not be shown.
        contacts: Contacts by id.
        last_interaction: Each contact's latest interaction (same day: the one logged last).
        by_kind: Every interaction up to ``today``, by kind, in stored order.
        states: The stored decision for each follow-up id (the latest, if several were stored).
        memo: Follow-ups of the caller's previous computation a kind may reuse (see
            ``followup_memo``); None when the caller keeps none.
    """

    today: date
    last_day: date
    contacts: dict[str, Contact]
    last_interaction: dict[str, Interaction]
    by_kind: dict[InteractionKind, list[Interaction]]
    states: dict[str, FollowUpState]
    memo: MemoRound | None = None
    _groups: dict[tuple[InteractionKind, ...], dict[str, list[Interaction]]] = field(default_factory=dict, repr=False)
    _by_contact: dict[str, list[Interaction]] | None = field(default=None, repr=False)
    _sorted: set[str] = field(default_factory=set, repr=False)

    @classmethod
    def build(
        cls, network: Network, today: date, horizon_days: int = 0, *, memo: MemoRound | None = None
    ) -> NetworkIndex:
        """Index ``network`` in one pass over its interactions.

        Args:
            network: Everything stored.
            today: The day to compute for; later interactions are left out.
            horizon_days: How many days past ``today`` the caller wants to see.
            memo: The caller's memo round: the interaction lookups of its previous computation
                are reused if the interactions and the day are the same (extended if interactions
                were only logged since), and these are kept.

        Returns:
            The index.
        """
        if memo is None:  # the same for every index of this snapshot and day (the dashboard builds two)
            lookups = _SHARED_LOOKUPS.get(network, today, lambda: _interaction_lookups(touch_log(network), today))
        else:
            lookups = _lookups(touch_log(network), today, memo)
            _SHARED_LOOKUPS.get(network, today, lambda: lookups)  # the same: for an index built without it
        return cls(
            today=today,
            last_day=today + timedelta(days=horizon_days),
            contacts={contact.id: contact for contact in network.contacts},
            last_interaction=lookups.last_interaction,
            by_kind=lookups.by_kind,
            states=_latest_states(network.followup_states),
            memo=memo,
            _groups=lookups.groups,
        )

    @property
    def interactions(self) -> dict[str, list[Interaction]]:
        """Each contact's interactions up to ``today``, in stored order (built on first use)."""
        if self._by_contact is None:
            self._by_contact = self.grouped(*InteractionKind)
        return self._by_contact

    def grouped(self, *kinds: InteractionKind) -> dict[str, list[Interaction]]:
        """Interactions of any of ``kinds``, by contact id; costs only as many as there are.

        Args:
            *kinds: The interaction kinds wanted.

        Returns:
            A new dict of new lists, in stored order within each kind.
        """
        groups: dict[str, list[Interaction]] = {}
        for kind in kinds:
            for interaction in self.by_kind[kind]:
                group = groups.get(interaction.contact_id)
                if group is None:
                    groups[interaction.contact_id] = [interaction]
                else:
                    group.append(interaction)
        return groups

    def shared_groups(self, *kinds: InteractionKind) -> Mapping[str, Sequence[Interaction]]:
        """:meth:`grouped`, made once and shared (with the next computation too, under a memo).

        Args:
            *kinds: The interaction kinds wanted.

        Returns:
            The interactions by contact id; read only.
        """
        found = self._groups.get(kinds)
        if found is None:
            found = self._groups[kinds] = self.grouped(*kinds)
        return found

    def history(self, contact_id: str) -> list[Interaction]:
        """A contact's interactions up to ``today``, oldest first.

        Args:
            contact_id: The contact's id.

        Returns:
            The interactions; empty when there are none. Do not mutate it.
        """
        logged = self.interactions.get(contact_id)
        if logged is None:
            return []
        if contact_id not in self._sorted:
            logged.sort(key=_chronological)
            self._sorted.add(contact_id)
        return logged

    def count(self, contact_id: str, *kinds: InteractionKind) -> int:
        """How many interactions of any of ``kinds`` a contact has up to ``today``.

        Args:
            contact_id: The contact's id.
            *kinds: The interaction kinds to count.

        Returns:
            The count.
        """
        wanted = frozenset(kinds)
        return sum(1 for interaction in self.interactions.get(contact_id, ()) if interaction.kind in wanted)


_SHARED_LOOKUPS: SnapshotCache[date, InteractionLookups] = SnapshotCache()


def _lookups(interactions: Sequence[Interaction], today: date, memo: MemoRound | None) -> InteractionLookups:
    """The interaction lookups: the memo's if unchanged, extended if interactions were only logged, else new."""
    if memo is None:
        return _interaction_lookups(interactions, today)
    lookups = memo.lookups_for(interactions, today)
    if lookups is not None:
        return lookups
    to_extend = memo.lookups_to_extend(interactions, today)
    if to_extend is None:
        lookups = _interaction_lookups(interactions, today)
    else:
        previous, logged = to_extend
        lookups = _extended_lookups(previous, interactions, logged)
    memo.lookups = lookups
    return lookups


def _interaction_lookups(interactions: Sequence[Interaction], today: date) -> InteractionLookups:
    last: dict[str, Interaction] = {}
    by_kind: dict[InteractionKind, list[Interaction]] = {kind: [] for kind in InteractionKind}
    _index(interactions, today, last, by_kind)
    return InteractionLookups(interactions=interactions, today=today, last_interaction=last, by_kind=by_kind, groups={})


def _extended_lookups(
    previous: InteractionLookups, interactions: Sequence[Interaction], logged: Sequence[Interaction]
) -> InteractionLookups:
    """``previous`` with the interactions ``logged`` since added: what a full pass over ``interactions`` gives.

    At 60,000 interactions, a logged call then costs copying a few dicts and lists, not a pass
    over the whole log.
    ``previous`` is left as it was: the computation that made it may still be reading it.
    """
    today = previous.today
    logged = [interaction for interaction in logged if interaction.on <= today]
    last = dict(previous.last_interaction)
    by_kind = dict(previous.by_kind)
    for kind in {interaction.kind for interaction in logged}:
        by_kind[kind] = list(by_kind[kind])
    _index(logged, today, last, by_kind)
    groups = {kinds: _grown_groups(grouped, kinds, logged) for kinds, grouped in previous.groups.items()}
    return InteractionLookups(interactions=interactions, today=today, last_interaction=last, by_kind=by_kind,
                              groups=groups)


def _index(
    interactions: Iterable[Interaction],
    today: date,
    last: dict[str, Interaction],
    by_kind: dict[InteractionKind, list[Interaction]],
) -> None:
    """Add ``interactions`` (those up to ``today``) to each contact's latest and to the lists by kind."""
    for interaction in interactions:
        on = interaction.on
        if on > today:
            continue
        by_kind[interaction.kind].append(interaction)
        contact_id = interaction.contact_id
        latest = last.get(contact_id)
        if latest is None or on > latest.on or (on == latest.on and _logged_later(interaction, latest)):
            last[contact_id] = interaction


def _grown_groups(
    groups: dict[str, list[Interaction]], kinds: tuple[InteractionKind, ...], logged: Sequence[Interaction]
) -> dict[str, list[Interaction]]:
    """``groups`` (:meth:`NetworkIndex.grouped` of ``kinds``) with the ``logged`` interactions of those kinds."""
    wanted = [interaction for interaction in logged if interaction.kind in kinds]
    if not wanted:
        return groups
    grown = dict(groups)
    for interaction in wanted:
        grown[interaction.contact_id] = _inserted(grown.get(interaction.contact_id, []), interaction, kinds)
    return grown


def _inserted(
    group: list[Interaction], interaction: Interaction, kinds: tuple[InteractionKind, ...]
) -> list[Interaction]:
    # grouped() lists the kinds in the order asked, each in stored order, and the new interaction
    # is stored last: it goes after the last one of its kind or of a kind asked before it. A new
    # list, as the old one belongs to the previous lookups.
    rank = kinds.index(interaction.kind)
    at = len(group)
    while at and kinds.index(group[at - 1].kind) > rank:
        at -= 1
    return [*group[:at], interaction, *group[at:]]


def _chronological(interaction: Interaction) -> tuple[date, float, str]:
    return interaction.on, interaction.created_at.timestamp(), interaction.id


def _logged_later(interaction: Interaction, other: Interaction) -> bool:
    # Same day: the one logged last is "the last coffee"; the id settles exact ties so the
    # result never depends on the order records were stored in.
    return (interaction.created_at.timestamp(), interaction.id) > (other.created_at.timestamp(), other.id)


def _latest_states(states: Sequence[FollowUpState]) -> dict[str, FollowUpState]:
    # One state per follow-up is the rule; if a file holds several, the latest decision wins.
    latest: dict[str, FollowUpState] = {}
    for state in states:
        kept = latest.get(state.followup_id)
        if kept is None or state.decided_on >= kept.decided_on:
            latest[state.followup_id] = state
    return latest
