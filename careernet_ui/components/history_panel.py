"""The history card on /import: drop a LinkedIn archive, a calendar file or a mailbox, preview, confirm, undo.

Reading and planning run in a worker thread on lists read on the event loop; storing runs on the
event loop in batches, leaving it to other pages between writes. A mailbox (it can run to
gigabytes) or an archive is copied chunk by chunk to a private temporary file, read from there
(a mailbox's headers a line at a time, an archive's members one by one) and the copy deleted, so
the upload is never held in memory whole. The import history lists every import with an Undo
button.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from nicegui import events, run, ui
from nicegui.elements.upload_files import FileUpload

from careernet_ui.context import AppContext
from careernet_ui.domain import CareerNetError, wording
from careernet_ui.importers.errors import StrayQuoteError
from careernet_ui.importers.history_plan import Correspondent
from careernet_ui.services.address_import import add_correspondent, prepare_calendar, prepare_mbox
from careernet_ui.services.archive_import import (
    PreparedArchive,
    per_contact,
    prepare_archive,
    preview_lines,
    store_archive_in_batches,
    undo_import,
)

log = logging.getLogger(__name__)

MAX_BYTES = 512 * 1024 * 1024
"""The largest archive or calendar file: it is read into memory."""
MAX_MBOX_BYTES = 64 * 1024 * 1024 * 1024
"""The largest mailbox: it is streamed from disk, so only the disk bounds it."""
HELP = ('Your LinkedIn archive (the ZIP from Settings → Data privacy → Get a copy of your data), a calendar '
        'file (.ics from Google Takeout, Apple Calendar or Outlook) or a mailbox (.mbox, e.g. Takeout\'s Mail): '
        'messages, recommendations, endorsements, meetings and e-mails with your contacts become their history. '
        'Only mail headers are read. Nothing leaves your computer.')


@dataclass(kw_only=True, slots=True)
class HistoryState:
    """One page visit's history import."""

    prepared: PreparedArchive | None = None
    working: str = ''
    error: str = ''
    done: str = ''
    stray_quote: FileUpload | None = None  # an archive refused for a stray quote, kept while the user decides


def history_panel(ctx: AppContext, on_stored: Callable[[], object] = lambda: None) -> None:
    """The card, with its own state for this page visit; ``on_stored`` runs after an import or an undo."""
    state = HistoryState()

    with ui.card().classes('w-full gap-3').mark('history-card'):
        ui.label('Import your history').classes('text-lg font-semibold')
        ui.label(HELP).classes('text-sm')

        @ui.refreshable
        def body() -> None:
            if state.working:
                ui.label().bind_text_from(state, 'working').mark('history-working')
                ui.spinner()
            elif state.prepared is not None:
                _preview(state.prepared, confirm=confirm, cancel=cancel, add=add)
            elif state.stray_quote is not None:
                _stray_quote(state.error, import_anyway=import_anyway, cancel=cancel)
            else:
                if state.error:
                    ui.label(state.error).classes('text-negative').mark('history-error')
                if state.done:
                    ui.label(state.done).classes('text-positive').mark('history-done')
                ui.upload(label='Drop your LinkedIn archive (.zip), calendar (.ics) or mailbox (.mbox) here',
                          auto_upload=True, max_file_size=MAX_MBOX_BYTES, on_upload=read, on_rejected=rejected) \
                    .props('flat bordered accept=".zip,.ics,.mbox"').classes('w-full').mark('history-upload')
            _history(ctx, undo)

        async def read(event: events.UploadEventArguments) -> None:
            await read_file(event.file)

        async def import_anyway() -> None:
            file = state.stray_quote
            if file is not None and not state.working:
                await read_file(file, accept_stray_quotes=True)

        async def read_file(file: FileUpload, *, accept_stray_quotes: bool = False) -> None:
            state.working, state.error, state.done, state.stray_quote = f'Reading {file.name}…', '', '', None
            body.refresh()
            try:
                prepared = await _prepare(ctx, state, file, accept_stray_quotes=accept_stray_quotes)
            except StrayQuoteError as error:  # the user may look at the line, then import anyway
                state.stray_quote, state.error = file, f'Connections.csv in {file.name}: {error}'
            except CareerNetError as error:
                state.error = f'{error} Nothing was imported.'
            except Exception:  # whatever a broken file provokes, the user gets a sentence, not a traceback
                log.exception('Reading a history upload failed')
                state.error = f'{file.name} could not be read. Nothing was imported.'
            else:
                if prepared is None:  # the app is shutting down
                    return
                state.prepared = prepared
            state.working = ''
            if state.error and state.stray_quote is None:
                ui.notify(state.error, type='negative', multi_line=True)
            body.refresh()

        async def confirm() -> None:
            prepared = state.prepared
            if prepared is None or state.working:
                return
            state.working = 'Importing…'
            body.refresh()

            def moved(done: int, total: int) -> None:
                state.working = f'Imported {done:,} of {total:,}…'
                body.refresh()

            try:
                entry = await store_archive_in_batches(ctx.store, prepared, progress=moved)
            except Exception as error:
                log.exception('Storing a history import failed')
                state.error = f'The import stopped: {error}. Undo it from the history below, or import again.'
            else:
                state.done = (f'Imported {", ".join(f"{n:,} {kind}" for kind, n in entry.counts.items())}.'
                              if entry is not None else 'Nothing new to import.')
            state.prepared, state.working = None, ''
            body.refresh()
            on_stored()

        def rejected() -> None:
            state.error = (f'That file is larger than {MAX_MBOX_BYTES // 1024**3} GB. Nothing was imported.')
            ui.notify(state.error, type='negative')
            body.refresh()

        def add(person: Correspondent) -> None:
            source = state.prepared.source if state.prepared is not None else ''
            contact = add_correspondent(ctx.store, person, today=ctx.today(), source=source)
            ui.notify(f'Added {contact.name}. Import the file again to bring in your history with them.',
                      type='positive')

        def cancel() -> None:
            state.prepared, state.stray_quote, state.error = None, None, ''
            body.refresh()

        def undo(import_id: str) -> None:
            try:
                undone = undo_import(ctx.store, import_id)
            except CareerNetError as error:
                ui.notify(str(error), type='warning')
            else:
                ui.notify(f'Import undone: removed {undone.interactions:,} interactions, {undone.feedback:,} feedback '
                          f'and {undone.contacts:,} contacts.', type='positive')
            body.refresh()
            on_stored()

        body()


async def _prepare(ctx: AppContext, state: HistoryState, file: FileUpload, *,
                   accept_stray_quotes: bool = False) -> PreparedArchive | None:
    """Read and plan the upload in a worker thread, on lists read here on the event loop (None: shutting down)."""
    store = ctx.store
    name = file.name.casefold()
    if name.endswith('.mbox') or name == 'mbox':  # Apple Mail's export holds a file named just "mbox"
        return await _prepare_mailbox(ctx, state, file)
    if file.size() > MAX_BYTES:
        raise CareerNetError(f'{file.name} is {file.size() / 1024**2:,.0f} MB; an archive or calendar file may be '
                             f'{MAX_BYTES // 1024**2} MB at most.')
    if name.endswith('.ics'):
        data = await file.read()
        return await run.io_bound(
            prepare_calendar, data, contacts=store.contacts.all(), interactions=store.interactions.all(),
            settings=store.settings, today=ctx.today(), revision=store.revision, label=file.name)
    async with _saved(file, 'archive.zip') as path:
        return await run.io_bound(
            prepare_archive, path, contacts=store.contacts.all(), interactions=store.interactions.all(),
            feedback=store.feedback.all(), settings=store.settings, today=ctx.today(), revision=store.revision,
            label=file.name, accept_stray_quotes=accept_stray_quotes)


async def _prepare_mailbox(ctx: AppContext, state: HistoryState, file: FileUpload) -> PreparedArchive | None:
    """Copy the mailbox to a private temporary file chunk by chunk, scan it in a worker thread, delete the copy."""
    total = file.size()
    megabytes = f'{total / 1024**2:,.0f} MB' if total >= 1024**2 else f'{total / 1024:,.0f} KB'

    def scanned(done: int) -> None:  # from the worker thread: only a string is set, the page's binding shows it
        state.working = f'Scanning {file.name}: {done / max(total, 1):.0%} of {megabytes}…'

    async with _saved(file, 'mail.mbox') as path:
        store = ctx.store
        return await run.io_bound(
            prepare_mbox, path, contacts=store.contacts.all(), interactions=store.interactions.all(),
            settings=store.settings, today=ctx.today(), revision=store.revision, label=file.name, progress=scanned)


@asynccontextmanager
async def _saved(file: FileUpload, name: str) -> AsyncIterator[Path]:
    """The upload copied chunk by chunk into a private temporary folder, deleted when done."""
    folder = Path(tempfile.mkdtemp(prefix='careernet-upload-'))  # readable by the user alone
    try:
        path = folder / name
        await file.save(path)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stray_quote(message: str, *, import_anyway: Callable[[], object], cancel: Callable[[], None]) -> None:
    with ui.column().classes('w-full gap-2').mark('history-stray-quote'):
        ui.label(message).classes('text-negative').mark('history-error')
        ui.label('Open Connections.csv in the archive and look at that line. If the long field is meant to be there, '
                 'import the archive as it is: that row is read as it stands, and you see the preview before '
                 'anything is stored.').classes('text-sm')
        with ui.row().classes('gap-2'):
            ui.button('Import anyway', icon='warning', on_click=import_anyway).props('color=warning') \
                .mark('history-import-anyway')
            ui.button('Cancel', on_click=cancel).props('flat').mark('history-cancel')


def _preview(prepared: PreparedArchive, *, confirm: Callable[[], object], cancel: Callable[[], None],
             add: Callable[[Correspondent], None]) -> None:
    ui.label(f'{prepared.label}: nothing is stored until you confirm.').mark('history-preview-title')
    with ui.column().classes('gap-0').mark('history-preview'):
        for line in preview_lines(prepared):
            ui.label(line).classes('text-sm')
    top = per_contact(prepared, limit=10)
    if top:
        ui.label('Most new records: ' + ', '.join(f'{name} ({count:,})' for name, count in top)).classes('text-sm')
    if prepared.plan.moves:
        ui.label('"Last contact" moves most for:').classes('font-medium')
        with ui.column().classes('gap-0').mark('history-moves'):
            for move in prepared.plan.moves:
                before = wording.day_label(move.before) if move.before else 'never'
                ui.label(f'{move.contact.name}: {before} → {wording.day_label(move.after)}').classes('text-sm')
    for contact in prepared.plan.may_be_advocates:
        ui.label(f'{contact.name} wrote you a recommendation: consider moving them to Advocate.').classes('text-sm')
    if prepared.plan.correspondents:
        ui.label('People you meet or write to most who are not contacts:').classes('font-medium')
        for position, person in enumerate(prepared.plan.correspondents, 1):
            with ui.row().classes('items-center gap-2'):
                ui.label(f'{person.name or person.address} <{person.address}>: {person.count:,}, '
                         f'last {wording.day_label(person.last)}').classes('text-sm')
                ui.button('Add', on_click=lambda person=person: add(person)).props('flat dense') \
                    .mark('history-add', f'history-add-{position}')
    with ui.row().classes('gap-2'):
        if prepared.has_work:
            ui.button('Import this history', icon='history', on_click=confirm).mark('history-confirm')
        else:
            ui.label('Nothing to import: everything in it is already stored, or is not about your contacts.') \
                .mark('history-nothing')
        ui.button('Cancel', on_click=cancel).props('flat').mark('history-cancel')


def _history(ctx: AppContext, undo: Callable[[str], None]) -> None:
    entries = list(reversed(ctx.store.settings.import_history))
    if not entries:
        return
    ui.label('Import history').classes('font-medium')
    with ui.column().classes('gap-1 w-full').mark('history-list'):
        for entry in entries:
            with ui.row().classes('items-center gap-2'):
                added = ', '.join(f'{count:,} {kind}' for kind, count in entry.counts.items())
                state = 'undone' if entry.undone else added
                ui.label(f'{wording.moment_label(entry.at)} · {entry.label} · {state}').classes('text-sm')
                if not entry.undone:
                    ui.button('Undo', on_click=lambda entry_id=entry.id: undo(entry_id)) \
                        .props('flat dense color=negative').mark('history-undo')
