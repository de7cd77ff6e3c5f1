"""axe-core on every page, light and dark, at desktop and phone size: no serious or critical violation.

axe-core comes from npm, installed beside the tests (tests/package.json), never from a CDN: the
fixture runs ``npm ci`` in tests/ when it is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import ROOT, Server
from tests.e2e.layout import DESKTOP, phone_context
from tests.e2e.test_phone_e2e import all_pages, settle

pytestmark = pytest.mark.e2e

TESTS = ROOT / 'tests'
AXE = TESTS / 'node_modules' / 'axe-core' / 'axe.min.js'


@pytest.fixture(scope='session')
def axe_script() -> Path:
    """axe.min.js from tests/node_modules, installed by npm from tests/package.json on first use."""
    if not AXE.exists():
        npm = shutil.which('npm')
        if npm is None:
            pytest.skip('npm is missing: it installs axe-core for the accessibility test')
        subprocess.run([npm, 'install', '--no-audit', '--no-fund', '--silent'], cwd=TESTS, check=True, timeout=300)
    return AXE


def serious_violations(page: Page, axe: Path) -> list[str]:
    """axe-core's serious and critical violations on the page, each with where it is."""
    page.add_script_tag(path=str(axe))
    # Quasar's uploader (the import page) nests its file input in a button: Quasar's markup, not CareerNet's.
    result: dict[str, Any] = page.evaluate(
        "() => axe.run({exclude: [['.q-uploader']]}, {resultTypes: ['violations']})")
    found = []
    for violation in result['violations']:
        if violation['impact'] in ('serious', 'critical'):
            targets = [', '.join(map(str, node['target'])) for node in violation['nodes'][:5]]
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return found


@pytest.mark.parametrize('size', ['desktop', 'phone'])
def test_no_serious_accessibility_violation_light_or_dark(
        demo_server: Server, browser: Browser, axe_script: Path, size: str) -> None:
    context = phone_context(browser) if size == 'phone' else browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    paths = all_pages(page, demo_server)
    problems: dict[str, list[str]] = {}
    for dark in (False, True):
        for path in paths:
            page.goto(demo_server.url + path)
            settle(page)
            if found := serious_violations(page, axe_script):
                problems[f'{"dark" if dark else "light"} {path}'] = found
        # Dark mode is one stored setting: the header's toggle turns it on for every page after.
        page.get_by_role('button', name='Dark mode').click()
        page.wait_for_function("() => document.body.classList.contains('body--dark') !== " + str(dark).lower())
    context.close()
    assert not problems, '\n'.join(f'{where}: {what}' for where, items in problems.items() for what in items)
