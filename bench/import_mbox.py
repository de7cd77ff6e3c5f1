"""How fast a mailbox is scanned, and that memory does not grow with its size.

Run with ``python -m bench.import_mbox [messages]``. It writes two made-up mboxes with the same
100,000 messages (headers of a Gmail Takeout export; 100 correspondents), one with short bodies
and one with bodies 20 times longer, then scans each in a fresh child process and prints
messages per second and the child's peak resident memory (ru_maxrss). Targets: ≥ 5,000
messages/s; the same peak memory for both files.

``python -m bench.import_mbox --gigabytes 2`` is the issue's "2 GB mbox": a 20 MB file, then
two of the given size, one with the same messages as the 20 MB file and bodies 100 times longer
(memory must not move), one with 100 times the messages (each a new person-day: memory grows
with the e-mail days found, about half a kilobyte each, not with the bytes). Each is scanned in
a fresh process.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from careernet_ui.importers.mbox_history import read_mbox


def main(argv: list[str]) -> None:
    """Write the two files and scan each in a child process."""
    messages = int(argv[0]) if argv else 100_000
    with tempfile.TemporaryDirectory() as folder:
        for body_lines in (5, 100):
            path = Path(folder) / f'mail-{body_lines}.mbox'
            write_mbox(path, messages, body_lines)
            _scan_in_child(path)


def gigabytes(size: float) -> None:
    """A 20 MB and a ``size`` GB mailbox of the same kind of message, each scanned in a child process."""
    few = int(20e6 // len(_message(0, BIG_BODY)))
    scale = size * 1e9 / 20e6
    with tempfile.TemporaryDirectory() as folder:
        for name, messages, body_lines in (('20MB', few, BIG_BODY), ('same-messages', few, int(BIG_BODY * scale)),
                                           ('more-messages', int(few * scale), BIG_BODY)):
            path = Path(folder) / f'mail-{name}.mbox'
            began = time.perf_counter()
            write_mbox(path, messages, body_lines)
            print(f'wrote {path.name} in {time.perf_counter() - began:.0f} s')
            _scan_in_child(path)
            path.unlink()


def _scan_in_child(path: Path) -> None:
    result = subprocess.run([sys.executable, '-m', 'bench.import_mbox', '--scan', str(path)],
                            capture_output=True, text=True, check=True)
    print(f'{path.stat().st_size / 1e6:7.0f} MB: {result.stdout.strip()}', flush=True)


def scan(path: Path) -> None:
    """Scan one file and print the rate and peak memory."""
    began = time.perf_counter()
    history = read_mbox(path, own_addresses=['me@example.com'])
    seconds = time.perf_counter() - began
    # VmHWM: ru_maxrss would keep the parent's high-water mark from before the exec.
    status = dict(line.split(':', 1) for line in Path('/proc/self/status').read_text().splitlines())
    peak = int(status['VmHWM'].split()[0]) / 1024
    print(f'{history.read:,} messages in {seconds:.2f} s = {history.read / seconds:,.0f} messages/s, '
          f'{len(history.exchanges):,} e-mail days, peak RSS {peak:.0f} MB')


BIG_BODY = 100
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


def write_mbox(path: Path, messages: int, body_lines: int) -> None:
    """A Gmail-like mbox: 100 correspondents, a message every 30 minutes, half sent, half received."""
    with path.open('wb') as file:
        for number in range(messages):
            file.write(_message(number, body_lines))


def _message(number: int, body_lines: int) -> bytes:
    body = b'From the desk of a correspondent: a line of text that goes on for a while.\r\n' * body_lines
    other = f'person{number % 100}@example.com'
    sender, recipient = ('me@example.com', other) if number % 2 else (other, 'me@example.com')
    minute = number * 30
    day, hour, mins = 1 + (minute // 1440) % 28, (minute // 60) % 24, minute % 60
    month, year = 1 + (minute // 40320) % 12, 2020 + minute // 483840
    stamp = f'{day:02d} {_MONTHS[month - 1]} {year} {hour:02d}:{mins:02d}:00 +0000'
    return (
        f'From 17{number:017d}@xxx Mon Jan 01 00:00:00 +0000 2024\r\n'
        f'X-GM-THRID: 17{number:017d}\r\nX-Gmail-Labels: Inbox,Opened\r\n'
        f'Message-ID: <{number}@example.com>\r\nDate: Mon, {stamp}\r\n'
        f'From: Person <{sender}>\r\nTo: {recipient}\r\nSubject: Message {number}\r\n'
        'Content-Type: text/plain; charset=UTF-8\r\n\r\n'.encode() + body + b'\r\n')


if __name__ == '__main__':
    if len(sys.argv) > 2 and sys.argv[1] == '--scan':
        scan(Path(sys.argv[2]))
    elif len(sys.argv) > 2 and sys.argv[1] == '--gigabytes':
        gigabytes(float(sys.argv[2]))
    else:
        main(sys.argv[1:])
