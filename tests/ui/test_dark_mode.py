"""The header's dark-mode switch: stored through the settings service, and a full disk is a message."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB

import storage.durable
from tests.storage.faults import Fault, FaultyOS


def stored_dark_mode(path: Path) -> bool:
    [settings] = TinyDB(path).table('settings').all()
    return bool(settings.get('dark_mode'))


async def test_dark_mode_is_stored(user: User, data_path: Path) -> None:
    await user.open('/settings')
    user.find(marker='dark-toggle').click()
    [dark] = user.find(kind=ui.dark_mode).elements
    assert dark.value is True
    assert stored_dark_mode(data_path) is True


async def test_a_full_disk_gives_a_message_and_keeps_the_mode(
        user: User, data_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    await user.open('/settings')
    shim = FaultyOS()
    monkeypatch.setattr(storage.durable, 'os', shim)
    shim.arm(Fault('write', 0, errno.ENOSPC))
    user.find(marker='dark-toggle').click()  # raised out of the click handler before the fix
    await user.should_see('Could not save: No space left on device. Nothing was changed.')
    assert shim.fired == 1
    assert 'Saving failed' in caplog.text  # logged with its traceback
    caplog.clear()  # the user fixture fails a test on ERROR logs; this one was expected
    [dark] = user.find(kind=ui.dark_mode).elements
    assert dark.value is False
    assert stored_dark_mode(data_path) is False
    user.find(marker='dark-toggle').click()  # the disk has room again
    assert dark.value is True
    assert stored_dark_mode(data_path) is True
