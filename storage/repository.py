"""Repositories: the domain's view of one TinyDB table, as dataclasses, served from memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from typing import Any, Generic, Protocol, TypeVar

from careernet_ui.domain import NotFoundError, utc_now

from .bulk import RawTable
from .codec import decode_documents, encode
from .errors import ChangedElsewhere
from .transaction import Staged, Transaction


class Keyed(Protocol):
    """Anything stored by a repository has a string id."""

    @property
    def id(self) -> str: ...


class Owner(Protocol):
    """What a repository needs of its store: the transaction in progress, and a way to start one."""

    def active_transaction(self) -> Transaction | None:
        """The transaction this caller is inside, if any."""

    def transaction(self) -> AbstractContextManager[Transaction]:
        """A transaction (joining the active one) that commits when the block ends."""


R = TypeVar('R', bound=Keyed)


class Repository(Generic[R]):
    """Records of one type, kept in memory in insertion order and written through to the file.

    Records handed out are the cached instances: treat them as read-only and save changes
    with ``dataclasses.replace(record, ...)`` and ``update``. Inside ``store.transaction()``
    reads see the transaction's own changes; every change reaches memory and disk together,
    when the transaction commits.
    """

    def __init__(self, owner: Owner, table_name: str, record_type: type[R], docs: Mapping[str, Any] | RawTable,
                 *, in_network: bool = True) -> None:
        self._owner = owner
        self._table_name = table_name
        self._type = record_type
        self.in_network = in_network
        self._records, self._doc_ids = self.decoded(docs)

    def decoded(self, docs: Mapping[str, Any] | RawTable) -> tuple[dict[str, R], dict[str, int]]:
        """The records of a table's documents (parsed, or as the file's JSON) and their doc ids, by record id.

        Raises:
            ValueError: a document is not a valid record (the message names what is wrong).
        """
        records: dict[str, R] = {}
        doc_ids: dict[str, int] = {}
        for doc_id, record in decode_documents(self._type, docs, table=self.table_name):
            records[record.id] = record
            doc_ids[record.id] = doc_id
        return records, doc_ids

    def replace_all(self, records: dict[str, R], doc_ids: dict[str, int]) -> None:
        """Hold these records instead (the file was reloaded)."""
        self._records, self._doc_ids = records, doc_ids

    @property
    def table_name(self) -> str:
        """The TinyDB table the records live in (backup and restore walk every repository by it)."""
        return self._table_name

    @property
    def record_type(self) -> type[R]:
        """The dataclass of the records."""
        return self._type

    def __len__(self) -> int:
        staged = self._staged()
        if staged is None:
            return len(self._records)
        return len(self._records) - len(staged.removed) + len(staged.added)

    def __iter__(self) -> Iterator[R]:
        staged = self._staged()
        return iter(self._records.values()) if staged is None else iter(self._merged(staged))

    def __contains__(self, record_id: object) -> bool:
        return isinstance(record_id, str) and self.find(record_id) is not None

    def all(self) -> list[R]:
        """Every record, oldest first."""
        staged = self._staged()
        return list(self._records.values()) if staged is None else self._merged(staged)

    def find(self, record_id: str) -> R | None:
        """The record with this id, or None."""
        staged = self._staged()
        if staged is not None:
            if record_id in staged.puts:
                return staged.puts[record_id]
            if record_id in staged.removed:
                return None
        return self._records.get(record_id)

    def get(self, record_id: str) -> R:
        """The record with this id; raises ``NotFoundError`` naming it when absent."""
        record = self.find(record_id)
        if record is None:
            noun = self._type.__name__
            raise NotFoundError(f'No {noun.lower()} with id {record_id} (it may have been deleted).')
        return record

    def add(self, record: R) -> R:
        """Store a new record durably and return it."""
        return self.add_many([record])[0]

    def add_many(self, records: Iterable[R]) -> list[R]:
        """Store new records in one durable write."""
        batch = list(records)
        self.apply(add=batch)
        return batch

    def update(self, record: R, *, base: R | None = None) -> R:
        """Replace the stored record with the same id, stamping ``updated_at``; returns what was stored.

        ``updated_at`` is the record's revision. A record built from an older revision than the
        stored one (another tab saved in between) is refused with ``ChangedElsewhere``, unless
        ``base`` (the revision it was built from) is given and the two saves changed different
        fields: then they are merged field by field.
        """
        return self._apply([], [record], [], {record.id: base} if base is not None else {})[0]

    def update_many(self, records: Iterable[R]) -> list[R]:
        """Replace several records in one durable write; returns what was stored (see ``update``)."""
        return self._apply([], list(records), [])

    def put(self, record: R, *, base: R | None = None) -> R:
        """Add the record, or replace the one with its id (see ``update`` for ``base``)."""
        return self.update(record, base=base) if record.id in self else self.add(record)

    def delete(self, record_id: str) -> None:
        """Remove a record; raises ``NotFoundError`` when it is not there."""
        self.delete_many([record_id])

    def delete_many(self, record_ids: Iterable[str]) -> None:
        """Remove several records in one durable write."""
        self.apply(delete=record_ids)

    def committed(self, record_id: str) -> R | None:
        """The record with this id as last committed, ignoring the active transaction's changes."""
        return self._records.get(record_id)

    def restore(self, records: Iterable[R] = (), *, delete: Iterable[str] = ()) -> None:
        """Put ``records`` back exactly as given and remove ``delete``, in one durable write (for undo).

        Unlike ``update``, a record keeps the ``updated_at`` it carries (the revision it had before
        the change being undone) and no revision check is made: the caller checked that what is
        stored is what the change left. A restored record that was deleted gets a new TinyDB doc id.
        """
        batch = list(records)
        added = [record for record in batch if record.id not in self]
        updated = [record for record in batch if record.id in self]
        self._apply(added, updated, list(dict.fromkeys(delete)), as_given=True)

    def apply(self, *, add: Iterable[R] = (), update: Iterable[R] = (), delete: Iterable[str] = ()) -> None:
        """Add, replace (stamping ``updated_at``) and remove records in one durable write.

        Everything is checked before anything is staged: an added id that exists, a replaced
        or removed id that does not, or an id named twice raises and stores nothing.
        """
        self._apply(list(add), list(update), list(dict.fromkeys(delete)))

    def _apply(self, added: list[R], updated: list[R], deleted: list[str],
               bases: Mapping[str, R] | None = None, *, as_given: bool = False) -> list[R]:
        if not (added or updated or deleted):
            return updated
        named: set[str] = set()
        for record_id in [r.id for r in added] + [r.id for r in updated] + deleted:
            if record_id in named:
                raise ValueError(f'{self._type.__name__} {record_id} is named twice in one change.')
            named.add(record_id)
        for record in added:
            if record.id in self:
                raise ValueError(f'A {self._type.__name__} with id {record.id} already exists.')
        for record_id in deleted:
            self.get(record_id)
        if as_given:
            for record in updated:
                self.get(record.id)
        else:
            updated = [_stamped(self._current_revision(record, (bases or {}).get(record.id))) for record in updated]
        with self._owner.transaction() as transaction:
            staged = transaction.of(self)
            for record_id in deleted:
                if record_id in staged.added:
                    del staged.added[record_id]
                if record_id in self._records:
                    staged.removed[record_id] = None
                staged.puts.pop(record_id, None)
                staged.docs.pop(record_id, None)
            for record in updated:
                staged.puts[record.id] = record
                staged.docs[record.id] = encode(record)
            for record in added:
                if record.id in self._records:  # removed earlier in this transaction: a new document
                    staged.removed[record.id] = None
                staged.added[record.id] = None
                staged.puts[record.id] = record
                staged.docs[record.id] = encode(record)
        return updated

    def _current_revision(self, record: R, base: R | None) -> R:
        """``record`` if it was built from the stored revision; else merged onto it, or refused."""
        current = self.get(record.id)
        revision = getattr(record, 'updated_at', None)
        if revision is None or revision == getattr(current, 'updated_at', None):
            return record
        noun = self._type.__name__.lower()
        label = getattr(current, 'name', None) or f'This {noun}'
        refused = ChangedElsewhere(f'{label} was changed in another tab — reload to see it. Nothing was saved.')
        if base is None or getattr(base, 'updated_at', None) != revision:
            raise refused
        mine: dict[str, Any] = {}
        for field in dataclasses.fields(record):  # type: ignore[arg-type]
            name = field.name
            if name in ('id', 'created_at', 'updated_at'):
                continue
            ours, was, theirs = getattr(record, name), getattr(base, name), getattr(current, name)
            if ours == was:
                continue
            if theirs != was and theirs != ours:
                raise refused  # both tabs changed this field, differently
            mine[name] = ours
        return dataclasses.replace(current, **mine)  # type: ignore[type-var]

    # Called by the store's commit only.

    def documents(self) -> dict[str, Any]:
        """Every record as the file holds it: its document, by doc id, in the file's order."""
        by_doc_id = sorted((doc_id, record_id) for record_id, doc_id in self._doc_ids.items())
        return {str(doc_id): encode(self._records[record_id]) for doc_id, record_id in by_doc_id}

    def file_changes(self, staged: Staged[R], next_id: int) -> tuple[dict[str, Any], dict[str, int]]:
        """The document changes ``staged`` makes to the table, and the doc ids of added records.

        Raises:
            ChangedElsewhere: another transaction committed a change to the same records first.
        """
        changes: dict[str, Any] = {}
        for record_id in staged.removed:
            if record_id not in self._records:
                raise ChangedElsewhere(f'{self._type.__name__} {record_id} was deleted meanwhile. Nothing was changed.')
            changes[str(self._doc_ids[record_id])] = None
        new_ids: dict[str, int] = {}
        for record_id, doc in staged.docs.items():
            if record_id in staged.added:
                if record_id in self._records and record_id not in staged.removed:
                    raise ChangedElsewhere(f'A {self._type.__name__} with id {record_id} was added meanwhile. '
                                           'Nothing was changed.')
                doc_id = new_ids[record_id] = next_id
                next_id += 1
            elif record_id in self._records:
                doc_id = self._doc_ids[record_id]
            else:
                raise ChangedElsewhere(f'{self._type.__name__} {record_id} was deleted meanwhile. Nothing was changed.')
            changes[str(doc_id)] = doc
        return changes, new_ids

    def install(self, staged: Staged[R], new_ids: Mapping[str, int]) -> None:
        """Make ``staged`` the records in memory (after the file holds them)."""
        for record_id in staged.removed:
            del self._records[record_id]
            del self._doc_ids[record_id]
        for record_id, record in staged.puts.items():
            self._records[record_id] = record
            if record_id in new_ids:
                self._doc_ids[record_id] = new_ids[record_id]

    def _staged(self) -> Staged[R] | None:
        transaction = self._owner.active_transaction()
        return None if transaction is None else transaction.peek(self)

    def _merged(self, staged: Staged[R]) -> list[R]:
        kept = [staged.puts.get(record_id, record) for record_id, record in self._records.items()
                if record_id not in staged.removed]
        return kept + [staged.puts[record_id] for record_id in staged.added]


def _stamped(record: R) -> R:
    if hasattr(record, 'updated_at'):
        return dataclasses.replace(record, updated_at=utc_now())  # type: ignore[type-var]
    return record
