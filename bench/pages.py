"""How long CareerNet's pages take to be ready in Chromium at 30,000 contacts, next to an empty page.

    python -m bench.pages [--data PATH] [--runs 5] [--only pipeline dashboard]

Works on a copy of the data file (``--data``, else /tmp/b30k.json, else a freshly generated
30k network): the original is never opened. Starts ``app.py`` (``--no-browser``, a free port) on
the copy and ``bench.empty_page`` beside it, twice, then loads each page in a new tab, in turns,
in a browser profile that has loaded the page once (a warm-up load fills its cache of NiceGUI's
scripts), and takes the median of ``--runs`` loads.

A page is ready in the first animation frame in which its "ready" element is visible. The page
itself notes that moment (``performance.now()``, from navigation start): a script the browser
runs before the page's own checks the element on every frame. The time Playwright sees the element
and can ask the page for the clock is printed too ("seen by Playwright"): it adds Playwright's
polling and round trips, about 50 ms on an empty page and up to twice that on a page that keeps
the browser busy just after it shows, so it measures the harness as much as the page.

Two yardsticks: the empty NiceGUI page as NiceGUI serves it out of the box (with its in-browser
Tailwind compiler: the issue's "empty NiceGUI page"), and the same page served as CareerNet serves
its own, without that compiler (CareerNet ships its classes compiled). Prints each page's median,
its ratio to both, and the first load of each; exits 1 when a page is over 1.5× the first.

To add a page, add a line to ``PAGES``: its path and a selector (CSS, or ``text=`` and some text
it shows) that is visible only once the page has rendered its content.
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
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, sync_playwright

from bench.empty_page import NO_TAILWIND, READY_TEXT

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path('/usr/bin/chromium')
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                 '--disable-sync', '--no-first-run', '--disable-quic']
PREGENERATED = Path('/tmp/b30k.json')
TODAY = date(2026, 11, 25)  # the day /tmp/b30k.json was generated for
TARGET_RATIO = 1.5


@dataclass(kw_only=True, slots=True, frozen=True)
class PageSpec:
    """A page to time: where it is, and what shows that it is ready."""

    name: str
    path: str
    ready: str
    """A CSS selector, or ``text=`` and text the page shows, visible only once it has rendered its content."""


PAGES: tuple[PageSpec, ...] = (
    # A light CareerNet page: what the shared frame (header, navigation) costs over the empty page.
    PageSpec(name='settings', path='/settings', ready='text=Keep in touch'),
    PageSpec(name='pipeline', path='/pipeline', ready='.careernet-card'),
    PageSpec(name='dashboard', path='/', ready='.careernet-funnel canvas'),
    PageSpec(name='accomplishments', path='/accomplishments', ready='.careernet-accomplishments-count'),
)
EMPTY = PageSpec(name='empty page', path='/', ready=f'text={READY_TEXT}')
LEAN = PageSpec(name='empty, no Tailwind', path='/', ready=f'text={READY_TEXT}')


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the benchmark, print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--data', type=Path, help='a data file to copy (default: /tmp/b30k.json, else generate)')
    parser.add_argument('--runs', type=int, default=5, help='timed loads per page (default 5)')
    parser.add_argument('--only', nargs='*', choices=[p.name for p in PAGES], help='time only these pages')
    args = parser.parse_args(argv)
    pages = [p for p in PAGES if not args.only or p.name in args.only]
    with tempfile.TemporaryDirectory(prefix='careernet-bench-') as folder:
        data = Path(folder) / 'careernet.json'
        describe = _prepare(args.data, data)
        with _serve([sys.executable, 'app.py', '--data', str(data), '--no-browser', '--today', TODAY.isoformat()],
                    with_port=lambda port: ['--port', str(port)]) as app_url, \
                _serve([sys.executable, '-m', 'bench.empty_page'], with_port=lambda port: [str(port)]) as empty_url, \
                _serve([sys.executable, '-m', 'bench.empty_page'],
                       with_port=lambda port: [str(port), NO_TAILWIND]) as lean_url, \
                sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            targets = [(empty_url, EMPTY), (lean_url, LEAN), *((app_url, page) for page in pages)]
            timings = _measure(browser, targets, args.runs)
            browser.close()
    print(f'{describe}; navigation start → first frame with the ready element visible, '
          f'median of {args.runs} loads in a new tab')
    print('(first load: empty browser cache and, for CareerNet, nothing computed yet for this data; '
          'seen: when Playwright saw it)')
    empty, lean = timings.pop(EMPTY.name), timings.pop(LEAN.name)
    width = max(len(name) for name in (EMPTY.name, LEAN.name, *timings))
    for name, timing in ((EMPTY.name, empty), (LEAN.name, lean)):
        print(f'  {name:<{width}} {timing.ready:6.0f} ms{"":52}seen {timing.seen:6.0f} ms, '
              f'first load {timing.first:6.0f} ms')
    missed = False
    for name, timing in timings.items():
        ratio = timing.ready / empty.ready
        missed |= ratio > TARGET_RATIO
        print(f'  {name:<{width}} {timing.ready:6.0f} ms  {ratio:4.2f}× empty (target ≤ {TARGET_RATIO}×), '
              f'{timing.ready / lean.ready:4.2f}× no-Tailwind  seen {timing.seen:6.0f} ms '
              f'({timing.seen / empty.seen:4.2f}× empty seen), first load {timing.first:6.0f} ms')
    return 1 if missed else 0


def _prepare(source: Path | None, data: Path) -> str:
    if source is None and PREGENERATED.exists():
        source = PREGENERATED
    if source is not None:
        shutil.copyfile(source, data)  # never open the original: the app would lock and back it up
        return f'copy of {source} ({data.stat().st_size / 1e6:.0f} MB)'
    from bench.generate import network_of, write_network  # only when there is nothing to copy
    from storage import open_store

    store = open_store(data)
    write_network(store, network_of(30_000, TODAY))
    store.close()
    return f'generated 30,000-contact network ({data.stat().st_size / 1e6:.0f} MB)'


@dataclass(kw_only=True, slots=True, frozen=True)
class Timing:
    """Medians of one page's loads, in ms from navigation start."""

    ready: float
    """The first frame with the ready element visible, as the page noted it."""
    seen: float
    """When Playwright saw it and asked the page for the time."""
    first: float
    """The first load's ``ready``: empty browser cache, and for CareerNet nothing computed yet."""


# Runs in every page before its own scripts: on each animation frame, until the ready element is
# visible (a box with a size, not visibility:hidden, as Playwright's "visible"), then notes the time.
READY_PROBE = """(() => {
  const ready = %s;
  const visible = element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const shown = () => {
    if (!ready.startsWith('text=')) {
      const element = document.querySelector(ready);
      return element !== null && visible(element);
    }
    const text = ready.slice(5).toLowerCase();  // as Playwright's text=: any case, within an element's text
    const walker = document.createTreeWalker(document.body || document, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !['SCRIPT', 'STYLE', 'TEMPLATE', 'TITLE'].includes(parent.tagName)
          && node.data.toLowerCase().includes(text) && visible(parent)) return true;
    }
    return false;
  };
  const check = () => {
    if (shown()) window.__benchReady = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();"""


def _measure(browser: Browser, targets: list[tuple[str, PageSpec]], runs: int) -> dict[str, Timing]:
    # One browser profile per page, as for a person who has opened the app before: the first
    # round fills the browser's cache of NiceGUI's scripts and warms the server. Rounds take
    # every page in turn, so a busy machine slows them all alike and the ratios stay fair.
    contexts = {spec.name: browser.new_context(viewport={'width': 1280, 'height': 900}) for _, spec in targets}
    for _, spec in targets:
        contexts[spec.name].add_init_script(READY_PROBE % json.dumps(spec.ready))
    samples: dict[str, list[tuple[float, float]]] = {spec.name: [] for _, spec in targets}
    try:
        for _ in range(runs + 1):
            for base_url, spec in targets:
                samples[spec.name].append(_load(contexts[spec.name], base_url + spec.path, spec.ready))
    finally:
        for context in contexts.values():
            context.close()
    return {name: Timing(ready=statistics.median(ready for ready, _ in times[1:]),
                         seen=statistics.median(seen for _, seen in times[1:]), first=times[0][0])
            for name, times in samples.items()}


def _load(context: BrowserContext, url: str, ready: str) -> tuple[float, float]:
    page = context.new_page()
    try:
        page.goto(url, wait_until='commit', timeout=120_000)
        page.wait_for_selector(ready, state='visible', timeout=120_000)
        seen = float(page.evaluate('performance.now()'))
        page.wait_for_function('window.__benchReady !== undefined', timeout=120_000)
        return float(page.evaluate('window.__benchReady')), seen
    finally:
        page.close()


@contextmanager
def _serve(command: list[str], *, with_port: Callable[[int], list[str]]) -> Iterator[str]:
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(('PYTEST', 'NICEGUI'))}
    process = subprocess.Popen([*command, *with_port(port)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f'http://127.0.0.1:{port}'
    try:
        _wait_until_up(process, url)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(process: subprocess.Popen[str], url: str) -> None:
    # The app opens the data file before it listens: at 30,000 contacts that takes seconds.
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ''
            raise RuntimeError(f'{process.args!r} exited with {process.returncode}:\n{output}')
        try:
            with urllib.request.urlopen(url, timeout=60):  # our own loopback server
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f'{url} did not answer within 180 s')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return int(sock.getsockname()[1])


if __name__ == '__main__':
    sys.exit(main())
