"""Follow-ups remembered from one computation to the next, reused when made from the same records.

The store hands out the same record objects until they change, and a follow-up is a pure
function of the records and values it is made from. So a kind that finds the same inputs as
last time (compared with ``==``, which is ``is`` for an unchanged record) can hand back what
it made then (a follow-up, or none) instead of working it out again. At 30,000 contacts a
change to one of them then costs one new catch-up, not 16,000.

The same goes for what the engine's index derives from the interactions alone (each contact's
latest, the lists by kind and by contact): while the interactions are the same objects and
the day is the same, they are reused (:class:`InteractionLookups`); when interactions were only
logged since, they are extended with the new ones instead of made again from all of them.

A caller that computes the follow-ups again and again (the calendar feed) keeps one
:class:`FollowUpMemo` and passes it to ``due_follow_ups``. Each computation reads what the
previous one kept and keeps only what it used itself, so the memo never holds more than one
computation's follow-ups, and two computations running at once cannot corrupt it (the later
one to finish wins).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..interactions import Interaction, InteractionKind
from .followup import FollowUp

Made = tuple[FollowUp, ...]
"""What a kind made from one source record: usually one follow-up, or none."""
_Kept = dict[str, tuple[tuple[object, ...], Made]]


@dataclass(frozen=True, slots=True)
class InteractionLookups:
    """What the engine's index derives from the interactions alone, as of one day.

    Shared by the computations that reuse it: read only.
    """

    interactions: Sequence[Interaction]
    """The interactions it was derived from (the snapshot's list)."""
    today: date
    last_interaction: dict[str, Interaction]
    by_kind: dict[InteractionKind, list[Interaction]]
    groups: dict[tuple[InteractionKind, ...], dict[str, list[Interaction]]]
    """Interactions of some kinds by contact, filled as kinds ask for them."""


@dataclass(kw_only=True, slots=True)
class FollowUpMemo:
    """The follow-ups of the latest computation that used the memo, with what they were made from."""

    _kept: _Kept = field(default_factory=dict)
    _lookups: InteractionLookups | None = None

    def round(self) -> MemoRound:
        """Start a computation: it recalls from the latest finished one."""
        return MemoRound(previous=self._kept, previous_lookups=self._lookups)

    def keep(self, finished: MemoRound) -> None:
        """End a computation: what it used is what the next one recalls."""
        self._kept = finished.kept
        self._lookups = finished.lookups


@dataclass(kw_only=True, slots=True)
class MemoRound:
    """One computation's view of the memo."""

    previous: Mapping[str, tuple[tuple[object, ...], Made]]
    previous_lookups: InteractionLookups | None = None
    kept: _Kept = field(default_factory=dict)
    lookups: InteractionLookups | None = None
    """The interaction lookups this computation used (set by the index)."""

    def lookups_for(self, interactions: Sequence[Interaction], today: date) -> InteractionLookups | None:
        """The previous computation's interaction lookups, if made from the same interactions on ``today``.

        Args:
            interactions: The snapshot's interactions.
            today: The day computed for.

        Returns:
            The lookups to reuse (kept for the next computation too), or None.
        """
        previous = self.previous_lookups
        if previous is None or previous.today != today:
            return None
        # A new snapshot is a new list of (mostly) the same objects: comparing them is a pass of
        # identity checks in C, far cheaper than indexing 60,000 interactions again.
        if previous.interactions is not interactions and previous.interactions != interactions:
            return None
        self.lookups = previous
        return previous

    def lookups_to_extend(
        self, interactions: Sequence[Interaction], today: date
    ) -> tuple[InteractionLookups, Sequence[Interaction]] | None:
        """The previous computation's interaction lookups and the interactions logged since, if nothing else changed.

        Logging an interaction appends it to the store's list, so the previous list is then a
        prefix of the new one. An edit, a deletion or a new day changes more than that.

        Args:
            interactions: The snapshot's interactions.
            today: The day computed for.

        Returns:
            The previous lookups (to extend, not to modify: another computation may be reading
            them) and the interactions after those they were made from; or None.
        """
        previous = self.previous_lookups
        if previous is None or previous.today != today:
            return None
        count = len(previous.interactions)
        if len(interactions) <= count or interactions[:count] != previous.interactions:
            return None
        return previous, interactions[count:]

    def recall(self, source: str, made_from: tuple[object, ...]) -> Made | None:
        """What was made last time for ``source`` from inputs equal to ``made_from``.

        Args:
            source: Names the kind and its source record, like ``keep_in_touch:<contact id>``.
            made_from: Everything the result is computed from (records and values).

        Returns:
            The remembered follow-ups (kept for the next computation too), or None when
            there are none for these inputs.
        """
        remembered = self.previous.get(source)
        if remembered is None or remembered[0] != made_from:
            return None
        self.kept[source] = remembered
        return remembered[1]

    def remember(self, source: str, made_from: tuple[object, ...], made: Made) -> None:
        """Keep what was made for ``source`` from ``made_from``, for the next computation."""
        self.kept[source] = (made_from, made)
