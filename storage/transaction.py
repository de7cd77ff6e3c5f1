"""A transaction: changes to any repositories and the settings, written in one atomic write.

Repositories stage their changes in the store's active transaction; nothing in memory or on
disk changes until the transaction commits. A commit writes the file once and only then
installs every staged change, so a failed write leaves memory and file as they were. Outside a
transaction each repository call runs as a transaction of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from .repository import Keyed, Repository

R = TypeVar('R')
K = TypeVar('K', bound='Keyed')


@dataclass(slots=True)
class Staged(Generic[R]):
    """What one transaction changes in one repository, in the order it was asked."""

    puts: dict[str, R] = field(default_factory=dict)
    """The final record of every id added or replaced."""
    docs: dict[str, Any] = field(default_factory=dict)
    """The encoded document of each of ``puts``."""
    added: dict[str, None] = field(default_factory=dict)
    """Ids that are new in this transaction: they get a new TinyDB doc id at commit."""
    removed: dict[str, None] = field(default_factory=dict)
    """Committed ids this transaction removes."""


@dataclass(slots=True)
class Transaction:
    """The changes collected by ``Store.transaction()`` until it commits."""

    staged: dict[Repository[Any], Staged[Any]] = field(default_factory=dict)
    settings: Any = None
    """New settings to store, or None."""

    def of(self, repository: Repository[K]) -> Staged[K]:
        """The changes staged for ``repository`` (created empty on first use)."""
        staged = self.staged.get(repository)
        if staged is None:
            staged = self.staged[repository] = Staged()
        return staged

    def peek(self, repository: Repository[K]) -> Staged[K] | None:
        """The changes staged for ``repository``, if any."""
        return self.staged.get(repository)
