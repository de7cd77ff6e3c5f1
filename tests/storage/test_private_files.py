"""The data file, its temp files and its folder are private, and a user's own mode is kept."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

import storage.durable
from careernet_ui.domain import Contact
from storage import Store, open_store
from storage.durable import write_atomically
from tests.storage.faults import FaultyOS


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def loose_umask() -> Any:
    """A umask that would make new files world-readable."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_data_file_and_the_folder_created_for_it_are_private(tmp_path: Path, loose_umask: None) -> None:
    path = tmp_path / 'new-folder' / 'careernet.json'
    store = open_store(path)
    store.contacts.add(Contact(name='Dana'))
    store.close()
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert mode(path.with_name('careernet.json.lock')) == 0o600


def test_a_mode_the_user_set_is_kept_by_every_write(fresh_store: Store, data_path: Path, loose_umask: None) -> None:
    os.chmod(data_path, 0o640)
    fresh_store.contacts.add(Contact(name='Dana'))
    assert mode(data_path) == 0o640
    os.chmod(data_path, 0o600)
    fresh_store.contacts.add(Contact(name='Mei'))
    assert mode(data_path) == 0o600


def test_the_temp_file_is_private_while_it_is_written(
        fresh_store: Store, monkeypatch: pytest.MonkeyPatch, loose_umask: None) -> None:
    seen: list[int] = []

    class Watching(FaultyOS):
        def __getattr__(self, name: str) -> Any:
            if name == 'replace':
                def replace(source: str, target: str) -> None:
                    seen.append(mode(Path(source)))
                    os.replace(source, target)
                return replace
            return super().__getattr__(name)

    monkeypatch.setattr(storage.durable, 'os', Watching())
    fresh_store.contacts.add(Contact(name='Dana'))
    assert seen == [0o600]


def test_an_export_written_atomically_is_private(tmp_path: Path, loose_umask: None) -> None:
    out = tmp_path / 'feed.ics'
    write_atomically(out, [b'BEGIN:VCALENDAR'])
    assert mode(out) == 0o600
