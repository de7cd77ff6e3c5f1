"""The store: opens the data file safely and hands out one repository per kind of record."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tinydb import TinyDB

from careernet_ui.domain import (
    Accomplishment,
    Application,
    Contact,
    Feedback,
    FollowUpState,
    Interaction,
    Introduction,
    Network,
    ReferenceRequest,
    Settings,
)
from careernet_ui.domain.feed_marks import FeedMark

from . import backups, migrations
from .bulk import collector_paused
from .codec import decode, encode
from .durable import DurableJSONStorage, load_tables, remove_stale_temp_files
from .errors import DataFileCorrupt, StorageError
from .lock import ProcessLock
from .repository import Repository
from .tables import RecordTable, put_documents

log = logging.getLogger(__name__)

SETTINGS_TABLE = 'settings'
BACKUP_EVERY = timedelta(days=1)


class CareerNetDB(TinyDB):
    """TinyDB whose tables commit incrementally to ``DurableJSONStorage``."""

    table_class = RecordTable


class Store:
    """Every record of one data file. Create it with ``open_store``; call ``close`` when done."""

    def __init__(self, path: Path, db: CareerNetDB, lock: ProcessLock, last_backup: datetime) -> None:
        self.path = path
        self._db = db
        self._lock = lock
        self._last_backup = last_backup
        self._listeners: list[Callable[[], None]] = []
        self._network: Network | None = None
        self.revision = 0
        table = db.table
        self.contacts = Repository(table('contacts'), Contact, self._changed)
        self.interactions = Repository(table('interactions'), Interaction, self._changed)
        self.accomplishments = Repository(table('accomplishments'), Accomplishment, self._changed)
        self.feedback = Repository(table('feedback'), Feedback, self._changed)
        self.applications = Repository(table('applications'), Application, self._changed)
        self.reference_requests = Repository(table('reference_requests'), ReferenceRequest, self._changed)
        self.introductions = Repository(table('introductions'), Introduction, self._changed)
        self.followup_states = Repository(table('followup_states'), FollowUpState, self._changed)
        # What the calendar feed last showed of each event (SEQUENCE, DTSTAMP). Not in network(),
        # so storing marks keeps the snapshot, and what pages remembered from it, valid.
        self.feed_marks = Repository(table('feed_marks'), FeedMark, self._written)
        settings_docs = db.table(SETTINGS_TABLE).all()
        self._settings = decode(Settings, settings_docs[0]) if settings_docs else Settings()
        if not settings_docs:
            self.save_settings(self._settings)

    @property
    def settings(self) -> Settings:
        """The user's preferences."""
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        """Store new preferences durably."""
        put_documents(self._db.table(SETTINGS_TABLE), {1: encode(settings)})
        self._settings = settings
        self._changed()

    def network(self) -> Network:
        """A snapshot of every record, rebuilt only after a change."""
        if self._network is None:
            self._network = Network(
                contacts=self.contacts.all(),
                interactions=self.interactions.all(),
                accomplishments=self.accomplishments.all(),
                feedback=self.feedback.all(),
                applications=self.applications.all(),
                reference_requests=self.reference_requests.all(),
                introductions=self.introductions.all(),
                followup_states=self.followup_states.all(),
                settings=self._settings,
            )
        return self._network

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every durable change."""
        self._listeners.append(listener)

    def backup_if_due(self, now: datetime | None = None) -> Path | None:
        """Make the daily rolling backup when a day has passed since the last one."""
        now = now or datetime.now(UTC)
        if now - self._last_backup < BACKUP_EVERY:
            return None
        self._last_backup = now
        return backups.make_backup(self.path, now)

    def close(self) -> None:
        """Release the data file; safe to call twice."""
        self._db.close()
        self._lock.release()

    def _changed(self) -> None:
        self._network = None
        self._written()

    def _written(self) -> None:
        """After any durable write; ``_changed`` also drops the network snapshot the write made stale."""
        self.revision += 1
        for listener in self._listeners:
            try:
                listener()
            except Exception:  # A listener's failure must not undo or hide a durable write.
                log.exception('A change listener failed')


@collector_paused()
def open_store(path: Path | str, *, now: datetime | None = None) -> Store:
    """Open (or create) the data file at ``path`` for this process alone.

    Raises:
        DataFileLocked: another process has the file open.
        DataFileCorrupt: the file cannot be parsed; it is left byte-identical.
        UnsupportedSchemaVersion: a newer CareerNet wrote the file; it is left byte-identical.
    """
    path = Path(path).expanduser().resolve()
    now = now or datetime.now(UTC)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f'Cannot create the folder for {path}: {error.strerror}.') from error
    lock = ProcessLock(path)
    lock.acquire()
    try:
        remove_stale_temp_files(path.parent)
        try:
            tables = load_tables(path)
        except DataFileCorrupt as error:
            newest = backups.newest_backup(path)
            hint = f' The newest backup is {newest}.' if newest else ' There is no backup of it yet.'
            raise DataFileCorrupt(f'{error} It was not changed.{hint}') from error
        version = migrations.check_supported(tables, path, backups.newest_backup(path))
        backups.make_backup(path, now)
        db = CareerNetDB(path, tables=tables, storage=DurableJSONStorage)
        if version != migrations.SCHEMA_VERSION or migrations.META_TABLE not in tables:
            migrations.migrate(tables, version)
            db.storage.write(tables)
        return Store(path, db, lock, last_backup=now)
    except BaseException:
        lock.release()
        raise
