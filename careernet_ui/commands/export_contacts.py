"""``python app.py export-contacts OUT.csv|OUT.vcf``: contacts as a spreadsheet-safe CSV or as vCard."""

from __future__ import annotations

import argparse
from pathlib import Path

from careernet_ui.commands.reading import open_to_read
from careernet_ui.domain import CareerNetError
from careernet_ui.failures import cannot_write
from careernet_ui.importers import contacts_to_csv, contacts_to_vcard
from careernet_ui.paths import data_path
from storage.durable import write_atomically

NAME = 'export-contacts'
HELP = 'write every contact to a CSV file (the import template, spreadsheet-safe) or a vCard (.vcf) file'

# Excel reads a CSV as UTF-8 only with a byte-order mark; CareerNet's importer accepts either.
_WRITERS = {'.csv': (contacts_to_csv, 'utf-8-sig'), '.vcf': (contacts_to_vcard, 'utf-8'),
            '.vcard': (contacts_to_vcard, 'utf-8')}


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument('out', type=Path, metavar='OUT',
                        help='contacts.csv or contacts.vcf: the extension picks the format')


def run(args: argparse.Namespace) -> int:
    """Write the contacts; returns the exit code."""
    out: Path = args.out.expanduser()
    writer = _WRITERS.get(out.suffix.casefold())
    if writer is None:
        raise CareerNetError(f'Cannot tell the format from "{out.name}": name the file .csv or .vcf.')
    render, encoding = writer
    store = open_to_read(data_path(args))
    try:
        contacts = store.contacts.all()
    finally:
        store.close()
    try:
        write_atomically(out, [render(contacts).encode(encoding)])  # private: it holds your network
    except OSError as error:
        raise CareerNetError(cannot_write(out, error)) from None
    print(f'Exported {len(contacts):,} contact{"" if len(contacts) == 1 else "s"} to {out}.')
    return 0
