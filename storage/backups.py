"""Rolling copies of the data file in ``backups/`` beside it."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

KEEP = 10


def backup_folder(data_file: Path) -> Path:
    """Where backups of ``data_file`` live."""
    return data_file.parent / 'backups'


def list_backups(data_file: Path) -> list[Path]:
    """Backups of ``data_file``, oldest first."""
    folder = backup_folder(data_file)
    return sorted(folder.glob(f'{data_file.stem}-*.json')) if folder.is_dir() else []


def newest_backup(data_file: Path) -> Path | None:
    """The most recent backup, if there is one."""
    backups = list_backups(data_file)
    return backups[-1] if backups else None


def make_backup(data_file: Path, now: datetime, *, keep: int = KEEP) -> Path | None:
    """Copy ``data_file`` into the backups folder and prune to the newest ``keep``.

    Returns the new backup, or None when there is no data file yet.
    """
    if not data_file.exists():
        return None
    folder = backup_folder(data_file)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f'{data_file.stem}-{now.strftime("%Y%m%d-%H%M%S-%f")}.json'
    shutil.copy2(data_file, target)
    for old in list_backups(data_file)[:-keep]:
        old.unlink(missing_ok=True)
    return target
