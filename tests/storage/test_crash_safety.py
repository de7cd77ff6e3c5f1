"""A process killed with SIGKILL mid-write leaves the old or the new file, never a broken one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tinydb import TinyDB

WRITER = """
import sys
from careernet_ui.domain import Contact
from storage import open_store
store = open_store(sys.argv[1])
print('ready', flush=True)
n = len(store.contacts)
while True:
    store.contacts.add(Contact(name=f'Person {n}', notes='x' * 2000))
    n += 1
"""


DELETER = """
import sys
from datetime import date
from careernet_ui.domain import Contact, Interaction, InteractionKind
from careernet_ui.services.contacts import delete_contact
from storage import open_store
store = open_store(sys.argv[1])
print('ready', flush=True)
n = 0
while True:
    # A contact with five interactions, written together; then the contact deleted with all of them.
    with store.transaction():
        person = store.contacts.add(Contact(name=f'Person {n}', notes='x' * 2000))
        store.interactions.add_many(Interaction(contact_id=person.id, kind=InteractionKind.CALL,
                                                on=date(2026, 1, 1 + k), note='y' * 500) for k in range(5))
    if n % 2:
        delete_contact(store, person.id)
    n += 1
"""


HOLDER = """
import sys
from storage import open_store
store = open_store(sys.argv[1])
print('ready', flush=True)
sys.stdin.read()
"""


def app_env(data_path: Path) -> dict[str, str]:
    """The environment of a user starting app.py: none of pytest's or NiceGUI's test variables."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(('PYTEST', 'NICEGUI'))}
    env['CAREERNET_DATA'] = str(data_path)
    return env


def test_sigkill_during_writes_never_breaks_the_file(data_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    counts = []
    for attempt in range(4):
        process = subprocess.Popen([sys.executable, '-c', WRITER, str(data_path)], cwd=root,
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == 'ready'
        time.sleep(0.15 + 0.1 * attempt)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        json.loads(data_path.read_bytes())  # parses: the old state or the new, never half of one
        names = [doc['name'] for doc in TinyDB(data_path).table('contacts').all()]
        assert names == [f'Person {n}' for n in range(len(names))]
        counts.append(len(names))
    assert counts == sorted(counts)
    assert counts[-1] > 0


def test_sigkill_during_contact_deletes_leaves_all_or_nothing_of_each(data_path: Path) -> None:
    """Every contact on disk has its five interactions, and no interaction outlives its contact."""
    root = Path(__file__).resolve().parents[2]
    for attempt in range(6):
        process = subprocess.Popen([sys.executable, '-c', DELETER, str(data_path)], cwd=root,
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == 'ready'
        time.sleep(0.1 + 0.07 * attempt)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        db = TinyDB(data_path)
        contacts = {doc['id'] for doc in db.table('contacts').all()}
        calls: dict[str, int] = {}
        for doc in db.table('interactions').all():
            calls[doc['contact_id']] = calls.get(doc['contact_id'], 0) + 1
        assert set(calls) == contacts  # no orphan interaction, no contact without its calls
        assert set(calls.values()) <= {5}
        db.close()
    assert contacts  # the writer got somewhere


def test_second_instance_exits_with_a_clear_message(data_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    holder = subprocess.Popen([sys.executable, '-c', HOLDER, str(data_path)],
                              cwd=root, stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == 'ready'
        second = subprocess.run([sys.executable, 'app.py', '--no-browser', '--port', '0'], cwd=root,
                                env=app_env(data_path),
                                capture_output=True, text=True, timeout=60)
        assert second.returncode != 0
        assert 'already open in CareerNet' in second.stderr
        assert str(holder.pid) in second.stderr
        assert 'Traceback' not in second.stderr
    finally:
        holder.kill()
        holder.wait()


def test_truncated_file_stops_the_app_with_a_message(data_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    data_path.write_text('{"contacts": {"1": {"name": "Da')
    before = data_path.read_bytes()
    result = subprocess.run([sys.executable, 'app.py', '--no-browser'], cwd=root, env=app_env(data_path),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert str(data_path) in result.stderr
    assert 'not valid JSON' in result.stderr
    assert 'Traceback' not in result.stderr
    assert data_path.read_bytes() == before
