"""Fixtures shared by every test: a fresh data file per test, and the app under the user fixture."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from storage import Store, open_store

TODAY = date(2026, 11, 25)

# CI replays the same examples every run, so a red CI names a regression, not a new find; a
# developer's run keeps exploring fresh ones (and keeps what fails in .hypothesis/ to replay).
settings.register_profile('ci', derandomize=True, database=None, print_blob=True)
settings.load_profile('ci' if os.environ.get('CI') == 'true' else 'default')


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    """Where this test's data file lives (not created yet)."""
    return tmp_path / 'careernet.json'


@pytest.fixture
def fresh_store(data_path: Path) -> Iterator[Store]:
    """An open, empty store on a new file; closed after the test."""
    store = open_store(data_path)
    yield store
    store.close()


@pytest.fixture(autouse=True)
def _app_environment(data_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point app.py, when the ``user`` fixture runs it, at this test's data file and a fixed day."""
    monkeypatch.setenv('CAREERNET_DATA', str(data_path))
    monkeypatch.setenv('CAREERNET_TODAY', TODAY.isoformat())
    monkeypatch.delenv('CAREERNET_PASSWORD', raising=False)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the real-browser tests last.

    The sync Playwright driver keeps an event loop running in the main thread while the session's
    browser is open, and pytest-asyncio cannot start its own loop beside it: every async test
    collected after the first e2e test would error.
    """
    items.sort(key=lambda item: item.get_closest_marker('e2e') is not None)
