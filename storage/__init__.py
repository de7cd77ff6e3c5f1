"""CareerNet's storage: one TinyDB JSON file, written durably, read from memory."""

from .errors import DataFileCorrupt, DataFileLocked, StorageError, UnsupportedSchemaVersion
from .store import Store, open_store

__all__ = [
    'DataFileCorrupt',
    'DataFileLocked',
    'StorageError',
    'Store',
    'UnsupportedSchemaVersion',
    'open_store',
]
