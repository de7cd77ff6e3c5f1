"""The imports of the user's own archives, remembered so each one can be shown and undone as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .records import new_id, utc_now


@dataclass(frozen=True, kw_only=True, slots=True)
class ImportEntry:
    """One archive import: what it read, when, what it added, and whether it was undone.

    Every record the import added carries ``id`` as its ``import_id``; undoing the import removes
    exactly those records.
    """

    id: str = field(default_factory=new_id)
    source: str  # e.g. ``linkedin-archive``
    label: str  # what the user picked, e.g. the archive's file name
    at: datetime = field(default_factory=utc_now)
    counts: dict[str, int] = field(default_factory=dict)  # records added, by kind ("messages", "contacts", ...)
    undone_at: datetime | None = None

    @property
    def undone(self) -> bool:
        """Whether the import was undone."""
        return self.undone_at is not None

    @property
    def added(self) -> int:
        """How many records the import added."""
        return sum(self.counts.values())
