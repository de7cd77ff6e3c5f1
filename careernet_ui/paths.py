"""Where CareerNet keeps its data by default."""

from __future__ import annotations

import argparse
from pathlib import Path

from platformdirs import user_data_path


def default_data_file() -> Path:
    """``careernet.json`` in the platform's user-data folder (e.g. ~/.local/share/careernet)."""
    return user_data_path('careernet', appauthor=False) / 'careernet.json'


def data_path(args: argparse.Namespace) -> Path:
    """The data file the parsed ``--data`` option names, or the default one."""
    return Path(args.data).expanduser() if args.data else default_data_file()
