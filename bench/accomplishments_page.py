"""How long the accomplishments page takes to be ready in Chromium on the 30k network, next to an empty page.

    python -m bench.accomplishments_page [--data /tmp/b30k.json] [--runs 9]

Both servers run in this one process's lifetime: ``python app.py`` on a COPY of the data file (the
original is never opened), and a NiceGUI server whose only page holds one label. Loads alternate
between the two, so a burst of load on the shared machine hits both alike: one warm-up round, then
``--runs`` timed rounds, each load in a fresh tab of that server's own browser context (so each keeps
its asset cache), timed from ``goto`` until the page's marker is visible. Reports the medians and
their ratio; the target is 1.5 or less.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = '/usr/bin/chromium'
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                 '--disable-sync', '--no-first-run', '--disable-quic']
TODAY = '2026-11-25'  # the day /tmp/b30k.json was generated for
TARGET = 1.5

EMPTY_PAGE = textwrap.dedent('''
    import sys
    from nicegui import ui

    @ui.page('/')
    def empty() -> None:
        ui.label('ready').mark('ready')

    ui.run(port=int(sys.argv[1]), show=False, reload=False, show_welcome_message=False,
           uvicorn_logging_level='warning')
''')


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--data', type=Path, default=Path('/tmp/b30k.json'), help='the network to copy')
    parser.add_argument('--runs', type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix='careernet-bench-') as folder:
        copy = Path(folder) / 'careernet.json'
        shutil.copyfile(args.data, copy)
        with _server([sys.executable, 'app.py', '--data', str(copy), '--no-browser'], 'app.py') as app_url, \
                _server([sys.executable, '-c', EMPTY_PAGE], 'empty page') as empty_url, \
                sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            empty, frame_only, page = _interleaved(browser, [
                (empty_url + '/', re.compile('^ready$')),
                # CareerNet's header and nav around one line: what every page of the app starts from.
                (app_url + '/contacts/no-such-contact', re.compile('^Back to contacts$')),
                # The list's count ("1–10 of 1,000") renders last, under the cards.
                (app_url + '/accomplishments', re.compile(r'^\d[\d,]*–\d[\d,]* of \d')),
            ], args.runs)
            browser.close()
    ratio = _median(page) / _median(empty)
    for name, loads in (('empty NiceGUI page', empty), ('app frame only', frame_only), ('/accomplishments', page)):
        print(f'{name:<19}: median {_median(loads):6.0f} ms, first byte {_median(loads, 1):4.0f} ms  '
              f'(runs: {_ms(loads)})')
    print(f'ratio              : {ratio:.2f}x  (target <= {TARGET}x: {"met" if ratio <= TARGET else "NOT met"})')


def _interleaved(browser: Browser, pages: list[tuple[str, re.Pattern[str]]],
                 runs: int) -> list[list[tuple[float, float]]]:
    """Time loads of the pages taken in turns, so all see the same machine load (it is shared)."""
    contexts = [browser.new_context(viewport={'width': 1280, 'height': 900}) for _ in pages]
    timings: list[list[tuple[float, float]]] = [[] for _ in pages]
    for run in range(runs + 1):  # the first round warms each context's cache and each server's imports
        for context, (url, ready), times in zip(contexts, pages, timings, strict=True):
            elapsed = _load(context, url, ready)
            if run:
                times.append(elapsed)
    for context in contexts:
        context.close()
    return timings


def _load(context: BrowserContext, url: str, ready: re.Pattern[str]) -> tuple[float, float]:
    """Milliseconds from navigating a fresh tab to ``url`` until text matching ``ready`` is visible, and of
    those, until the server's first byte (building the page on the server)."""
    tab = context.new_page()
    started = time.perf_counter()
    tab.goto(url, wait_until='commit')
    tab.get_by_text(ready).first.wait_for(state='visible', timeout=120_000)
    elapsed = (time.perf_counter() - started) * 1000
    first_byte = float(tab.evaluate("performance.getEntriesByType('navigation')[0].responseStart"))
    tab.close()
    return elapsed, first_byte


@contextmanager
def _server(command: list[str], name: str) -> Iterator[str]:
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(('PYTEST', 'NICEGUI'))}
    env['CAREERNET_TODAY'] = TODAY
    process = subprocess.Popen([*command, '--port', str(port)] if 'app.py' in command else [*command, str(port)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f'http://127.0.0.1:{port}'
    try:
        _wait_for(url, process, name)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(url: str, process: subprocess.Popen[str], name: str) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stderr.read() if process.stderr else ''
            raise RuntimeError(f'{name} exited with {process.returncode}: {output}')
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f'{name} did not answer within 180 s')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return int(sock.getsockname()[1])


def _median(loads: list[tuple[float, float]], column: int = 0) -> float:
    return statistics.median(load[column] for load in loads)


def _ms(loads: list[tuple[float, float]]) -> str:
    return ', '.join(f'{ready:.0f}' for ready, _ in loads)


if __name__ == '__main__':
    main()
