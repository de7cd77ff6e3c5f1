"""Does serving the calendar feed leak? ``python -m bench.feed_memory [--requests 10000]``.

Starts ``app.py --demo`` on a fresh temporary data file, fetches the feed over loopback the
way calendar apps do (full fetches, conditional fetches answered 304, a stale token answered
404, a new connection every so often), and samples the server's resident memory (VmRSS in
/proc/<pid>/status) every 1,000 requests. A flat series means no per-request state is kept.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_EVERY = 1_000
WARM_UP = 500
REQUESTS_PER_CONNECTION = 100
TODAY = '2026-11-25'
# Allowed growth from the first sample to the last: allocator noise, not a leak (a leak of
# even 1 KB per request would be 10 MB here).
FLAT_KB = 2_048


def main() -> int:
    """Run the loop and print the RSS series; exit 1 if memory grew beyond ``FLAT_KB``."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--requests', type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix='careernet-feed-memory-') as folder:
        data = Path(folder) / 'careernet.json'
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, 'app.py', '--demo', '--data', str(data), '--port', str(port), '--no-browser',
             '--today', TODAY],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_serving(server, port, timeout=60)
            token = json.loads(data.read_bytes())['settings']['1']['feed_token']
            series, seconds, statuses = hammer(server.pid, port, token, args.requests)
        finally:
            server.terminate()
            server.wait(timeout=60)
    print(f'{args.requests:,} requests in {seconds:.1f} s ({args.requests / seconds:,.0f}/s); '
          f'answers: {", ".join(f"{code}: {count:,}" for code, count in sorted(statuses.items()))}')
    print('VmRSS after N requests (kB):')
    for count, rss in series:
        print(f'  {count:>6,}  {rss:>8,}')
    growth = series[-1][1] - series[0][1]
    print(f'growth from {series[0][0]:,} to {series[-1][0]:,} requests: {growth:+,} kB '
          f'({growth * 1024 / max(1, series[-1][0] - series[0][0]):+.1f} bytes per request)')
    return 0 if growth <= FLAT_KB else 1


def hammer(pid: int, port: int, token: str, total: int) -> tuple[list[tuple[int, int]], float, dict[int, int]]:
    """Send ``total`` feed requests (after a warm-up); returns the RSS samples, the time and the statuses."""
    path = f'/calendar/{token}.ics'
    stale = f'/calendar/{"x" * len(token)}.ics'
    etag = ''
    statuses: dict[int, int] = {}
    connection: http.client.HTTPConnection | None = None
    series: list[tuple[int, int]] = []
    began = 0.0
    for number in range(-WARM_UP, total):  # bounded: exactly WARM_UP + total requests
        if number == 0:
            series.append((0, rss_kb(pid)))
            began = time.perf_counter()
        if connection is None or number % REQUESTS_PER_CONNECTION == 0:
            if connection is not None:
                connection.close()
            connection = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
        if number % 10 == 9:
            target, headers = stale, {}
        elif number % 2:
            target, headers = path, {'If-None-Match': etag}
        else:
            target, headers = path, {'Accept-Encoding': 'gzip'} if number % 4 == 0 else {}
        connection.request('GET', target, headers=headers)
        response = connection.getresponse()
        response.read()
        etag = response.getheader('ETag') or etag
        if number >= 0:
            statuses[response.status] = statuses.get(response.status, 0) + 1
        if number > 0 and (number + 1) % SAMPLE_EVERY == 0:
            series.append((number + 1, rss_kb(pid)))
    if connection is not None:
        connection.close()
    return series, time.perf_counter() - began, statuses


def rss_kb(pid: int) -> int:
    """The process's resident set size in kB, from /proc."""
    for line in Path(f'/proc/{pid}/status').read_text().splitlines():
        if line.startswith('VmRSS:'):
            return int(line.split()[1])
    raise RuntimeError(f'no VmRSS for process {pid}')


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return int(sock.getsockname()[1])


def wait_until_serving(server: subprocess.Popen[bytes], port: int, timeout: float) -> None:
    """Wait until the server accepts connections; fail if it exits or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f'app.py exited with {server.returncode}')
        try:
            with socket.create_connection(('127.0.0.1', port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f'app.py did not listen on {port} within {timeout:.0f} s')


if __name__ == '__main__':
    if not os.path.exists('/proc/self/status'):
        sys.exit('This benchmark reads /proc: run it on Linux.')
    sys.exit(main())
