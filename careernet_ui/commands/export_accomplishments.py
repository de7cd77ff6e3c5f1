"""``python app.py export-accomplishments OUT.md [--tag T] [--year Y]``: the brag document as Markdown."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from careernet_ui.commands.reading import open_to_read
from careernet_ui.domain import CareerNetError
from careernet_ui.domain.accomplishment_search import AccomplishmentQuery
from careernet_ui.failures import cannot_write
from careernet_ui.paths import data_path
from careernet_ui.services.accomplishments import brag_document
from storage.durable import write_atomically

NAME = 'export-accomplishments'
HELP = 'write your accomplishments as a Markdown brag document, grouped by year (all, or by --tag / --year)'


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument('out', type=Path, metavar='OUT.md', help='the Markdown file to write (replaced if it exists)')
    parser.add_argument('--tag', default=None, help='only accomplishments with this tag')
    parser.add_argument('--year', type=int, default=None, help='only accomplishments dated in (or spanning) this year')


def run(args: argparse.Namespace) -> int:
    """Write the document; returns the exit code."""
    out: Path = args.out.expanduser()
    query = AccomplishmentQuery(tag=args.tag, year=args.year)
    store = open_to_read(data_path(args))
    try:
        text, count = brag_document(store, query, date.today())
        total = len(store.accomplishments)
    finally:
        store.close()
    if count == 0 and total and (args.tag or args.year):
        wanted = ' and '.join(part for part in (f'tag "{args.tag}"' if args.tag else '',
                                                f'year {args.year}' if args.year else '') if part)
        raise CareerNetError(f'None of your {total:,} accomplishments matches {wanted}; nothing was written.')
    try:
        write_atomically(out, [text.encode('utf-8')])  # private, like the data file
    except OSError as error:
        raise CareerNetError(cannot_write(out, error)) from None
    print(f'Exported {count:,} accomplishment{"" if count == 1 else "s"} to {out}.')
    return 0
