"""Repositories: the domain's view of one TinyDB table, as dataclasses, served from memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, Protocol, TypeVar

from tinydb.table import Table

from careernet_ui.domain import NotFoundError, utc_now

from .codec import decode, encode
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
        for doc in table.all():
            record = decode(record_type, doc)
            self._records[record.id] = record
            self._doc_ids[record.id] = doc.doc_id

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
