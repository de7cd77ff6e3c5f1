"""Start-up, first byte, memory and the read-only command line on a large data file.

    python -m bench.startup [--data FILE] [--contacts 30000] [--runs 3]

On a copy of the file (the 30k network unless ``--data`` names another), in one run:

* ``python app.py --no-browser``: when each line it prints appears, and when the first byte of
  ``GET /`` (the dashboard) arrives, counted from the moment the process was started;
* the server's resident memory (VmRSS) once the store is open, and after every page has been
  loaded once (targets: first byte ≤ 2 s, RSS ≤ 250 MB at 30k);
* ``python app.py export-ics``: wall time and peak memory (target ≤ 2 s at 30k).

Prints medians over ``--runs`` starts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = '2026-11-25'


def main() -> None:
    """Run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--data', type=Path, default=None, help='a data file (a copy of it is used)')
    parser.add_argument('--contacts', type=int, default=30_000, help='network size without --data')
    parser.add_argument('--runs', type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix='careernet-bench-startup-') as folder:
        path = Path(folder) / 'careernet.json'
        if args.data is not None:
            shutil.copy(args.data, path)
        else:
            from bench.generate import network_of, write_network
            from storage import open_store

            store = open_store(path)
            write_network(store, network_of(args.contacts, date(2026, 11, 25)))
            store.close()
        print(f'{path.name}: {path.stat().st_size / 1e6:.1f} MB, median of {args.runs} runs')
        starts = [serve_once(path, load_pages=index == 0) for index in range(args.runs)]
        for label in starts[0]:
            values = [start[label] for start in starts if label in start]
            unit = 'MB' if label.startswith('RSS') else 's'
            print(f'  {label:<48} {statistics.median(values):8.2f} {unit}')
        exports = [export_ics(path, Path(folder) / 'out.ics') for _ in range(args.runs)]
        print(f'  {"export-ics wall":<48} {statistics.median(e[0] for e in exports):8.2f} s')
        print(f'  {"export-ics peak RSS":<48} {statistics.median(e[1] for e in exports):8.0f} MB')


def serve_once(path: Path, *, load_pages: bool) -> dict[str, float]:
    """Start the server on ``path``; the seconds to each printed line and to the first byte."""
    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, '-u', 'app.py', '--data', str(path), '--port', str(port), '--no-browser', '--today', TODAY],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    timings: dict[str, float] = {}
    lines: list[str] = []
    assert server.stdout is not None
    reader = threading.Thread(target=_read_lines, args=(server.stdout, started, timings, lines), daemon=True)
    reader.start()
    try:
        first_byte = _first_byte(f'http://127.0.0.1:{port}/', server, timeout=120)
        timings['first byte of GET / (dashboard)'] = first_byte - started
        timings['RSS after start and GET /'] = rss_mb(server.pid)
        if load_pages:
            for page in pages(path):
                _get(f'http://127.0.0.1:{port}{page}')
            timings['RSS after loading every page once'] = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)
        reader.join(timeout=5)
    if not any('Serving' in line for line in lines):
        raise RuntimeError('the server did not start:\n' + ''.join(lines))
    return timings


def export_ics(path: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``python app.py export-ics`` on ``path``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([sys.executable, 'app.py', 'export-ics', str(out), '--data', str(path)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env={**os.environ, 'CAREERNET_TODAY': TODAY})
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def pages(path: Path) -> list[str]:
    """Every page, with a real contact and application for the detail pages."""
    tables = json.loads(path.read_bytes())
    contact = next(iter(tables['contacts'].values()))['id']
    requests = list(tables.get('reference_requests', {}).values())
    found = ['/', '/pipeline', '/contacts', f'/contacts/{contact}', '/accomplishments', '/applications',
             '/calendar', '/settings', '/import']
    if requests:
        request = requests[0]
        found += [f'/applications/{request["application_id"]}',
                  f'/applications/{request["application_id"]}/brief/{request["id"]}']
    return found


def rss_mb(pid: int) -> float:
    """The process's resident memory in MB."""
    for line in Path(f'/proc/{pid}/status').read_text().splitlines():
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
    return float('nan')


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return int(sock.getsockname()[1])


def _read_lines(stream: object, started: float, timings: dict[str, float], lines: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.append(line)
        text = line.strip()
        label = f'printed "{text[:38]}…"' if len(text) > 38 else f'printed "{text}"'
        timings.setdefault(label, time.perf_counter() - started)


def _first_byte(url: str, server: subprocess.Popen[str], timeout: float) -> float:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f'the server exited with {server.returncode}')
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:  # loopback
                response.read(1)
                return time.perf_counter()
        except OSError:
            time.sleep(0.02)
    raise TimeoutError(f'no answer from {url} in {timeout} s')


def _get(url: str) -> None:
    with urllib.request.urlopen(url, timeout=120) as response:  # loopback
        response.read()


if __name__ == '__main__':
    os.environ.setdefault('PYTHONUNBUFFERED', '1')
    main()
