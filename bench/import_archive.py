"""How long a big LinkedIn archive takes to import: 30,000 connections and 200,000 messages.

Run with ``python -m bench.import_archive [connections] [messages]``. It writes a made-up archive
ZIP (Connections.csv from :mod:`bench.import_linkedin`, a 2026-style messages.csv in which a
third of the conversations are with strangers and some rows are sponsored) to a temporary
folder, then times, into a fresh data file: opening and reading the archive and planning it
(:func:`prepare_archive`), storing it (:func:`store_archive`), and preparing it again (a
second import of the same archive, which stores nothing). Target: the first import ≤ 20 s.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.import_linkedin import connections_csv
from careernet_ui.services.archive_import import prepare_archive, store_archive
from storage import open_store

OWNER = 'https://www.linkedin.com/in/bench-owner'
HEADER = ('"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS",'
          '"DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS"')


def main(argv: list[str]) -> None:
    """Write the archive, import it twice into a fresh data file, and print the times."""
    connections = int(argv[0]) if argv else 30_000
    messages = int(argv[1]) if len(argv) > 1 else 200_000
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / 'Complete_LinkedInDataExport_03-25-2026.zip'
        archive.write_bytes(archive_zip(connections, messages))
        size = archive.stat().st_size
        store = open_store(Path(folder) / 'careernet.json')
        try:
            began = time.perf_counter()
            prepared = prepare(store, archive)
            prepared_s = time.perf_counter() - began
            store_archive(store, prepared)
            total_s = time.perf_counter() - began
            began = time.perf_counter()
            again = prepare(store, archive)
            again_s = time.perf_counter() - began
        finally:
            store.close()
    print(f'LinkedIn archive: {connections:,} connections, {messages:,} messages ({size / 1e6:.1f} MB zipped)')
    print(f'  read + plan            {prepared_s:6.2f} s  ({len(prepared.plan.interactions):,} interactions, '
          f'{prepared.new_contacts:,} contacts)')
    print(f'  first import, total    {total_s:6.2f} s  (target ≤ 20 s)')
    print(f'  same archive again     {again_s:6.2f} s  ({again.plan.records} new records: nothing to store)')


def prepare(store, archive: Path):  # type: ignore[no-untyped-def]  # a benchmark, not a library
    """Plan the archive against the store, as the command line does."""
    return prepare_archive(archive, contacts=store.contacts.all(), interactions=store.interactions.all(),
                           feedback=store.feedback.all(), settings=store.settings, today=date(2026, 11, 25),
                           revision=store.revision)


def archive_zip(connections: int, messages: int) -> bytes:
    """An archive with ``connections`` connections and ``messages`` messages."""
    people = [line.split(',')[2] for line in connections_csv(connections).splitlines()[4:]]
    rng = random.Random(15)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    lines = [HEADER]
    for number in range(messages):
        conversation = rng.randrange(messages // 8 + 1)
        if conversation % 3 == 0:
            other = f'https://www.linkedin.com/in/stranger-{conversation}'
        else:
            other = people[conversation % len(people)]
        sent = rng.random() < 0.5
        when = start + timedelta(minutes=rng.randrange(6 * 365 * 24 * 60))
        sender, recipient = (OWNER, other) if sent else (other, OWNER)
        folder = 'SPONSORED' if number % 97 == 0 else 'INBOX'
        cells = (f'2-{conversation}', '', 'Bench Owner' if sent else 'Someone', sender, 'Someone', recipient,
                 when.strftime('%Y-%m-%d %H:%M:%S UTC'), '', f'Message {number}\nwith a second line, "quoted"',
                 folder, '')
        lines.append(','.join('"' + cell.replace('"', '""') + '"' for cell in cells))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as archive:
        archive.writestr('Connections.csv', connections_csv(connections).encode('utf-8-sig'))
        archive.writestr('messages.csv', ('\ufeff' + '\r\n'.join(lines) + '\r\n').encode('utf-8'))
    return buffer.getvalue()


if __name__ == '__main__':
    main(sys.argv[1:])
