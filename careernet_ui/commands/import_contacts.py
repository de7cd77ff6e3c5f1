"""``python app.py import linkedin|vcard|csv FILE``: preview an import, confirm it, store it, summarise it.

``import linkedin-archive ZIP|DIR`` (the history in the user's own archives) is handed to
:mod:`~careernet_ui.commands.import_history`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from careernet_ui.domain import CareerNetError
from careernet_ui.importers.errors import StrayQuoteError
from careernet_ui.paths import data_path
from careernet_ui.services.import_summary import ImportSummary, count, describe, summary_line, summary_to_csv
from careernet_ui.services.imports import FORMAT_LABELS, PreparedImport, apply, prepare
from storage import open_store
from storage.durable import write_atomically

from . import import_history

NAME = 'import'
HELP = ('import contacts from a LinkedIn Connections.csv, a vCard (.vcf) file or a contacts CSV, '
        'or the history in a whole LinkedIn archive')
FORMATS = ('linkedin', 'vcard', 'csv', *import_history.FORMATS)
SHOWN_SKIPPED = 50


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument('format', choices=FORMATS,
                        help='linkedin (Connections.csv), vcard (.vcf), csv (Google Contacts or the template), '
                             'linkedin-archive (the ZIP from "Get a copy of your data", or its folder), '
                             'calendar (an .ics file: past meetings with your contacts) '
                             'or mbox (a mailbox: e-mail days with your contacts, headers only)')
    parser.add_argument('file', type=Path, metavar='FILE', help='the file (or archive folder) to import')
    parser.add_argument('--yes', action='store_true', help='import without asking (needed when not on a terminal)')
    parser.add_argument('--include-duplicates', action='store_true',
                        help='also add the rows that may duplicate a contact you have, as new contacts')
    parser.add_argument('--summary', type=Path, metavar='OUT.csv',
                        help='also write every row and what became of it to this CSV file')
    parser.add_argument('--accept-stray-quotes', action='store_true',
                        help='import a LinkedIn or contacts CSV (or the Connections.csv in a LinkedIn archive) even '
                             'where a quote opens a field that runs over many lines or is very long (refused by '
                             'default, naming the line): only after you have looked at that line and the long '
                             'field is meant to be there')


def run(args: argparse.Namespace) -> int:
    """Preview, confirm, import; returns the exit code (1 when the user declines)."""
    if args.format in import_history.FORMATS:
        return import_history.run(args)
    path: Path = args.file.expanduser()
    store = open_store(data_path(args))
    try:
        today = args.today or date.today()
        try:
            prepared = prepare(args.format, path, store.contacts.all(), today=today, revision=store.revision,
                               accept_stray_quotes=args.accept_stray_quotes)
        except StrayQuoteError as error:
            raise CareerNetError(f'{error} If that long field is meant to be there, pass --accept-stray-quotes '
                                 'to import the file as it is.') from None
        _print_preview(path, args.format, prepared, args.include_duplicates)
        if not _has_work(prepared, args.include_duplicates):
            print('Nothing to import: everyone in the file is already up to date, or skipped.')
        elif not args.yes and not _confirmed():
            print('Nothing was imported.')
            return 1
        try:
            summary = apply(store, prepared, include_duplicates=args.include_duplicates)
        except OSError as error:
            raise CareerNetError(
                f'Could not write {store.path}: {error.strerror or error}. Contacts written before stay; '
                'import the file again to finish (they will count as unchanged).'
            ) from None
    finally:
        store.close()
    _print_summary(summary)
    if args.summary:
        _write_summary(args.summary.expanduser(), summary)
    return 0


def _print_preview(path: Path, kind: str, prepared: PreparedImport, include_duplicates: bool) -> None:
    counts = count(prepared.parsed, prepared.plan)
    print(f'{path.name}: {counts.rows:,} row{"" if counts.rows == 1 else "s"} read as {FORMAT_LABELS[kind]}.')
    for warning in prepared.parsed.warnings:
        print(f'  Note: {warning}')
    print(f'Preview: {describe(counts)}.')
    if counts.possible_duplicates and not include_duplicates:
        print('  Possible duplicates are skipped; pass --include-duplicates to add them as new contacts.')


def _has_work(prepared: PreparedImport, include_duplicates: bool) -> bool:
    plan = prepared.plan
    return bool(plan.new or plan.updated or (include_duplicates and plan.possible_duplicates))


def _confirmed() -> bool:
    if not sys.stdin.isatty():
        raise CareerNetError('Not imported: there is no terminal to confirm on. Pass --yes to import without asking.')
    answer = input('Import these contacts? [y/N] ')
    return answer.strip().casefold() in {'y', 'yes'}


def _print_summary(summary: ImportSummary) -> None:
    print(summary_line(summary))
    skipped = summary.skipped
    for row in skipped[:SHOWN_SKIPPED]:
        print(f'  line {row.line}: {row.name or "(no name)"}: {row.detail}')
    if len(skipped) > SHOWN_SKIPPED:
        print(f'  … and {len(skipped) - SHOWN_SKIPPED:,} more skipped rows; --summary OUT.csv lists them all.')
    # What the file says differently about people you have: kept yours, and said so here too.
    conflicting = summary.conflicting
    for row in conflicting[:SHOWN_SKIPPED]:
        print(f'  line {row.line}: {row.name}: {" ".join(row.conflicts)}')
    if len(conflicting) > SHOWN_SKIPPED:
        print(f'  … and {len(conflicting) - SHOWN_SKIPPED:,} more rows that differ; --summary OUT.csv lists them all.')


def _write_summary(out: Path, summary: ImportSummary) -> None:
    try:
        write_atomically(out, [summary_to_csv(summary).encode('utf-8-sig')])  # private: it names your contacts
    except OSError as error:
        reason = error.strerror or error
        raise CareerNetError(f'Imported, but could not write the summary to {out}: {reason}.') from None
    print(f'Summary of every row written to {out}.')
