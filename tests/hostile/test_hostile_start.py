"""Every hostile data file stops CareerNet at start with one line naming the file; the file is left as it was."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careernet_ui.cli import main
from tests.hostile.corpus import start_files

ROOT = Path(__file__).resolve().parents[2]
START_FILES = start_files()


def one_line_failure(capsys: pytest.CaptureFixture[str], code: int) -> str:
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith('careernet: ')
    assert err.count('\n') == 1, err
    assert 'Traceback' not in err
    return err


@pytest.mark.parametrize('name', sorted(START_FILES))
def test_a_hostile_data_file_gets_one_line_and_is_not_changed(name: str, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / name
    data.write_bytes(START_FILES[name])
    code = main(['export-json', '--data', str(data), str(tmp_path / 'out.json')])
    err = one_line_failure(capsys, code)
    assert str(data) in err or name in err
    assert data.read_bytes() == START_FILES[name]
    assert not (tmp_path / 'out.json').exists()


@pytest.mark.parametrize(('name', 'words'), [
    ('bad-enum.json', 'role'), ('lone-surrogate.json', 'surrogate'), ('list-id.json', 'id'),
    ('list-setting.json', 'feed_time'), ('huge-integer.json', 'digits'), ('deep-nesting.json', 'nested'),
])
def test_the_message_says_what_is_wrong(name: str, words: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / name
    data.write_bytes(START_FILES[name])
    err = one_line_failure(capsys, main(['export-json', '--data', str(data), str(tmp_path / 'out.json')]))
    assert words.lower() in err.lower()


def test_the_server_refuses_a_hostile_file_without_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / 'careernet.json'
    data.write_bytes(START_FILES['deep-nesting.json'])
    env = {key: value for key, value in os.environ.items() if not key.startswith(('PYTEST', 'NICEGUI'))}
    result = subprocess.run([sys.executable, 'app.py', '--no-browser', '--data', str(data), '--port', '1'],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.count('\n') == 1, result.stderr
    assert 'Traceback' not in result.stderr
    assert str(data) in result.stderr


@pytest.mark.parametrize(('code', 'words'), [(errno.EROFS, 'read-only'), (errno.ENOSPC, 'disk is full'),
                                            (errno.EACCES, 'permission')])
def test_an_unwritable_place_is_one_line_naming_the_file_and_the_fix(
        code: int, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / 'careernet.json'
    real_open = os.open

    def refusing_open(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if str(path).startswith(str(tmp_path)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, 'open', refusing_open)
    err = one_line_failure(capsys, main(['export-json', '--data', str(data), str(tmp_path / 'out.json')]))
    assert words.lower() in err.lower()
    assert str(tmp_path) in err
    assert 'free some space' in err


def test_garbage_in_careernet_today_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv('CAREERNET_TODAY', 'garbage')
    monkeypatch.delenv('NICEGUI_USER_SIMULATION', raising=False)
    err = one_line_failure(capsys, main(['--no-browser', '--data', str(tmp_path / 'c.json')]))
    assert "CAREERNET_TODAY='garbage' is not a date" in err
    assert not (tmp_path / 'c.json').exists()
