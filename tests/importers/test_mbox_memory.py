"""A mailbox is scanned in memory independent of its size: a 200 MB file peaks where a 20 MB one does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
MESSAGES = 1000
CEILING = 16 * MB
"""How much more the 200 MB file may take than the 20 MB one, whatever their sizes."""

# A fresh child per file, so each peak is that file's alone. VmHWM, not ru_maxrss: ru_maxrss keeps
# the high-water mark of the forked test process from before the child's exec.
CHILD = r'''
import json, sys
from pathlib import Path
from careernet_ui.importers.mbox_history import read_mbox

history = read_mbox(Path(sys.argv[1]), own_addresses=['me@example.com'])
status = dict(line.split(':', 1) for line in open('/proc/self/status').read().splitlines())
print(json.dumps({'peak': int(status['VmHWM'].split()[0]) * 1024, 'read': history.read,
                  'exchanges': len(history.exchanges)}))
'''


def write_mailbox(path: Path, size: int) -> Path:
    """1,000 direct messages with ten people over 100 days, bodies wrapped at 76; one unwrapped line of a tenth of
    ``size`` (an attachment nobody wrapped); the rest of ``size`` in the bodies."""
    long_line = b'A' * (size // 10) + b'\r\n'
    wrapped = b'B' * 76 + b'\r\n'
    body = wrapped * ((size - len(long_line)) // MESSAGES // len(wrapped))
    with path.open('wb') as file:
        for number in range(MESSAGES):
            other = f'person{number % 10}@example.com'
            sender, recipient = ('me@example.com', other) if number % 2 else (other, 'me@example.com')
            month = ('Jan', 'Feb', 'Mar', 'Apr')[number % 4]
            file.write(f'From x@y Mon Mar 02 09:00:00 +0000 2026\r\n'
                       f'Date: Mon, {1 + number % 28:02d} {month} 2026 09:00 +0000\r\n'
                       f'From: {sender}\r\nTo: {recipient}\r\nSubject: {number}\r\n\r\n'.encode())
            file.write(long_line if number == MESSAGES // 2 else body)
            file.write(b'\r\n')
    return path


def scan_in_child(path: Path) -> dict[str, int]:
    result = subprocess.run([sys.executable, '-c', CHILD, str(path)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    answer: dict[str, int] = json.loads(result.stdout)
    return answer


@pytest.mark.skipif(not Path('/proc/self/status').exists(), reason='reads the peak from /proc')
def test_a_200_mb_mailbox_peaks_within_a_fixed_ceiling_of_a_20_mb_one(tmp_path: Path) -> None:
    small = scan_in_child(write_mailbox(tmp_path / 'small.mbox', 20 * MB))
    large_path = write_mailbox(tmp_path / 'large.mbox', 200 * MB)
    large = scan_in_child(large_path)
    large_path.unlink()

    assert small['read'] == large['read'] == MESSAGES
    assert small['exchanges'] == large['exchanges'] > 0
    assert large['peak'] - small['peak'] < CEILING, (small['peak'] // MB, large['peak'] // MB)
