"""Subcommands of ``python app.py``: each module defines NAME, HELP, ``configure(parser)`` and ``run(args)``.

A command works on the data file offline (the server must not be running on it: the file lock
says so). ``run`` returns the exit code; a ``CareerNetError`` it raises becomes one line on
stderr and exit code 1. Add a command by writing its module and listing it in ``MODULES``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from types import ModuleType
from typing import NamedTuple

from . import export_accomplishments, export_contacts, export_ics, export_json, import_contacts, restore


class Command(NamedTuple):
    """One subcommand."""

    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


MODULES: tuple[ModuleType, ...] = (import_contacts, export_contacts, export_json, restore, export_ics,
                                  export_accomplishments)


def commands() -> dict[str, Command]:
    """Every subcommand by name, in the order of ``MODULES``."""
    return {module.NAME: Command(module.HELP, module.configure, module.run) for module in MODULES}
