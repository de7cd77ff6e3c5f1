"""The history card on /import: drop a LinkedIn archive or a calendar file, preview, confirm, undo.

Reading and planning run in a worker thread on lists read on the event loop; storing runs on the
event loop in batches, leaving it to other pages between writes. The import history lists every
archive import with an Undo button.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from nicegui import events, run, ui

from careernet_ui.context import AppContext
from careernet_ui.domain import CareerNetError, wording
from careernet_ui.importers.history_plan import Correspondent
from careernet_ui.services.address_import import add_correspondent, prepare_calendar
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
HELP = ('Your LinkedIn archive (the ZIP from Settings → Data privacy → Get a copy of your data) or a calendar '
        'file (.ics from Google Takeout, Apple Calendar or Outlook): messages, recommendations, endorsements and '
        'meetings with your contacts become their history. Nothing leaves your computer.')


@dataclass(kw_only=True, slots=True)
class HistoryState:
    """One page visit's history import."""

    prepared: PreparedArchive | None = None
    working: str = ''
    error: str = ''
    done: str = ''


def history_panel(ctx: AppContext, on_stored: Callable[[], object] = lambda: None) -> None:
    """The card, with its own state for this page visit; ``on_stored`` runs after an import or an undo."""
    state = HistoryState()

    with ui.card().classes('w-full gap-3').mark('history-card'):
        ui.label('Import your history').classes('text-lg font-semibold')
        ui.label(HELP).classes('text-sm')

        @ui.refreshable
        def body() -> None:
            if state.working:
                ui.label(state.working).mark('history-working')
                ui.spinner()
            elif state.prepared is not None:
                _preview(state.prepared, confirm=confirm, cancel=cancel, add=add)
            else:
                if state.error:
                    ui.label(state.error).classes('text-negative').mark('history-error')
                if state.done:
                    ui.label(state.done).classes('text-positive').mark('history-done')
                ui.upload(label='Drop your LinkedIn archive (.zip) or calendar (.ics) here', auto_upload=True,
                          max_file_size=MAX_BYTES, on_upload=read) \
                    .props('flat bordered accept=".zip,.ics"').classes('w-full').mark('history-upload')
            _history(ctx, undo)

        async def read(event: events.UploadEventArguments) -> None:
            file = event.file
            state.working, state.error, state.done = f'Reading {file.name}…', '', ''
            body.refresh()
            try:
                data = await file.read()
                store = ctx.store
                if file.name.casefold().endswith('.ics'):
                    prepared = await run.io_bound(
                        prepare_calendar, data, contacts=store.contacts.all(), interactions=store.interactions.all(),
                        settings=store.settings, today=ctx.today(), revision=store.revision, label=file.name)
                else:
                    prepared = await run.io_bound(
                        prepare_archive, data, contacts=store.contacts.all(), interactions=store.interactions.all(),
                        feedback=store.feedback.all(), settings=store.settings, today=ctx.today(),
                        revision=store.revision, label=file.name)
            except CareerNetError as error:
                state.error = f'{error} Nothing was imported.'
            except Exception:  # whatever a broken file provokes, the user gets a sentence, not a traceback
                log.exception('Reading a history upload failed')
                state.error = f'{file.name} could not be read. Nothing was imported.'
            else:
                state.prepared = prepared
            state.working = ''
            if state.error:
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

        def add(person: Correspondent) -> None:
            source = state.prepared.source if state.prepared is not None else ''
            contact = add_correspondent(ctx.store, person, today=ctx.today(), source=source)
            ui.notify(f'Added {contact.name}. Import the file again to bring in your history with them.',
                      type='positive')

        def cancel() -> None:
            state.prepared = None
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
        ui.label('People you meet most who are not contacts:').classes('font-medium')
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
