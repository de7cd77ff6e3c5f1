"""The independent readers the feed is checked against: libical, ical.js, khal, calcurse, vdirsyncer.

Each is a fixture that finds (or builds) the tool. A missing tool skips its tests with a message
saying what to install; under ``CI=true`` it fails them instead, so CI cannot pass by skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).parent
JS_FOLDER = HERE.parent / 'js'


def missing(what: str, install: str) -> None:
    """Skip (or, under CI, fail) the test: ``what`` is not here; ``install`` says how to get it."""
    message = f'{what} is not available; {install}'
    if os.environ.get('CI', '').lower() == 'true':
        pytest.fail(message)
    pytest.skip(message)


def command(name: str, package: str) -> str:
    """The path of the executable ``name``, from the Debian package ``package``."""
    found = shutil.which(name)
    if found is None:
        missing(name, f'install the Debian package {package}')
    assert found is not None
    return found


@pytest.fixture(scope='session')
def libical_check(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``ical_check.c`` built against libical-dev: prints libical's errors and its reading of each event."""
    compiler = command('cc', 'gcc')
    pkg_config = command('pkg-config', 'pkg-config')
    flags = subprocess.run([pkg_config, '--cflags', '--libs', 'libical'], capture_output=True, text=True, check=False)
    if flags.returncode != 0:
        missing('libical (pkg-config libical)', 'install the Debian package libical-dev')
    binary = tmp_path_factory.mktemp('libical') / 'ical_check'
    subprocess.run([compiler, '-o', str(binary), str(HERE / 'ical_check.c'), *flags.stdout.split()], check=True)
    return binary


@pytest.fixture(scope='session')
def icaljs() -> list[str]:
    """The command that reads a file with ical.js (installed into tests/js by npm ci if missing)."""
    node = command('node', 'nodejs')
    if not (JS_FOLDER / 'node_modules' / 'ical.js').is_dir():
        npm = command('npm', 'npm')
        done = subprocess.run([npm, 'ci', '--no-audit', '--no-fund', '--prefix', str(JS_FOLDER)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            missing('ical.js', f'run "npm ci --prefix tests/js" ({done.stderr.strip()[-300:]})')
    return [node, str(JS_FOLDER / 'check_ical.mjs')]


@pytest.fixture(scope='session')
def khal() -> str:
    """khal's executable."""
    return command('khal', 'khal')


@pytest.fixture(scope='session')
def calcurse() -> str:
    """calcurse's executable."""
    return command('calcurse', 'calcurse')


@pytest.fixture(scope='session')
def vdirsyncer() -> str:
    """vdirsyncer's executable."""
    return command('vdirsyncer', 'vdirsyncer')
