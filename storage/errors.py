"""Errors raised when the data file cannot be used. Each message names the file and what to do."""

from __future__ import annotations

from careernet_ui.domain.errors import CareerNetError


class StorageError(CareerNetError):
    """The data file cannot be opened or written; the message says why and what to do."""


class DataFileLocked(StorageError):
    """Another CareerNet process owns the data file. Stop it, or open a different file."""


class DataFileCorrupt(StorageError):
    """The data file is not a CareerNet/TinyDB JSON document. It was left untouched; restore a backup."""


class InvalidRecord(DataFileCorrupt):
    """A record in the data file is not valid (a hand edit, or another program's). Fix or remove it, or
    restore a backup; the file was left untouched. ``table``, ``doc_id``, ``record_id`` and ``field`` say where."""

    def __init__(self, *, table: str, doc_id: str, record_id: str | None, field: str | None, reason: str) -> None:
        named = f' (id {record_id})' if record_id else ''
        at = f' field "{field}":' if field else ''
        super().__init__(f'Record {doc_id}{named} of table "{table}" is invalid:{at} {reason}')
        self.table = table
        self.doc_id = doc_id
        self.record_id = record_id
        self.field = field


class UnsupportedSchemaVersion(StorageError):
    """The data file was written by a newer CareerNet. Upgrade CareerNet; the file was left untouched."""


class ChangedElsewhere(StorageError):
    """The records a change was built from were changed meanwhile (another tab). Reload and redo it."""
