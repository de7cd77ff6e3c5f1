"""Repositories: the domain's view of one TinyDB table, as dataclasses, served from memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import Any, Generic, Protocol, TypeVar

from tinydb.table import Table

from careernet_ui.domain import NotFoundError, utc_now

from .codec import decode_documents, encode
from .tables import put_documents


class Keyed(Protocol):
    """Anything stored by a repository has a string id."""

    @property
    def id(self) -> str: ...


R = TypeVar('R', bound=Keyed)


class Repository(Generic[R]):
    """Records of one type, kept in memory in insertion order and written through to the file.

    Records handed out are the cached instances: treat them as read-only and save changes
    with ``dataclasses.replace(record, ...)`` and ``update``.
    """

    def __init__(self, table: Table, record_type: type[R], on_change: Callable[[], None]) -> None:
        self._table = table
        self._type = record_type
        self._on_change = on_change
        self._records: dict[str, R] = {}
        self._doc_ids: dict[str, int] = {}
        # The raw documents, not table.all(): that copies each one into a TinyDB Document first.
        for doc_id, record in decode_documents(record_type, table._read_table(), table=table.name):
            self._records[record.id] = record
            self._doc_ids[record.id] = doc_id

    @property
    def table_name(self) -> str:
        """The TinyDB table the records live in (backup and restore walk every repository by it)."""
        return self._table.name

    @property
    def record_type(self) -> type[R]:
        """The dataclass of the records."""
        return self._type

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records.values())

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._records

    def all(self) -> list[R]:
        """Every record, oldest first."""
        return list(self._records.values())

    def find(self, record_id: str) -> R | None:
        """The record with this id, or None."""
        return self._records.get(record_id)

    def get(self, record_id: str) -> R:
        """The record with this id; raises ``NotFoundError`` naming it when absent."""
        record = self._records.get(record_id)
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
        if not batch:
            return []
        for record in batch:
            if record.id in self._records:
                raise ValueError(f'A {self._type.__name__} with id {record.id} already exists.')
        doc_ids = self._table.insert_multiple(encode(record) for record in batch)
        for record, doc_id in zip(batch, doc_ids, strict=True):
            self._records[record.id] = record
            self._doc_ids[record.id] = doc_id
        self._on_change()
        return batch

    def update(self, record: R) -> R:
        """Replace the stored record with the same id, stamping ``updated_at``; returns what was stored."""
        return self.update_many([record])[0]

    def update_many(self, records: Iterable[R]) -> list[R]:
        """Replace several records in one durable write."""
        stamped = [_stamped(record) for record in records]
        if not stamped:
            return []
        for record in stamped:
            self.get(record.id)
        put_documents(self._table, {self._doc_ids[r.id]: encode(r) for r in stamped})
        for record in stamped:
            self._records[record.id] = record
        self._on_change()
        return stamped

    def put(self, record: R) -> R:
        """Add the record, or replace the one with its id."""
        return self.update(record) if record.id in self._records else self.add(record)

    def delete(self, record_id: str) -> None:
        """Remove a record; raises ``NotFoundError`` when it is not there."""
        self.delete_many([record_id])

    def apply(self, *, add: Iterable[R] = (), update: Iterable[R] = (), delete: Iterable[str] = ()) -> None:
        """Add, replace (stamping ``updated_at``) and remove records in one durable write.

        Everything is checked before anything is written: an added id that exists, a replaced
        or removed id that does not, or an id named twice raises and stores nothing.
        """
        added = list(add)
        updated = [_stamped(record) for record in update]
        deleted = list(dict.fromkeys(delete))
        if not (added or updated or deleted):
            return
        named: set[str] = set()
        for record_id in [r.id for r in added] + [r.id for r in updated] + deleted:
            if record_id in named:
                raise ValueError(f'{self._type.__name__} {record_id} is named twice in one change.')
            named.add(record_id)
        for record in added:
            if record.id in self._records:
                raise ValueError(f'A {self._type.__name__} with id {record.id} already exists.')
        for record_id in [r.id for r in updated] + deleted:
            self.get(record_id)
        table = self._table
        new_doc_ids: list[int] = []

        def updater(docs: MutableMapping[int, Any]) -> None:
            for record_id in deleted:
                del docs[self._doc_ids[record_id]]
            for record in updated:
                docs[self._doc_ids[record.id]] = encode(record)
            for record in added:
                # TinyDB's own id allocation (what insert_multiple uses), so its cached next id stays right.
                doc_id: int = table._get_next_id()  # type: ignore[no-untyped-call]
                docs[doc_id] = encode(record)
                new_doc_ids.append(doc_id)

        table._update_table(updater)
        for record_id in deleted:
            del self._records[record_id]
            del self._doc_ids[record_id]
        for record in updated:
            self._records[record.id] = record
        for record, doc_id in zip(added, new_doc_ids, strict=True):
            self._records[record.id] = record
            self._doc_ids[record.id] = doc_id
        self._on_change()

    def delete_many(self, record_ids: Iterable[str]) -> None:
        """Remove several records in one durable write."""
        ids = [record_id for record_id in dict.fromkeys(record_ids)]
        for record_id in ids:
            self.get(record_id)
        if not ids:
            return
        self._table.remove(doc_ids=[self._doc_ids[record_id] for record_id in ids])
        for record_id in ids:
            del self._records[record_id]
            del self._doc_ids[record_id]
        self._on_change()


def _stamped(record: R) -> R:
    if hasattr(record, 'updated_at'):
        return dataclasses.replace(record, updated_at=utc_now())  # type: ignore[type-var]
    return record
