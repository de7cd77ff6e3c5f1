"""Start-up, first byte, memory and the read-only command line on a large data file.

    python -m bench.startup [--data FILE] [--contacts 30000] [--runs 3]

On a copy of the file (the 30k network unless ``--data`` names another), in one run:

* ``python app.py --no-browser``: when each line it prints appears, and when the first byte of
  ``GET /`` (the dashboard) arrives, counted from the moment the process was started;
* the server's resident memory (VmRSS) once the store is open, and after every page has been
  loaded once (targets: first byte ≤ 2 s, RSS ≤ 250 MB at 30k);
* ``python app.py export-ics``: wall time and peak memory (target ≤ 2 s at 30k).

Prints medians over ``--runs`` starts. Python runs as it does for a person: after one untimed start
per checkout, modules load from cached bytecode (``--bytecode none``: compiled on every start).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
TODAY = '2026-11-25'


def main() -> None:
    """Run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--data', type=Path, default=None, help='a data file (a copy of it is used)')
    parser.add_argument('--contacts', type=int, default=30_000, help='network size without --data')
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--compare-with', type=Path, default=None, metavar='CHECKOUT',
                        help='also run app.py from this checkout (e.g. the main branch), alternating with this one')
    parser.add_argument('--bytecode', choices=('cached', 'none'), default='cached',
                        help='load modules from cached bytecode, as a person\'s Python does after its first start '
                             '(default), or compile them on every start')
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix='careernet-bench-startup-') as folder:
        env = python_env(args.bytecode, Path(folder) / 'bytecode')
        path = Path(folder) / 'careernet.json'
        from bench.generate import bench_data_file

        bench_data_file(path, args.data, args.contacts)
        print(f'{path.name}: {path.stat().st_size / 1e6:.1f} MB, median of {args.runs} runs')
        roots = {'this checkout': ROOT}
        if args.compare_with is not None:
            roots[f'{args.compare_with}'] = args.compare_with.resolve()
        if args.bytecode == 'cached':  # one start and one export per checkout, untimed, fill the cache
            for number, root in enumerate(roots.values()):
                copy = Path(folder) / f'warm-up-{number}' / 'careernet.json'
                copy.parent.mkdir()
                shutil.copy(path, copy)
                serve_once(copy, root, load_pages=True, env=env)
                export_ics(copy, copy.with_name('out.ics'), root, env=env)
        print(f'bytecode: {args.bytecode}')
        results: dict[str, dict[str, list[float]]] = {}
        for index in range(args.runs):  # alternate the checkouts, so both see the same machine load
            for name, root in roots.items():
                copy = Path(folder) / f'{index}-{list(roots).index(name)}' / 'careernet.json'
                copy.parent.mkdir()
                shutil.copy(path, copy)
                for label, value in serve_once(copy, root, load_pages=index == 0, env=env).items():
                    results.setdefault(label, {}).setdefault(name, []).append(value)
                wall, peak = export_ics(copy, copy.with_name('out.ics'), root, env=env)
                results.setdefault('export-ics wall', {}).setdefault(name, []).append(wall)
                results.setdefault('export-ics peak RSS', {}).setdefault(name, []).append(peak)
        print(f'  {"":<44}' + ''.join(f'{name[-22:]:>24}' for name in roots))
        for label, by_root in results.items():
            unit = 'MB' if 'RSS' in label else 's'
            cells = ''.join(f'{statistics.median(by_root[name]):>21.2f} {unit:<2}' if name in by_root
                            else f'{"—":>24}' for name in roots)
            print(f'  {label:<44}{cells}')


def python_env(bytecode: str, cache: Path) -> dict[str, str]:
    """The environment ``app.py`` runs in: ``cached``, as a person's Python runs it, or ``none``.

    Python keeps each module's compiled bytecode after its first import (in ``__pycache__``
    beside the source), so every start after the first reads it. A machine that sets
    ``PYTHONDONTWRITEBYTECODE`` (this one does) compiles all of CareerNet's modules on every
    start instead. ``cached`` keeps the bytecode in the bench's temporary folder, so the
    checkouts stay clean.
    """
    env = {key: value for key, value in os.environ.items() if key != 'PYTHONDONTWRITEBYTECODE'}
    if bytecode == 'cached':
        env['PYTHONPYCACHEPREFIX'] = str(cache)
    else:
        env['PYTHONDONTWRITEBYTECODE'] = '1'
    return env


def serve_once(path: Path, root: Path, *, load_pages: bool, env: dict[str, str]) -> dict[str, float]:
    """Start the server on ``path``; the seconds to each printed line and to the first byte."""
    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, '-u', 'app.py', '--data', str(path), '--port', str(port), '--no-browser', '--today', TODAY],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
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
            failed = [page for page in pages(path) if _get(f'http://127.0.0.1:{port}{page}') != 200]
            timings['RSS after loading every page once'] = rss_mb(server.pid)
            if failed:
                print(f'  ({root}: not 200: {", ".join(failed)})')
    finally:
        server.terminate()
        server.wait(timeout=60)
        reader.join(timeout=5)
    if not any('Serving' in line for line in lines):
        raise RuntimeError('the server did not start:\n' + ''.join(lines))
    return timings


def export_ics(path: Path, out: Path, root: Path, *, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``python app.py export-ics`` on ``path``."""
    started = time.perf_counter()
    command = subprocess.Popen([sys.executable, 'app.py', 'export-ics', str(out), '--data', str(path)],
                               cwd=root, stdout=subprocess.DEVNULL, env={**env, 'CAREERNET_TODAY': TODAY})
    _, status, usage = os.wait4(command.pid, 0)
    wall = time.perf_counter() - started
    command.returncode = os.waitstatus_to_exitcode(status)
    if command.returncode:
        raise RuntimeError(f'export-ics exited with {command.returncode}')
    return wall, usage.ru_maxrss / 1024


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


def _read_lines(stream: IO[str], started: float, timings: dict[str, float], lines: list[str]) -> None:
    for line in stream:
        lines.append(line)
        text = line.strip()
        label = f'printed "{text.split("/")[0].strip()} …"'  # the words, not the changing paths
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


def _get(url: str) -> int:
    """The status of ``GET url``, its body read (a page NiceGUI cannot build in time answers 500)."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # loopback
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


if __name__ == '__main__':
    os.environ.setdefault('PYTHONUNBUFFERED', '1')
    main()
