"""Conflict copies that sync tools leave beside a data file edited on two machines at once.

Dropbox writes ``careernet (Dana's conflicted copy 2026-12-04).json``, Syncthing
``careernet.sync-conflict-20261204-101500-ABCDEFG.json``, iCloud Drive ``careernet 2.json``,
Google Drive ``careernet (1).json`` and OneDrive ``careernet-DESKTOP-4F2A9C1.json``. Each holds
records the other machine saved; ``restore --merge`` brings them in.
"""

from __future__ import annotations

import re
from pathlib import Path


def conflict_copies(data_file: Path) -> list[Path]:
    """The sync-conflict copies of ``data_file`` in its folder, oldest first."""
    stem, suffix = re.escape(data_file.stem), re.escape(data_file.suffix)
    pattern = re.compile(
        rf'{stem}(?: \([^)]*conflicted copy[^)]*\)| \(\d+\)| \d+|\.sync-conflict-[\w-]+|-[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)'
        rf'{suffix}'
    )
    folder = data_file.parent
    if not folder.is_dir():
        return []
    found = [path for path in folder.iterdir() if path.is_file() and pattern.fullmatch(path.name)]
    return sorted(found, key=lambda path: path.stat().st_mtime)
