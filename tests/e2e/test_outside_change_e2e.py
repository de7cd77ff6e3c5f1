"""The data file rewritten by another process while the server runs: the next save loses nothing and says so."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from tinydb import TinyDB

from tests.e2e.conftest import Server, screenshot, start_server
from tests.e2e.test_contacts_e2e import add_contact
from tests.storage.test_outside_changes import SYNC_CLIENT

pytestmark = pytest.mark.e2e


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Server]:
    server = start_server(tmp_path / 'careernet.json')
    yield server
    server.stop()


def test_a_save_after_an_outside_change_keeps_both_and_tells_the_user(running: Server, page: Page) -> None:
    page.goto(running.url + '/contacts')
    add_contact(page, 'Alice')
    subprocess.run([sys.executable, '-c', SYNC_CLIENT, str(running.data)], check=True)  # another machine synced

    page.goto(running.url + '/contacts')
    add_contact(page, 'Bob')

    expect(page.get_by_text('changed outside CareerNet')).to_be_visible()
    screenshot(page, 'outside-change-notice')
    names = [doc['name'] for doc in TinyDB(running.data).table('contacts').all()]
    assert names == ['Alice', 'Zed from the laptop', 'Bob']
    page.goto(running.url + '/contacts')
    expect(page.get_by_role('link', name='Zed from the laptop')).to_be_visible()
