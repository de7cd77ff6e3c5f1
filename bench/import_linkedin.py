"""How long a big LinkedIn import takes: parse 30,000 connections, then plan the merge.

Run with ``python -m bench.import_linkedin [rows] [repeats]``. It writes a made-up
Connections.csv to a temporary folder and prints the median of each step over the repeats:
parsing, planning against no contacts (a first import), and planning against the 30,000
contacts that first import created (importing the same file again: everything unchanged).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from careernet_ui.importers import ParsedFile, parse_linkedin_csv, plan_import

PREAMBLE = (
    'Notes:\r\n'
    '"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n'
    '\r\n'
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n'
)
FIRST_NAMES = ['Dana', 'Luis', 'Mei', 'Priya', 'Tomasz', 'Aisha', 'Jonas', 'Sofia', 'Kwame', 'Elena', 'Hiroshi',
               'Fatima', 'Noah', 'Chloé', 'Ravi', 'Ingrid', 'Mateo', 'Zoë', 'Omar', 'Hannah', 'José', 'Yuki', 'Liam',
               'Amara', 'Wei', 'Olga', 'Pedro', 'Nia', 'Sven', 'Leila']  # fmt: skip
LAST_NAMES = ['Okafor', 'García', 'Chen', 'Raman', 'Nowak', 'Bello', 'Lindqvist', 'Rossi', 'Mensah', 'Petrova',
              'Tanaka', 'Haddad', 'Williams', 'Dubois', 'Iyer', 'Berg', 'Fernández', 'Müller', 'Khalil', 'Schmidt',
              "O'Brien", 'Sato', 'Nwosu', 'Kowalski', 'Novak', 'Silva', 'Kim', 'Singh', 'Ali', 'Jensen']  # fmt: skip
COMPANIES = ['Initech', 'Globex', 'Umbrella Health', 'Acme Corp', 'Stark Industries', 'Vandelay Industries',
             '"Wayne Enterprises, Inc."', 'Pied Piper', 'Soylent', 'Hooli', '']  # fmt: skip
POSITIONS = ['Staff Engineer', 'Data Scientist', 'Engineering Manager', 'Recruiter', 'Founder', 'Product Designer',
             'Director of Product', 'Senior Software Engineer', 'Technical Program Manager', '']  # fmt: skip

T = TypeVar('T')


def main(argv: list[str]) -> None:
    """Generate the file, time each step ``repeats`` times, and print the medians."""
    rows = int(argv[0]) if argv else 30_000
    repeats = int(argv[1]) if len(argv) > 1 else 5
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / 'Connections.csv'
        path.write_bytes(connections_csv(rows).encode('utf-8-sig'))
        size = path.stat().st_size
        parse_s, parsed = timed(repeats, lambda: parse_linkedin_csv(path))
        first_s, first = timed(repeats, lambda: plan_import([], parsed.rows))
        existing = [row.contact for row in first.new]
        again_s, again = timed(repeats, lambda: plan_import(existing, parse_linkedin_csv(path).rows))
        again_plan_s, _ = timed(repeats, lambda: plan_import(existing, parsed.rows))
    known = f'{len(existing):,}'
    print(f'LinkedIn import, {rows:,} rows ({size / 1024 / 1024:.1f} MB), median of {repeats} runs')
    report('parse', parse_s, f'{len(parsed.rows):,} rows read')
    report('plan against 0 contacts', first_s, f'{len(first.new):,} new')
    report('parse + plan against 0', parse_s + first_s)
    report(f'plan against {known} contacts', again_plan_s)
    summary = f'{len(again.new)} new, {len(again.updated)} updated, {len(again.unchanged):,} unchanged'
    report(f'parse + plan against {known} (same file)', again_s, summary)
    _check(parsed, rows)


def report(step: str, seconds: float, note: str = '') -> None:
    """Print one step's median time, aligned with the others."""
    print(f'  {step:<42} {seconds:6.3f} s' + (f'  ({note})' if note else ''))


def connections_csv(rows: int, seed: int = 7) -> str:
    """A LinkedIn Connections.csv with ``rows`` made-up connections, the same for the same seed."""
    chance = random.Random(seed)
    start = date(2005, 1, 1)
    lines = [PREAMBLE]
    for number in range(rows):
        first, last = chance.choice(FIRST_NAMES), chance.choice(LAST_NAMES)
        slug = f'{first}-{last}-{number}'.lower().replace("'", '')
        email = f'{slug}@example.com' if chance.random() < 0.2 else ''
        connected = (start + timedelta(days=chance.randrange(7300))).strftime('%d %b %Y')
        company, position = chance.choice(COMPANIES), chance.choice(POSITIONS)
        lines.append(f'{first},{last},https://www.linkedin.com/in/{slug},{email},{company},{position},{connected}\r\n')
    return ''.join(lines)


def timed(repeats: int, step: Callable[[], T]) -> tuple[float, T]:
    """The median wall time of ``step`` over ``repeats`` runs, and its last result."""
    times: list[float] = []
    for _ in range(repeats):
        began = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def _check(parsed: ParsedFile, rows: int) -> None:
    if len(parsed.rows) != rows or parsed.skipped:
        raise SystemExit(f'expected {rows} rows and none skipped, got {len(parsed.rows)} and {len(parsed.skipped)}')


if __name__ == '__main__':
    main(sys.argv[1:])
