"""Follow-ups remembered from one computation to the next, reused when made from the same records.

The store hands out the same record objects until they change, and a follow-up is a pure
function of the records and values it is made from. So a kind that finds the same inputs as
last time (compared with ``==``, which is ``is`` for an unchanged record) can hand back what
it made then (a follow-up, or none) instead of working it out again. At 30,000 contacts a
change to one of them then costs one new catch-up, not 16,000.

A caller that computes the follow-ups again and again (the calendar feed) keeps one
:class:`FollowUpMemo` and passes it to ``due_follow_ups``. Each computation reads what the
previous one kept and keeps only what it used itself, so the memo never holds more than one
computation's follow-ups, and two computations running at once cannot corrupt it (the later
one to finish wins).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .followups import FollowUp

Made = tuple[FollowUp, ...]
"""What a kind made from one source record: usually one follow-up, or none."""
_Kept = dict[str, tuple[tuple[object, ...], Made]]


@dataclass(kw_only=True, slots=True)
class FollowUpMemo:
    """The follow-ups of the latest computation that used the memo, with what they were made from."""

    _kept: _Kept = field(default_factory=dict)

    def round(self) -> MemoRound:
        """Start a computation: it recalls from the latest finished one."""
        return MemoRound(previous=self._kept)

    def keep(self, finished: MemoRound) -> None:
        """End a computation: what it used is what the next one recalls."""
        self._kept = finished.kept


@dataclass(kw_only=True, slots=True)
class MemoRound:
    """One computation's view of the memo."""

    previous: Mapping[str, tuple[tuple[object, ...], Made]]
    kept: _Kept = field(default_factory=dict)

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
