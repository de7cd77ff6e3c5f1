"""Helpers for page tests under NiceGUI's ``user`` fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from careernet_ui.demo import generate_network
from storage import open_store
from tests.conftest import TODAY


@pytest.fixture
def demo_data(data_path: Path) -> Path:
    """Write the demo network into this test's data file before the app opens it."""
    store = open_store(data_path)
    network = generate_network(TODAY)
    store.contacts.add_many(network.contacts)
    store.interactions.add_many(network.interactions)
    store.close()
    return data_path
