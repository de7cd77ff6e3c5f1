"""Rolling copies of the data file in ``backups/`` beside it.

A backup is made only of a file that opened cleanly (every record read), at most one per day
per data file, written atomically (temp file, fsync, rename) and read back before it counts.
Retention is by calendar bucket, like ``borg prune``: the newest backup of each of the 7 most
recent days that have one, of the 4 most recent ISO weeks and of the 12 most recent months.
Backups are named ``<stem>-YYYYMMDD-HHMMSS-ffffff.json`` and only names of exactly that shape
count, so ``careernet-work.json``'s backups are never taken for ``careernet.json``'s.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .durable import parse_tables, write_atomically
from .errors import DataFileCorrupt, StorageError

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
STAMP = '%Y%m%d-%H%M%S-%f'


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One backup of a data file and when it was made (UTC)."""

    path: Path
    made: datetime


def backup_folder(data_file: Path) -> Path:
    """Where backups of ``data_file`` live."""
    return data_file.parent / 'backups'


def backups_of(data_file: Path) -> list[BackupFile]:
    """The backups of ``data_file``, oldest first; other files in the folder are ignored."""
    folder = backup_folder(data_file)
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(data_file.stem) + r'-(\d{8}-\d{6}-\d{6})\.json')
    found = []
    for candidate in folder.iterdir():
        match = pattern.fullmatch(candidate.name)
        if match is None:
            continue
        try:
            made = datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(BackupFile(path=candidate, made=made))
    return sorted(found, key=lambda backup: backup.made)


def list_backups(data_file: Path) -> list[Path]:
    """Backups of ``data_file``, oldest first."""
    return [backup.path for backup in backups_of(data_file)]


def opens(path: Path) -> bool:
    """Whether ``path`` reads as a TinyDB document (a truncated copy does not)."""
    try:
        parse_tables(path.read_bytes(), path)
    except (OSError, DataFileCorrupt):
        return False
    return True


def newest_backup(data_file: Path) -> Path | None:
    """The most recent backup that opens, if there is one."""
    for backup in reversed(backups_of(data_file)):
        if opens(backup.path):
            return backup.path
    return None


def make_backup(data_file: Path, now: datetime, *, force: bool = False) -> Path | None:
    """Copy ``data_file`` into the backups folder, unless today's is made; then prune.

    The copy is written atomically and read back: a kill or a full disk never leaves a truncated
    file under a backup's name. Returns the new backup, or None when none was made (no data file,
    or one already made today and ``force`` is off).

    Raises:
        StorageError: the copy could not be written or read back; the message says why.
    """
    now = now.astimezone(UTC)
    existing = backups_of(data_file)
    if not force and existing and existing[-1].made.date() == now.date():
        return None
    try:
        content = data_file.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StorageError(f'Cannot read {data_file} to back it up: {error.strerror}.') from error
    folder = backup_folder(data_file)
    target = folder / f'{data_file.stem}-{now.strftime(STAMP)}.json'
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomically(target, [content])
        if target.read_bytes() != content:
            target.unlink(missing_ok=True)
            raise StorageError(f'The backup {target} did not read back as written; it was removed.')
    except OSError as error:
        raise StorageError(f'Cannot write the backup {target}: {error.strerror or error}.') from error
    prune(data_file)
    return target


def keep_copy(data_file: Path, content: bytes, now: datetime, label: str) -> Path:
    """Save ``content`` (a version of ``data_file``) in the backups folder as ``<stem>-<label>-<time>.json``.

    Such copies are not rolling backups: pruning never removes them.
    """
    folder = backup_folder(data_file)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = folder / f'{data_file.stem}-{label}-{now.astimezone(UTC).strftime(STAMP)}.json'
    write_atomically(target, [content])
    return target


def prune(data_file: Path) -> list[Path]:
    """Remove the backups the retention rule does not keep; returns what was removed."""
    backups = backups_of(data_file)
    keep = kept(backups)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def kept(backups: list[BackupFile]) -> set[Path]:
    """The backups to keep: the newest of each of the most recent daily, weekly and monthly buckets."""
    rules: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (KEEP_DAILY, lambda made: made.date()),
        (KEEP_WEEKLY, lambda made: made.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda made: (made.year, made.month)),
    ]
    keep: set[Path] = set()
    newest_first = sorted(backups, key=lambda backup: backup.made, reverse=True)
    for count, bucket_of in rules:
        seen: set[Hashable] = set()
        for backup in newest_first:
            bucket = bucket_of(backup.made)
            if bucket in seen:
                continue
            if len(seen) == count:
                break
            seen.add(bucket)
            keep.add(backup.path)
    return keep


def describe(data_file: Path) -> list[str]:
    """One line per backup, newest first: when it was made, its path, and whether it opens."""
    lines = []
    for backup in reversed(backups_of(data_file)):
        state = '' if opens(backup.path) else '  (broken: does not open)'
        size = os.stat(backup.path).st_size
        lines.append(f'{backup.made:%Y-%m-%d %H:%M} UTC  {size:>10,} bytes  {backup.path}{state}')
    return lines
