"""Fixtures of the storage tests: the filesystem shim."""

from __future__ import annotations

import pytest

import storage.durable
from tests.storage.faults import FaultyOS


@pytest.fixture
def faulty_os(monkeypatch: pytest.MonkeyPatch) -> FaultyOS:
    """The shim, installed in ``storage.durable`` for this test; arm it to fail a call."""
    shim = FaultyOS()
    monkeypatch.setattr(storage.durable, 'os', shim)
    return shim
