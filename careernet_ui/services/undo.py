"""Undo: record what one user action changed, and put it all back in one transaction.

Any service call can be made undoable without knowing about undo: ``recorded(store, action)``
runs it inside one transaction and, as that transaction commits, keeps every record it added,
replaced or removed — in every table, so a delete's cascade (a contact's interactions, requests,
witness links, follow-up decisions) is kept with it. ``undo(store, undo)`` puts those records back
exactly as they were: same ids, same fields, the same ``updated_at`` revision (the revision is
not bumped: what is stored again *is* that revision, so a tab still showing it may save on top of
it). A record added by the action is removed. A restored record gets a new TinyDB doc id (ids of
records never change) and so sorts last in file order.

An undo is refused, and changes nothing, when any of those records was changed again after the
action (in this tab, another one, or by an outside edit of the file): it would clobber that change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from storage import Store
from storage.errors import ChangedElsewhere

from .backup import repositories

T = TypeVar('T')


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """One record an action changed: as it was before, and as the action left it."""

    table: str
    """The table (repository) it is stored in."""
    record_id: str
    before: Any
    """The record before the action; None when the action added it."""
    after: Any
    """The record as the action stored it; None when the action removed it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Undo:
    """Everything one action changed, to put back with :func:`undo`."""

    changes: tuple[Change, ...] = ()

    @property
    def empty(self) -> bool:
        """The action changed nothing: there is nothing to undo."""
        return not self.changes


def recorded(store: Store, action: Callable[[], T]) -> tuple[T, Undo]:
    """Run ``action`` (a service call) in one transaction and return its result and how to undo it.

    Raises:
        Whatever ``action`` raises; nothing is stored then.
        RuntimeError: called inside another transaction (its changes would not be committed yet).
    """
    if store.active_transaction() is not None:
        raise RuntimeError('recorded() must run outside a transaction: it records what one commit changes.')
    tables = repositories(store)
    befores: list[tuple[str, str, Any]] = []
    with store.transaction() as transaction:
        result = action()
        for repository, staged in transaction.staged.items():
            for record_id in dict.fromkeys([*staged.removed, *staged.puts]):
                befores.append((repository.table_name, record_id, repository.committed(record_id)))
    changes = []
    for table, record_id, before in befores:
        after = tables[table].find(record_id)
        if after != before:
            changes.append(Change(table=table, record_id=record_id, before=before, after=after))
    return result, Undo(changes=tuple(changes))


def combined(first: Undo, then: Undo) -> Undo:
    """One undo for two actions made one after the other (a move, then its note): back to before both."""
    befores = {(c.table, c.record_id): c.before for c in first.changes}
    merged = {(c.table, c.record_id): c for c in first.changes}
    for change in then.changes:
        key = (change.table, change.record_id)
        merged[key] = Change(table=change.table, record_id=change.record_id,
                             before=befores.get(key, change.before), after=change.after)
    return Undo(changes=tuple(c for c in merged.values() if c.before != c.after))


def undo(store: Store, undo: Undo) -> int:
    """Put back every record ``undo`` holds as it was before its action, in one transaction.

    Returns:
        How many records were put back (added again, restored or removed).

    Raises:
        ChangedElsewhere: a record was changed after the action (nothing is changed then).
        OSError: the write failed (nothing is changed).
    """
    store.catch_up_with_disk()  # a sync or a hand edit since counts as a change too
    tables = repositories(store)
    with store.transaction():
        for change in undo.changes:
            current = tables[change.table].find(change.record_id)
            if current != change.after:
                raise ChangedElsewhere(_refusal(change, current))
        for table in dict.fromkeys(change.table for change in undo.changes):
            mine = [change for change in undo.changes if change.table == table]
            tables[table].restore([change.before for change in mine if change.before is not None],
                                  delete=[change.record_id for change in mine if change.before is None])
    return len(undo.changes)


def _refusal(change: Change, current: Any) -> str:
    what = _label(current if current is not None else change.after if change.after is not None else change.before)
    happened = 'deleted' if current is None else 'added again' if change.after is None else 'changed'
    return (f'Cannot undo: {what} was {happened} after that, and undoing would overwrite it. '
            'Nothing was undone.')


def _label(record: Any) -> str:
    for name in ('name', 'title', 'company'):
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            return value if name != 'title' else f'"{value}"'
    noun = {'FollowUpState': 'follow-up', 'ReferenceRequest': 'reference request'}.get(
        type(record).__name__, type(record).__name__.lower())
    return f'the {noun}'
