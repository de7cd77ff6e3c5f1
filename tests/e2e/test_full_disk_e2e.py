"""The issue's full-disk scenario in a real browser, against a data file on a small tmpfs.

Add Alice, fill the disk, add Bob (refused, with a message), free the disk, add Carol, restart:
Alice and Carol are there, Bob is not. Mounting a tmpfs needs root (CI runs as root); elsewhere
the test skips with a message.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from tinydb import TinyDB

from tests.e2e.conftest import screenshot, start_server
from tests.e2e.test_contacts_e2e import add_contact

pytestmark = pytest.mark.e2e


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs mounted for this test, or a skip saying why there is none."""
    mount_point = tmp_path / 'disk'
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip('mounting a tmpfs for the full-disk test needs root (CI runs as root)')
    mounted = subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', str(mount_point)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f'cannot mount a tmpfs here: {mounted.stderr.strip() or mounted.returncode}')
    try:
        yield mount_point
    finally:
        subprocess.run(['umount', '-l', str(mount_point)], check=False)


def fill(folder: Path) -> Path:
    """Write a file in ``folder`` until its filesystem has not one byte left."""
    filler = folder / 'filler'
    with open(filler, 'wb', buffering=0) as handle:
        for size in (1 << 16, 1 << 12, 1):
            try:
                while True:
                    handle.write(b'\0' * size)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
    return filler


def test_a_contact_refused_on_a_full_disk_never_appears(small_disk: Path, page: Page) -> None:
    data = small_disk / 'careernet.json'
    server = start_server(data)
    try:
        page.goto(server.url + '/contacts')
        add_contact(page, 'Alice')
        filler = fill(small_disk)

        page.goto(server.url + '/contacts')
        page.get_by_role('button', name='Add').first.click()
        page.get_by_label('Name *').fill('Bob')
        page.get_by_label('Name *').press('Enter')
        expect(page.get_by_text('Could not save: No space left on device. Nothing was changed.')).to_be_visible()
        screenshot(page, 'full-disk-refused')
        page.keyboard.press('Escape')
        page.goto(server.url + '/contacts')
        expect(page.get_by_role('link', name='Alice')).to_be_visible()
        expect(page.get_by_role('link', name='Bob')).to_have_count(0)
        assert not list(small_disk.glob('.careernet-tmp-*'))  # the failed write cleaned up after itself

        filler.unlink()
        add_contact(page, 'Carol')
        server.stop()

        assert [doc['name'] for doc in TinyDB(data).table('contacts').all()] == ['Alice', 'Carol']
        server = start_server(data)
        page.goto(server.url + '/contacts')
        expect(page.get_by_role('link', name='Alice')).to_be_visible()
        expect(page.get_by_role('link', name='Carol')).to_be_visible()
        expect(page.get_by_role('link', name='Bob')).to_have_count(0)
        screenshot(page, 'full-disk-after-restart')
    finally:
        server.stop()
