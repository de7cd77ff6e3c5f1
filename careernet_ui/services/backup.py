"""Full backups: every record and the settings as one TinyDB JSON document, and restoring one.

A backup is what the data file holds: ``{"_meta": {"1": {"schema_version": 1}}, "settings":
{"1": {...}}, "contacts": {"1": {...}, ...}, ...}``, so stock ``TinyDB(path)`` opens it. It is
built from the repositories, record by record in their stored order, so the same records always
give the same bytes.

Restoring is all or nothing up to the first write: :func:`read_backup` parses and validates
every record (each one is rebuilt through its dataclass, which runs the domain's validation)
before :func:`restore` stores anything. Into an empty data file it brings back everything,
settings included; with ``merge`` it adds only the records whose ids are absent and never
overwrites one, nor the settings; a person the data file already has under another id (same
profile URL, e-mail, or name and organisation, as the importer matches) is not added twice: what
the backup holds about them is added to the user's own.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careernet_ui.domain import CareerNetError, Settings
from careernet_ui.importers.plan import plan_import
from careernet_ui.importers.results import ParsedRow
from storage import Store
from storage.codec import decode, encode
from storage.durable import write_atomically
from storage.errors import UnsupportedSchemaVersion
from storage.migrations import META_TABLE, SCHEMA_VERSION, migrate, schema_version
from storage.repository import Keyed, Repository
from storage.store import SETTINGS_TABLE

MAX_BACKUP_BYTES = 500 * 1024 * 1024
"""Refuse larger backups: 30,000 contacts with their history make about 40 MB."""

RESTORE_BATCH = 5000
"""Records per write in :func:`restore_in_batches`."""

# A stock TinyDB file that was never written to through a table has this empty table.
_TINYDB_DEFAULT_TABLE = '_default'


class BackupError(CareerNetError):
    """The file cannot be restored (not a backup, a broken record, a newer CareerNet). Nothing was stored."""


class RestoreRefused(CareerNetError):
    """Restoring would replace records the data file already has. Restore into an empty file, or merge."""


@dataclass(kw_only=True, slots=True)
class Snapshot:
    """Every record and the settings as they were at one moment; safe to encode in a worker thread."""

    settings: Settings
    tables: dict[str, list[Any]]


@dataclass(kw_only=True, slots=True)
class Backup:
    """A validated backup, ready to restore: records by table name, and the settings if it had them."""

    settings: Settings | None
    tables: dict[str, list[Any]]

    @property
    def records(self) -> int:
        """How many records it holds."""
        return sum(len(records) for records in self.tables.values())


@dataclass(kw_only=True, slots=True)
class RestoreSummary:
    """What a restore stored: records added per table, records left alone because their id was there."""

    added: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    matched: int = 0
    """People of the backup found among the user's own under another id (see ``_same_people``)."""
    settings_restored: bool = False
    writes: int = 0

    def describe(self) -> str:
        """One sentence for the user, e.g. ``"Restored 12 contacts and 40 interactions."``."""
        added = [f'{count:,} {_noun(table)}' for table, count in self.added.items() if count]
        kept = sum(self.kept.values())
        text = f'Restored {_join(added)}.' if added else 'Nothing to restore: every record was already there.'
        if kept:
            text += f' Kept {kept:,} record{"" if kept == 1 else "s"} you already had (same id), unchanged.'
        if self.matched:
            text += (f' Found {self.matched:,} of its people among yours (same profile URL, e-mail, or name and '
                     'organisation): what it holds about them was added to them, not to a copy.')
        if self.settings_restored:
            text += ' Settings restored.'
        return text


def repositories(store: Store) -> dict[str, Repository[Any]]:
    """Every repository of the store by table name, in the order the store declares them."""
    return {value.table_name: value for value in vars(store).values() if isinstance(value, Repository)}


def record_types(store: Store) -> dict[str, type[Any]]:
    """The record class stored in each table (what :func:`read_backup` validates against)."""
    return {name: repository.record_type for name, repository in repositories(store).items()}


def snapshot(store: Store) -> Snapshot:
    """The store's records and settings now (cheap list copies; call on the event loop)."""
    return Snapshot(
        settings=store.settings,
        tables={name: repository.all() for name, repository in repositories(store).items()},
    )


def backup_document(snap: Snapshot) -> dict[str, dict[str, Any]]:
    """The snapshot as a TinyDB document: tables of documents keyed ``"1"``, ``"2"``, … in stored order."""
    document: dict[str, dict[str, Any]] = {
        META_TABLE: {'1': {'schema_version': SCHEMA_VERSION}},
        SETTINGS_TABLE: {'1': encode(snap.settings)},
    }
    for name, records in snap.tables.items():
        document[name] = {str(number): encode(record) for number, record in enumerate(records, 1)}
    return document


def backup_bytes(snap: Snapshot) -> bytes:
    """The backup file's bytes: indented ASCII JSON, the same for the same records."""
    return json.dumps(backup_document(snap), ensure_ascii=True, indent=1).encode('ascii')


def write_backup(store: Store, path: Path) -> int:
    """Write a full backup of ``store`` to ``path``; returns the number of records written."""
    snap = snapshot(store)
    write_atomically(path, [backup_bytes(snap)])  # private (0600) and never half written
    return sum(len(records) for records in snap.tables.values())


def read_backup_file(path: Path, types: Mapping[str, type[Any]]) -> Backup:
    """Read and validate the backup at ``path``; see :func:`read_backup`."""
    try:
        size = path.stat().st_size
        if size > MAX_BACKUP_BYTES:
            raise BackupError(f'{path} is {size / 1024 / 1024:.0f} MB, larger than any CareerNet backup can be.')
        data = path.read_bytes()
    except OSError as error:
        raise BackupError(f'Cannot read {path}: {error.strerror or error}.') from None
    return read_backup(data, types)


def read_backup(data: bytes, types: Mapping[str, type[Any]]) -> Backup:
    """Parse a backup and validate every record in it; pure, so it may run in a worker thread.

    Args:
        data: The backup file's bytes.
        types: The record class of each table (:func:`record_types`).

    Raises:
        BackupError: Not JSON, not shaped like a CareerNet backup, a record that is invalid, two
            records with one id, or a backup from a newer CareerNet. The message names the table
            and record and says that nothing was restored.
    """
    tables = _tables(data)
    try:
        version = schema_version(tables)
    except UnsupportedSchemaVersion as error:
        raise BackupError(f'{str(error).replace("The data file", "This backup")} Nothing was restored.') from None
    if version > SCHEMA_VERSION:
        raise BackupError(
            f'This backup was made by a newer CareerNet (schema {version}; this one reads up to {SCHEMA_VERSION}). '
            'Upgrade CareerNet to restore it. Nothing was restored.'
        )
    migrate(tables, version)  # older backups are brought up to date like an old data file
    settings = None
    restored: dict[str, list[Any]] = {}
    for name, docs in tables.items():
        if name == META_TABLE or (name == _TINYDB_DEFAULT_TABLE and not docs):
            continue
        if name == SETTINGS_TABLE:
            settings = _settings(docs)
            continue
        record_type = types.get(name)
        if record_type is None:
            raise BackupError(
                f'The backup has a table "{name}" this CareerNet does not know; it may come from another version. '
                'Nothing was restored.'
            )
        restored[name] = _records(name, docs, record_type)
    return Backup(settings=settings, tables=restored)


def restore(store: Store, backup: Backup, *, merge: bool = False) -> RestoreSummary:
    """Store a validated backup: into an empty data file, or merged into this one.

    Args:
        store: Where to restore.
        backup: From :func:`read_backup`.
        merge: Add only the records whose ids the store does not have; never overwrite one, nor
            the settings. Without it the store must hold no records at all.

    Raises:
        RestoreRefused: ``merge`` is off and the store already has records.
        OSError: The data file could not be written; nothing was restored.
    """
    summary = RestoreSummary()
    for _ in _restore(store, backup, summary, merge=merge, batch_size=None):
        pass
    return summary


async def restore_in_batches(
    store: Store, backup: Backup, *, merge: bool = False, batch_size: int = RESTORE_BATCH, pause: float = 0.05
) -> RestoreSummary:
    """:func:`restore`, leaving the event loop to others for ``pause`` seconds after every write of
    ``batch_size`` records (a zero-second sleep lets other coroutines take only one step each)."""
    summary = RestoreSummary()
    for _ in _restore(store, backup, summary, merge=merge, batch_size=batch_size):
        await asyncio.sleep(pause)
    return summary


def record_count(store: Store) -> int:
    """How many records the store holds, settings aside."""
    return sum(len(repository) for repository in repositories(store).values())


def _restore(
    store: Store, backup: Backup, summary: RestoreSummary, *, merge: bool, batch_size: int | None
) -> Iterator[None]:
    existing = record_count(store)
    if existing and not merge:
        raise RestoreRefused(
            f'{store.path} already holds {existing:,} record{"" if existing == 1 else "s"}: restoring would mix '
            'two networks. Restore into a new, empty data file, or merge (add only the records it is missing).'
        )
    repos = repositories(store)
    if merge:
        same = _same_people(store, backup)
        if same:
            backup = _onto_people_you_have(backup, same)
            summary.matched = len(same)
    added: dict[str, int] = {}
    kept: dict[str, int] = {}
    revision = store.revision
    # One transaction: a restore that fails or is killed leaves the file as it was, never some tables.
    with store.transaction():
        for name, records in backup.tables.items():
            repository = repos[name]
            fresh = [record for record in records if record.id not in repository]
            added[name] = len(fresh)
            kept[name] = len(records) - len(fresh)
            step = batch_size or len(fresh) or 1
            for start in range(0, len(fresh), step):
                repository.add_many(fresh[start : start + step])
                yield
        if not merge and backup.settings is not None:
            store.save_settings(backup.settings)
    summary.added.update(added)
    summary.kept.update(kept)
    summary.settings_restored = not merge and backup.settings is not None
    summary.writes += store.revision - revision


# The fields that name a contact, in every record type that has them.
_CONTACT_FIELDS = ('contact_id', 'advocate_id', 'to_contact_id', 'introduced_by')


def _same_people(store: Store, backup: Backup) -> dict[str, str]:
    """Backup contact id → the user's own contact id, for people the store has under another id.

    A backup from another installation gives the same people other ids; they are matched as the
    importer matches people (profile URL, e-mail, name and organisation), so a merge does not
    make a second copy of each.
    """
    contacts = store.contacts
    incoming = [c for c in backup.tables.get('contacts', ()) if c.id not in contacts]
    if not incoming:
        return {}
    rows = [ParsedRow(line=number, contact=contact) for number, contact in enumerate(incoming, start=1)]
    plan = plan_import(contacts.all(), rows)
    same: dict[str, str] = {}
    for matched in (*plan.updated, *plan.unchanged):
        for line in matched.lines:
            same[incoming[line - 1].id] = matched.existing.id
    for duplicate in plan.possible_duplicates:
        if duplicate.candidates:
            same[incoming[duplicate.row.line - 1].id] = duplicate.candidates[0].id
    return same


def _onto_people_you_have(backup: Backup, same: Mapping[str, str]) -> Backup:
    """``backup`` without the people in ``same``, its other records pointing at the user's own."""
    tables: dict[str, list[Any]] = {}
    for name, records in backup.tables.items():
        if name == 'contacts':
            tables[name] = [c for c in records if c.id not in same]
        else:
            tables[name] = [_pointed(record, same) for record in records]
    return Backup(settings=backup.settings, tables=tables)


def _pointed(record: Any, same: Mapping[str, str]) -> Any:
    changes: dict[str, Any] = {}
    for name in _CONTACT_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value in same:
            changes[name] = same[value]
    witnesses = getattr(record, 'witness_ids', None)
    if isinstance(witnesses, list) and any(w in same for w in witnesses):
        changes['witness_ids'] = [same.get(w, w) for w in witnesses]
    shares = getattr(record, 'shared', None)
    if isinstance(shares, list) and any(s.contact_id in same for s in shares):
        changes['shared'] = [dataclasses.replace(s, contact_id=same.get(s.contact_id, s.contact_id)) for s in shares]
    followup_id = getattr(record, 'followup_id', None)
    if isinstance(followup_id, str):
        # Follow-up ids name their source records (``keep_in_touch:<contact id>``).
        for old, new in same.items():
            if old in followup_id:
                changes['followup_id'] = followup_id = followup_id.replace(old, new)
    return dataclasses.replace(record, **changes) if changes else record


def _tables(data: bytes) -> dict[str, dict[str, Any]]:
    if not data.strip():
        raise BackupError('The file is empty: it is not a CareerNet backup. Nothing was restored.')
    try:
        # Decoded here rather than by json.loads, which guesses UTF-16 or -32 from NUL bytes.
        document = json.loads(data.decode('utf-8-sig'))
    except UnicodeDecodeError:
        raise BackupError('This is not a CareerNet backup: it is not text. Nothing was restored.') from None
    except json.JSONDecodeError as error:
        raise BackupError(
            f'This is not a CareerNet backup: it is not JSON (line {error.lineno}, column {error.colno}: '
            f'{error.msg}). Nothing was restored.'
        ) from None
    except RecursionError:
        raise BackupError('This is not a CareerNet backup: its JSON is nested thousands of levels deep. '
                          'Nothing was restored.') from None
    except ValueError:  # Python refuses to parse a number of more than 4,300 digits; no record holds one
        raise BackupError('This is not a CareerNet backup: it holds a number thousands of digits long. '
                          'Nothing was restored.') from None
    if not isinstance(document, dict) or not document:
        raise BackupError(
            'This is not a CareerNet backup: expected a JSON object of tables ("contacts", "interactions", …). '
            'Nothing was restored.'
        )
    for name, table in document.items():
        if not isinstance(table, dict):
            raise BackupError(
                f'This is not a CareerNet backup: "{name}" should be a table of records. Nothing was restored.'
            )
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise BackupError(f'Record {key} of table "{name}" is not a record. Nothing was restored.')
    return document


def _records(name: str, docs: dict[str, Any], record_type: type[Keyed]) -> list[Keyed]:
    records: list[Keyed] = []
    seen: dict[str, str] = {}
    for key, doc in docs.items():
        record = _decode(name, key, doc, record_type)
        if record.id in seen:
            raise BackupError(
                f'Records {seen[record.id]} and {key} of table "{name}" have the same id {record.id}. '
                'Nothing was restored.'
            )
        seen[record.id] = key
        records.append(record)
    return records


def _settings(docs: dict[str, Any]) -> Settings | None:
    if not docs:
        return None
    if len(docs) > 1:
        raise BackupError('The backup has more than one settings record. Nothing was restored.')
    ((key, doc),) = docs.items()
    settings: Settings = _decode(SETTINGS_TABLE, key, doc, Settings)
    return settings


def _decode(name: str, key: str, doc: dict[str, Any], record_type: type[Any]) -> Any:
    try:
        return decode(record_type, doc)
    # A hand-edited or damaged record fails in many ways: the domain's validation (CareerNetError
    # is a ValueError), a missing field (TypeError), a wrong type (AttributeError, TypeError).
    except (ValueError, TypeError, AttributeError, KeyError) as error:
        reason = _reason(error)
        raise BackupError(f'Record {key} of table "{name}" is invalid: {reason} Nothing was restored.') from None


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    if isinstance(error, TypeError) and 'required' in text:
        text = 'a required field is missing (' + text.rpartition(': ')[2] + ').'
    return text if text.endswith('.') else text + '.'


def _noun(table: str) -> str:
    return table.replace('_', ' ')


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ', '.join(parts[:-1]) + ' and ' + parts[-1]
