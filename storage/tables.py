"""A TinyDB ``Table`` whose writes re-encode only the documents they touch.

TinyDB's ``Table._update_table`` rebuilds the whole table dict and hands the whole database to
``Storage.write`` on every insert, update or remove. With ``DurableJSONStorage`` underneath, this
class instead applies the change to the in-memory table and tells the storage which document
keys changed, so a write at 30,000 contacts does not re-encode 30,000 documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from tinydb.table import Table

from .durable import DurableJSONStorage


class RecordTable(Table):
    """TinyDB table with incremental, durable commits when backed by ``DurableJSONStorage``."""

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        storage = self._storage
        if not isinstance(storage, DurableJSONStorage):
            super()._update_table(updater)
            return
        raw = storage.read().setdefault(self.name, {})
        view = _IntKeyedView(raw)
        updater(view)  # type: ignore[arg-type]
        storage.commit(self.name, view.touched)
        self.clear_cache()


class _IntKeyedView(MutableMapping[int, Any]):
    """The int-keyed table TinyDB's updaters expect, over the str-keyed raw table; records touched keys.

    Updaters that modify a document in place (TinyDB's ``update``) get it through
    ``__getitem__``, so every key read here counts as touched too.
    """

    def __init__(self, raw: dict[str, Any]) -> None:
        self._raw = raw
        # A dict, not a set: keys must reach the storage in the order they were written, or new
        # documents land in the file in hash order and come back in another order after a restart.
        self.touched: dict[str, None] = {}

    def __getitem__(self, doc_id: int) -> Any:
        key = str(doc_id)
        value = self._raw[key]
        self.touched[key] = None
        return value

    def __setitem__(self, doc_id: int, value: Any) -> None:
        key = str(doc_id)
        self._raw[key] = value
        self.touched[key] = None

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        del self._raw[key]
        self.touched[key] = None

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._raw

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in list(self._raw))

    def __len__(self) -> int:
        return len(self._raw)


def put_documents(table: Table, documents: dict[int, dict[str, Any]]) -> None:
    """Create or replace the documents with these ids, in one write."""

    def updater(docs: MutableMapping[int, Any]) -> None:
        for doc_id, doc in documents.items():
            docs[doc_id] = doc

    table._update_table(updater)
