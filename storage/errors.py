"""Errors raised when the data file cannot be used. Each message names the file and what to do."""

from __future__ import annotations

from careernet_ui.domain.errors import CareerNetError


class StorageError(CareerNetError):
    """The data file cannot be opened or written; the message says why and what to do."""


class DataFileLocked(StorageError):
    """Another CareerNet process owns the data file. Stop it, or open a different file."""


class DataFileCorrupt(StorageError):
    """The data file is not a CareerNet/TinyDB JSON document. It was left untouched; restore a backup."""


class UnsupportedSchemaVersion(StorageError):
    """The data file was written by a newer CareerNet. Upgrade CareerNet; the file was left untouched."""


class ChangedElsewhere(StorageError):
    """The records a change was built from were changed meanwhile (another tab). Reload and redo it."""
