"""The store: opens the data file safely and hands out one repository per kind of record."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from careernet_ui.calendar.marks import FeedMark
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
from careernet_ui.domain.collector import collector_paused
from careernet_ui.domain.goals import Goal
from careernet_ui.domain.letters import RecommendationLetter

from . import backups, migrations
from .bulk import documents_of
from .codec import decode, encode
from .durable import DataFile, FileTables, read_file, read_tables, remove_stale_temp_files
from .errors import DataFileCorrupt, InvalidRecord, StorageError
from .lock import ProcessLock
from .repository import Keyed, Repository
from .transaction import Staged, Transaction

log = logging.getLogger(__name__)

SETTINGS_TABLE = 'settings'
BACKUP_EVERY = timedelta(days=1)

R = TypeVar('R', bound=Keyed)


class Store:
    """Every record of one data file. Create it with ``open_store``; call ``close`` when done."""

    def __init__(self, path: Path, data_file: DataFile, tables: FileTables, lock: ProcessLock,
                 last_backup: datetime) -> None:
        self.path = path
        self.data_file = data_file
        self._lock = lock
        self._last_backup = last_backup
        self._backup: threading.Timer | None = None
        self._backup_due: datetime | None = None  # a background backup not begun yet, for this moment
        self._listeners: list[Callable[[], None]] = []
        self._notice_listeners: list[Callable[[str], None]] = []
        self.notices: list[str] = []
        """What the store told the user that they have not dismissed yet (pages show it)."""
        self._network: Network | None = None
        # Per store and per asyncio task: a transaction held across an await is not joined by
        # another task's writes.
        self._active: ContextVar[Transaction | None] = ContextVar(f'careernet-transaction-{id(self)}',
                                                                  default=None)
        self.revision = 0

        def repository(name: str, record_type: type[R], *, in_network: bool = True) -> Repository[R]:
            return Repository(self, name, record_type, tables.get(name, {}), in_network=in_network)

        self.contacts = repository('contacts', Contact)
        self.interactions = repository('interactions', Interaction)
        self.accomplishments = repository('accomplishments', Accomplishment)
        self.feedback = repository('feedback', Feedback)
        self.applications = repository('applications', Application)
        self.reference_requests = repository('reference_requests', ReferenceRequest)
        self.introductions = repository('introductions', Introduction)
        self.followup_states = repository('followup_states', FollowUpState)
        self.goals = repository('goals', Goal)
        self.letters = repository('recommendation_letters', RecommendationLetter)
        # What the calendar feed last showed of each event (SEQUENCE, DTSTAMP). Not in network(),
        # so storing marks keeps the snapshot, and what pages remembered from it, valid.
        self.feed_marks = repository('feed_marks', FeedMark, in_network=False)
        settings_docs = list(documents_of(tables.get(SETTINGS_TABLE, {})).values())
        self._settings = decode(Settings, settings_docs[0]) if settings_docs else Settings()
        data_file.recover = self._documents_of_table

    def _documents_of_table(self, name: str) -> dict[str, Any] | None:
        """A table's documents, encoded from what is in memory (None: a table CareerNet does not know)."""
        if name == SETTINGS_TABLE:
            return {'1': encode(self._settings)}
        if name == migrations.META_TABLE:
            return migrations.current_meta()
        for repository in self._repositories():
            if repository.table_name == name:
                return repository.documents()
        return None

    def _repositories(self) -> list[Repository[Any]]:
        return [value for value in vars(self).values() if isinstance(value, Repository)]

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Collect every change made in the block and write them all in one atomic write.

        Changes to any repositories and the settings made inside the block are seen by reads
        inside it, and reach memory and disk together when it ends. An exception leaves both as
        they were (the exception propagates); so does a failed write, which raises ``OSError``.
        Inside another transaction the block joins it: the outer one commits.
        """
        active = self._active.get()
        if active is not None:
            yield active
            return
        transaction = Transaction()
        token = self._active.set(transaction)
        try:
            yield transaction
        finally:
            with suppress(ValueError):  # closed from another context (an abandoned generator): that one ends
                self._active.reset(token)
        self._commit(transaction)

    def active_transaction(self) -> Transaction | None:
        """The transaction the caller is inside, if any."""
        return self._active.get()

    def _commit(self, transaction: Transaction) -> None:
        if not (transaction.staged or transaction.settings is not None):
            return
        self.wait_for_backup()
        if self.data_file.changed_on_disk():
            self._absorb_outside_change()
        changes: dict[str, dict[str, Any]] = {}
        installs: list[tuple[Repository[Any], Staged[Any], dict[str, int]]] = []
        for repository, staged in transaction.staged.items():
            name = repository.table_name
            docs, new_ids = repository.file_changes(staged, self.data_file.next_id(name))
            if docs:
                changes[name] = docs
                installs.append((repository, staged, new_ids))
        if transaction.settings is not None:
            changes[SETTINGS_TABLE] = {'1': encode(transaction.settings)}
        if not changes:
            return
        self.data_file.write(changes)
        for repository, staged, new_ids in installs:
            repository.install(staged, new_ids)
        if transaction.settings is not None:
            self._settings = transaction.settings
        if transaction.settings is not None or any(repository.in_network for repository, _, _ in installs):
            self._network = None
        self._written()

    @property
    def settings(self) -> Settings:
        """The user's preferences (inside a transaction, as it would store them)."""
        transaction = self._active.get()
        if transaction is not None and transaction.settings is not None:
            return transaction.settings  # type: ignore[no-any-return]
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        """Store new preferences durably (with the transaction, inside one)."""
        with self.transaction() as transaction:
            transaction.settings = settings

    def network(self) -> Network:
        """A snapshot of every record, rebuilt only after a change.

        Inside a transaction that has changed something, the snapshot shows those changes and is
        not kept: the transaction may still fail, and the kept snapshot must match what is stored.
        """
        active = self._active.get()
        if active is not None and (active.staged or active.settings is not None):
            return self._snapshot(active.settings or self._settings)
        if self._network is None:
            self._network = self._snapshot(self._settings)
        return self._network

    def _snapshot(self, settings: Settings) -> Network:
        return Network(
            contacts=self.contacts.all(),
            interactions=self.interactions.all(),
            accomplishments=self.accomplishments.all(),
            feedback=self.feedback.all(),
            applications=self.applications.all(),
            reference_requests=self.reference_requests.all(),
            introductions=self.introductions.all(),
            followup_states=self.followup_states.all(),
            goals=self.goals.all(),
            letters=self.letters.all(),
            settings=settings,
        )

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every durable change."""
        self._listeners.append(listener)

    def on_notice(self, listener: Callable[[str], None]) -> None:
        """Call ``listener`` with a sentence for the user when the store did something they must know."""
        self._notice_listeners.append(listener)

    def catch_up_with_disk(self) -> None:
        """Load the file now if it was changed behind this process's back (as the next write would).

        For a change that must be checked against what is really stored before it is staged (an
        undo refuses to overwrite a newer version, from a sync or a hand edit too).
        """
        if self._active.get() is None and self.data_file.changed_on_disk():
            self._absorb_outside_change()

    def _absorb_outside_change(self) -> None:
        """The file changed behind this process's back: load that version, keeping a copy of it.

        Called before a write. When the outside version opens cleanly it becomes what this store
        holds and the write goes on top of it; when it does not (half synced, broken, from a newer
        CareerNet) this store keeps its own version. Either way the outside version is copied to
        the backups folder first and the user is told where, so neither is lost.
        """
        path = self.path
        now = datetime.now(UTC)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            self._notice(f'{path.name} was deleted outside CareerNet; CareerNet wrote it again with your change.')
            return
        aside = backups.keep_copy(path, raw, now, 'outside')
        try:
            tables = read_tables(raw, path)
            version = migrations.check_supported(tables, path, lambda: None)
            if version != migrations.SCHEMA_VERSION or migrations.META_TABLE not in tables:
                migrations.migrate(tables, version)
            self._reload(tables)
        except (DataFileCorrupt, StorageError, ValueError, TypeError) as error:
            self._notice(f'{path.name} was changed outside CareerNet and that version cannot be opened ({error}). '
                         f'CareerNet kept its own version, with your change; the other one is saved as {aside}.')
            return
        self._notice(f'{path.name} was changed outside CareerNet (by a sync or by hand): CareerNet loaded that '
                     f'version and saved your change on top of it. The file as it was is also kept as {aside}.')

    def _reload(self, tables: FileTables) -> None:
        """Hold ``tables`` instead of what was read before: all of them, or (on a bad record) none."""
        decoded = {repository: repository.decoded(tables.get(repository.table_name, {}))
                   for repository in self._repositories()}
        settings_docs = list(documents_of(tables.get(SETTINGS_TABLE, {})).values())
        settings = decode(Settings, settings_docs[0]) if settings_docs else self._settings
        self.data_file.close()
        self.data_file = DataFile(self.path, tables)
        self.data_file.recover = self._documents_of_table
        for repository, (records, doc_ids) in decoded.items():
            repository.replace_all(records, doc_ids)
        self._settings = settings
        self._network = None
        self._written()

    def dismiss_notices(self) -> None:
        """The user has read the notices."""
        self.notices.clear()

    def _notice(self, text: str) -> None:
        log.warning('%s', text)
        self.notices.append(text)
        for listener in self._notice_listeners:
            try:
                listener(text)
            except Exception:  # telling the user must not undo the write
                log.exception('A notice listener failed')

    def backup_if_due(self, now: datetime | None = None, *, force: bool = False) -> Path | None:
        """Make the daily rolling backup when a day has passed since the last one (or ``force``).

        A backup that cannot be written is logged, not raised: the data file itself is fine.
        """
        now = now or datetime.now(UTC)
        if not force and now - self._last_backup < BACKUP_EVERY:
            return None
        self._last_backup = now
        try:
            return backups.make_backup(self.path, now)
        except StorageError:
            log.warning('The backup of %s failed; the data file itself is unaffected', self.path, exc_info=True)
            return None

    def back_up_in_background(self, now: datetime, *, after: float = 0.0) -> None:
        """Make the daily backup (as ``backup_if_due(now, force=True)``) on a thread, ``after`` seconds on.

        Copying a large file and waiting for the disk then overlap what comes next: with a delay,
        the person reading the first page rather than start-up building it (at 30,000 contacts the
        copy made the first page 0.2 s later). The first write, a migration and ``close`` make the
        backup first if it has not begun, and wait for it if it has: it is always of the file
        before any change.
        """
        self._backup_due = now
        self._backup = threading.Timer(after, self._make_due_backup)
        self._backup.name = 'careernet-daily-backup'
        self._backup.start()

    def wait_for_backup(self) -> None:
        """Make the background backup now if it has not begun, or wait for it to finish."""
        if self._backup is not None:
            self._backup.cancel()  # a timer still waiting never fires
            self._backup.join()
            self._backup = None
        self._make_due_backup()  # still due: its timer was cancelled before it fired

    def _make_due_backup(self) -> None:
        due, self._backup_due = self._backup_due, None
        if due is not None:
            self.backup_if_due(due, force=True)

    def close(self) -> None:
        """Release the data file; safe to call twice."""
        self.wait_for_backup()
        self.data_file.close()
        self._lock.release()

    def _written(self) -> None:
        """After any durable write: tell the listeners."""
        self.revision += 1
        for listener in self._listeners:
            try:
                listener()
            except Exception:  # A listener's failure must not undo or hide a durable write.
                log.exception('A change listener failed')


@collector_paused()
def open_store(path: Path | str, *, now: datetime | None = None, backup: bool = True,
               backup_after: float | None = None) -> Store:
    """Open (or create) the data file at ``path`` for this process alone.

    A file that opened cleanly (every record read) gets its daily backup before anything is
    written to it; pass ``backup=False`` for commands that only read. With ``backup_after``, the
    backup is not made before this returns but on a thread that many seconds later (see
    ``Store.back_up_in_background``).

    Raises:
        DataFileLocked: another process has the file open.
        DataFileCorrupt: the file cannot be parsed, or a record in it cannot be read; it is left
            byte-identical and the message names the newest backup that opens.
        UnsupportedSchemaVersion: a newer CareerNet wrote the file, or its schema version is not a
            known number; it is left byte-identical.
    """
    path = Path(path).expanduser().resolve()
    now = now or datetime.now(UTC)
    try:
        if not path.parent.exists():
            path.parent.mkdir(mode=0o700, parents=True)  # private: it will hold a person's network
    except FileExistsError:
        pass
    except OSError as error:
        raise StorageError(f'Cannot create the folder for {path}: {error.strerror}.') from error
    lock = ProcessLock(path)
    lock.acquire()
    backing = None
    try:
        remove_stale_temp_files(path)
        try:
            tables, backing = read_file(path)
        except DataFileCorrupt as error:
            raise DataFileCorrupt(f'{error} It was not changed.{_backup_hint(path)}') from error
        version = migrations.check_supported(tables, path, partial(backups.newest_backup, path))
        migrate = version != migrations.SCHEMA_VERSION or migrations.META_TABLE not in tables
        if migrate:
            migrations.migrate(tables, version)
        data_file = DataFile(path, tables, backing=backing)
        try:
            store = Store(path, data_file, tables, lock, last_backup=now)
        except InvalidRecord as error:  # names table, record and field: say what was kept and where
            error.args = (f'{error.args[0]} The data file {path} was not changed.{_backup_hint(path)}',)
            raise
        except (ValueError, TypeError) as error:  # a record's own validation, or a wrong type in it
            raise DataFileCorrupt(f'The data file {path} has a record CareerNet cannot read ({error}). '
                                  f'It was not changed.{_backup_hint(path)}') from error
        if backup and backup_after is not None:
            store.back_up_in_background(now, after=backup_after)
        elif backup:
            store.backup_if_due(now, force=True)
        if migrate:
            store.wait_for_backup()  # of the file as it was, before the migration is written
            data_file.rewrite()
        # A new file, or one from before the calendar id existed, gets its settings stored now, so
        # the feed's UIDs stay the same from this start on.
        if not any('calendar_id' in doc for doc in documents_of(tables.get(SETTINGS_TABLE, {})).values()):
            store.save_settings(store.settings)
        return store
    except BaseException:
        if backing is not None:
            backing.close()  # (twice is harmless: the store's data file may hold it)
        lock.release()
        raise


def _backup_hint(path: Path) -> str:
    newest = backups.newest_backup(path)
    return f' The newest backup is {newest}.' if newest else ' There is no backup of it yet.'
