"""``python app.py import linkedin-archive ZIP|DIR``: preview the history in an archive, confirm, store it.

Reached through the ``import`` command (:mod:`~careernet_ui.commands.import_contacts`), which
hands over every format in :data:`FORMATS`.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from datetime import date
from pathlib import Path

from careernet_ui.domain import CareerNetError
from careernet_ui.importers.csv_safety import neutralize
from careernet_ui.importers.errors import StrayQuoteError
from careernet_ui.paths import data_path
from careernet_ui.services.address_import import prepare_calendar, prepare_mbox
from careernet_ui.services.archive_import import PreparedArchive, per_contact, prepare_archive, store_archive
from careernet_ui.services.archive_import import preview_lines as archive_preview
from storage import open_store

FORMATS = ('linkedin-archive', 'calendar', 'mbox')
SHOWN_MOVES = 20
SUMMARY_COLUMNS = ('contact', 'kind', 'date', 'direction', 'source', 'note')


def run(args: argparse.Namespace) -> int:
    """Preview, confirm, store; returns the exit code (1 when the user declines)."""
    path: Path = args.file.expanduser()
    store = open_store(data_path(args))
    try:
        today = args.today or date.today()
        if args.format == 'mbox':
            prepared = prepare_mbox(path, contacts=store.contacts.all(), interactions=store.interactions.all(),
                                    settings=store.settings, today=today, revision=store.revision)
        elif args.format == 'calendar':
            prepared = prepare_calendar(path, contacts=store.contacts.all(), interactions=store.interactions.all(),
                                        settings=store.settings, today=today, revision=store.revision)
        else:
            try:
                prepared = prepare_archive(
                    path, contacts=store.contacts.all(), interactions=store.interactions.all(),
                    feedback=store.feedback.all(), settings=store.settings, today=today, revision=store.revision,
                    accept_stray_quotes=args.accept_stray_quotes)
            except StrayQuoteError as error:
                raise CareerNetError(f'Connections.csv: {error} If that long field is meant to be there, pass '
                                     '--accept-stray-quotes to import the archive as it is.') from None
        _print_preview(path, prepared)
        if not prepared.has_work:
            print('Nothing to import: everything in the archive is already stored, or is not about your contacts.')
            return 0
        if not args.yes and not _confirmed():
            print('Nothing was imported.')
            return 1
        try:
            entry = store_archive(store, prepared)
        except OSError as error:
            raise CareerNetError(
                f'Could not write {store.path}: {error.strerror or error}. Import the archive again to finish: '
                'what was stored counts as already imported.'
            ) from None
    finally:
        store.close()
    if entry is not None:
        added = ', '.join(f'{count:,} {kind}' for kind, count in entry.counts.items())
        print(f'Imported {added}. Undo it on the Import page (import {entry.id[:8]}).')
    if args.summary:
        _write_summary(args.summary.expanduser(), prepared)
    return 0


def _print_preview(path: Path, prepared: PreparedArchive) -> None:
    if prepared.source == 'linkedin-archive':
        print(f'{path.name}: a LinkedIn archive with {", ".join(prepared.history.files) or "no history files"}.')
    for line in archive_preview(prepared):
        print(f'  {line}')
    contacts = per_contact(prepared, limit=10)
    if contacts:
        print('Most new records: ' + ', '.join(f'{name} ({count:,})' for name, count in contacts) + '.')
    if prepared.plan.moves:
        print('"Last contact" moves most for:')
        for move in prepared.plan.moves[:SHOWN_MOVES]:
            before = move.before.isoformat() if move.before else 'never'
            print(f'  {move.contact.name}: {before} → {move.after.isoformat()}')
    if prepared.plan.correspondents:
        print('People you meet or write to most who are not contacts (add them on the Contacts page):')
        for person in prepared.plan.correspondents:
            print(f'  {person.name or person.address} <{person.address}>: {person.count:,}, last {person.last}')
    for contact in prepared.plan.may_be_advocates:
        print(f'  {contact.name} wrote you a recommendation: consider moving them to Advocate.')


def _confirmed() -> bool:
    if not sys.stdin.isatty():
        raise CareerNetError('Not imported: there is no terminal to confirm on. Pass --yes to import without asking.')
    answer = input('Import this history? [y/N] ')
    return answer.strip().casefold() in {'y', 'yes'}


def _write_summary(out: Path, prepared: PreparedArchive) -> None:
    names = prepared.contact_names
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator='\r\n')
    writer.writerow(SUMMARY_COLUMNS)
    records = sorted(prepared.plan.interactions, key=lambda i: (names.get(i.contact_id, ''), i.on))
    for interaction in records:
        writer.writerow([neutralize(cell) for cell in (
            names.get(interaction.contact_id, ''), interaction.kind.value, interaction.on.isoformat(),
            interaction.direction.value, interaction.source, interaction.note)])
    for entry in prepared.plan.feedback:
        writer.writerow([neutralize(cell) for cell in (
            names.get(entry.contact_id, ''), 'feedback', entry.received_on.isoformat() if entry.received_on else '',
            'received', entry.source, entry.text)])
    try:
        out.write_text(buffer.getvalue(), encoding='utf-8-sig', newline='')
    except OSError as error:
        reason = error.strerror or error
        raise CareerNetError(f'Imported, but could not write the summary to {out}: {reason}.') from None
    print(f'Summary of every record written to {out}.')
