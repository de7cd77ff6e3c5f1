"""Exports hold a person's network: the command line writes them 0600, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from careernet_ui.cli import main
from careernet_ui.domain import Contact
from storage import open_store


@pytest.fixture
def loose_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.parametrize('command', [
    ['export-json', 'out.json'],
    ['export-contacts', 'out.csv'],
    ['export-contacts', 'out.vcf'],
    ['export-accomplishments', 'out.md'],
    ['export-ics', 'out.ics'],
])
def test_an_export_is_private(command: list[str], data_path: Path, tmp_path: Path, loose_umask: None) -> None:
    store = open_store(data_path)
    store.contacts.add(Contact(name='Dana'))
    store.close()
    out = tmp_path / command[1]
    assert main([command[0], str(out), '--data', str(data_path)]) == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
