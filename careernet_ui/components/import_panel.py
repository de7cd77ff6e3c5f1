"""The import card: choose a format, drop a file, look at the preview, confirm, read the summary.

Reading and planning run in a worker thread on plain data (no store access), so the page keeps
answering while a 30,000-row file is parsed. Storing runs on the event loop, because TinyDB is
not thread-safe, in batches with a yield to the loop after each durable write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from nicegui import events, run, ui
from nicegui.elements.upload_files import FileUpload

from careernet_ui.context import AppContext
from careernet_ui.domain import CareerNetError
from careernet_ui.importers import DEFAULT_MAX_BYTES
from careernet_ui.importers.errors import StrayQuoteError
from careernet_ui.services.import_preview import preview_rows
from careernet_ui.services.import_summary import ImportSummary, count, summary_line, summary_to_csv
from careernet_ui.services.imports import (
    FORMAT_LABELS,
    PreparedImport,
    apply_in_batches,
    is_stale,
    prepare,
    replan,
)

log = logging.getLogger(__name__)

MAX_MEGABYTES = DEFAULT_MAX_BYTES // (1024 * 1024)
SHOWN_SKIPPED = 100
PREVIEW_COLUMNS = [
    {'name': 'line', 'label': 'Line', 'field': 'line', 'align': 'right'},
    {'name': 'name', 'label': 'Name', 'field': 'name', 'align': 'left'},
    {'name': 'organisation', 'label': 'Organisation', 'field': 'organisation', 'align': 'left'},
    {'name': 'action', 'label': 'What happens', 'field': 'action', 'align': 'left'},
    {'name': 'detail', 'label': 'Details', 'field': 'detail', 'align': 'left', 'classes': 'whitespace-normal'},
]
LINKEDIN_HELP = (
    'LinkedIn: Settings → Data privacy → Get a copy of your data → Connections. '
    'Upload the Connections.csv from the archive LinkedIn e-mails you.'
)
OTHER_HELP = (
    'Also: .vcf files of vCards from Apple, Google or Outlook contacts; Google Contacts CSV; or a CSV with the columns '
    'name, email, organisation, title, role, stage, tags (only name is required).'
)


class Phase(Enum):
    """Where the import stands."""

    CHOOSE = 'choose'
    READING = 'reading'
    STRAY_QUOTE = 'stray_quote'  # refused for a runaway quote: the user may look and import anyway
    PREVIEW = 'preview'
    STORING = 'storing'
    DONE = 'done'


@dataclass(kw_only=True, slots=True)
class ImportState:
    """One page visit's import: what the user chose and how far it got."""

    kind: str = 'auto'
    phase: Phase = Phase.CHOOSE
    file_name: str = ''
    prepared: PreparedImport | None = None
    data: bytes = b''  # the file, kept only while the user decides about a stray quote
    include_duplicates: bool = False
    summary: ImportSummary | None = None
    error: str = ''
    progress: float = 0.0
    progress_text: str = ''
    listeners: list[Callable[[], None]] = field(default_factory=list)

    def start_over(self) -> None:
        """Forget the last file (and any error), keeping the chosen format."""
        self.phase, self.file_name, self.prepared, self.summary, self.error = Phase.CHOOSE, '', None, None, ''
        self.data = b''
        self.include_duplicates, self.progress, self.progress_text = False, 0.0, ''
        self.listeners.clear()


def import_panel(ctx: AppContext, on_stored: Callable[[], object] = lambda: None) -> None:
    """The import card, with its own state for this page visit; ``on_stored`` runs after an import."""
    state = ImportState()

    with ui.card().classes('w-full gap-3').mark('import-card'):
        ui.label('Import contacts').classes('text-lg font-semibold')
        ui.label(LINKEDIN_HELP).classes('text-sm')
        ui.label(OTHER_HELP).classes('text-sm text-grey-7')

        @ui.refreshable
        def body() -> None:
            if state.phase is Phase.CHOOSE:
                _choose(state, on_file, on_rejected=rejected)
            elif state.phase in (Phase.READING, Phase.STORING):
                _progress(state)
            elif state.phase is Phase.STRAY_QUOTE:
                _stray_quote(state, import_anyway=import_anyway, cancel=start_over)
            elif state.phase is Phase.PREVIEW:
                _preview(state, confirm=store_it, cancel=start_over)
            else:
                _summary(state, start_over)

        def rejected() -> None:
            _notify_too_large(state)
            body.refresh()

        async def on_file(event: events.UploadEventArguments) -> None:
            await _read(ctx, state, event.file, body.refresh)

        async def import_anyway() -> None:
            await _read_anyway(ctx, state, body.refresh)

        async def store_it() -> None:
            await _store(ctx, state, body.refresh)
            on_stored()

        def start_over() -> None:
            state.start_over()
            body.refresh()

        body()


def _choose(state: ImportState, on_file: Callable[[events.UploadEventArguments], object], *,
            on_rejected: Callable[[], None]) -> None:
    ui.radio(FORMAT_LABELS, value=state.kind, on_change=lambda e: setattr(state, 'kind', e.value)) \
        .props('inline').mark('import-format')
    if state.error:
        ui.label(state.error).classes('text-negative').mark('import-error')
    ui.upload(
        label=f'Drop your file here, or click + to choose one (up to {MAX_MEGABYTES} MB)',
        auto_upload=True,
        max_file_size=DEFAULT_MAX_BYTES,
        on_upload=on_file,
        on_rejected=on_rejected,
    ).props('flat bordered').classes('w-full').mark('import-upload')


def _notify_too_large(state: ImportState) -> None:
    state.error = (
        f'That file is larger than {MAX_MEGABYTES} MB, more than any contacts export should be. '
        'Split it into smaller files and import them one after the other. Nothing was imported.'
    )
    ui.notify(state.error, type='negative', multi_line=True)


def _progress(state: ImportState) -> None:
    with ui.column().classes('w-full gap-1').mark('import-working'):
        text = ui.label(state.progress_text).mark('import-progress-text')
        bar = ui.linear_progress(value=state.progress, show_value=False, size='14px').mark('import-progress')

    def show() -> None:
        if bar.is_deleted:  # the page was closed; the import carries on without it
            return
        text.set_text(state.progress_text)
        bar.set_value(state.progress)

    state.listeners[:] = [show]


def _set_progress(state: ImportState, value: float, text: str) -> None:
    state.progress, state.progress_text = value, text
    for listener in state.listeners:
        listener()


async def _read(ctx: AppContext, state: ImportState, file: FileUpload,
                refresh: Callable[[], object]) -> None:
    """Read and plan the uploaded file in a worker thread, then show the preview (or why not)."""
    state.phase, state.file_name, state.error = Phase.READING, file.name, ''
    state.progress, state.progress_text = 0.05, f'Reading {file.name}…'
    refresh()
    if file.size() > DEFAULT_MAX_BYTES:  # the browser enforces the limit too, but a script may not
        _fail(state, f'The file is {file.size() / 1024 / 1024:.1f} MB; imports are limited to {MAX_MEGABYTES} MB. '
                     'Split it into smaller files and import them one after the other. Nothing was imported.',
              refresh)
        return
    try:
        data = await file.read()
    except OSError:
        log.exception('Reading an upload failed')
        _fail(state, f'{file.name} could not be read. Nothing was imported.', refresh)
        return
    _set_progress(state, 0.3, f'Reading the people in {file.name}…')
    await _plan(ctx, state, data, refresh, accept_stray_quotes=False)


async def _read_anyway(ctx: AppContext, state: ImportState, refresh: Callable[[], object]) -> None:
    """Read the file again, taking the long field as it is, then show the preview (nothing is stored yet)."""
    data = state.data
    if state.phase is not Phase.STRAY_QUOTE or not data:
        return  # a second click while the first is reading
    state.phase, state.data, state.error = Phase.READING, b'', ''
    state.progress, state.progress_text = 0.3, f'Reading {state.file_name} as it is…'
    refresh()
    await _plan(ctx, state, data, refresh, accept_stray_quotes=True)


async def _plan(ctx: AppContext, state: ImportState, data: bytes, refresh: Callable[[], object], *,
                accept_stray_quotes: bool) -> None:
    """Plan the import of ``data`` in a worker thread; show the preview, the stray-quote question, or why not."""
    try:
        existing, revision = ctx.store.contacts.all(), ctx.store.revision
        prepared = await run.io_bound(prepare, state.kind, data, existing, today=ctx.today(), revision=revision,
                                      accept_stray_quotes=accept_stray_quotes)
    except StrayQuoteError as error:
        state.phase, state.error, state.data = Phase.STRAY_QUOTE, str(error), data
        refresh()
        return
    except CareerNetError as error:
        _fail(state, f'{error} Nothing was imported.', refresh)
        return
    except Exception:  # Whatever else a broken file provokes, the user gets a sentence, not a traceback.
        log.exception('Reading an upload failed')
        _fail(state, f'{state.file_name} could not be read as contacts. Nothing was imported.', refresh)
        return
    if prepared is None:  # the app is shutting down
        return
    state.prepared, state.phase = prepared, Phase.PREVIEW
    refresh()


def _stray_quote(state: ImportState, *, import_anyway: Callable[[], object], cancel: Callable[[], None]) -> None:
    with ui.column().classes('w-full gap-2').mark('import-stray-quote'):
        ui.label(state.error).classes('text-negative').mark('import-error')
        ui.label('Open the file and look at that line. If the long field is meant to be there, import the file as '
                 'it is: that row is read as it stands, and you see the preview before anything is stored.') \
            .classes('text-sm')
        with ui.row().classes('gap-2'):
            ui.button('Import anyway', icon='warning', on_click=import_anyway).props('color=warning') \
                .mark('import-anyway')
            ui.button('Cancel', on_click=cancel).props('flat').mark('import-cancel')


def _fail(state: ImportState, message: str, refresh: Callable[[], object]) -> None:
    state.phase, state.error = Phase.CHOOSE, message
    ui.notify(message, type='negative', multi_line=True)
    refresh()


def _preview(state: ImportState, *, confirm: Callable[[], object], cancel: Callable[[], None]) -> None:
    prepared = state.prepared
    assert prepared is not None
    counts = count(prepared.parsed, prepared.plan)
    ui.label(f'{state.file_name}: {counts.rows:,} rows read. Nothing is stored until you confirm.') \
        .mark('import-file')
    with ui.row().classes('gap-6'):
        for label, value, marker in (
            ('New', counts.new, 'import-count-new'),
            ('Updated', counts.updated, 'import-count-updated'),
            ('Unchanged', counts.unchanged, 'import-count-unchanged'),
            ('Possible duplicates', counts.possible_duplicates, 'import-count-duplicates'),
            ('Skipped', counts.skipped, 'import-count-skipped'),
        ):
            with ui.column().classes('gap-0 items-center'):
                ui.label(f'{value:,}').classes('text-2xl font-semibold').mark(marker)
                ui.label(label).classes('text-sm text-grey-7')
    for warning in prepared.parsed.warnings:
        ui.label(warning).classes('text-sm text-warning').mark('import-warning')
    rows = preview_rows(prepared)
    if counts.rows > len(rows):
        ui.label(f'Showing {len(rows):,} of {counts.rows:,} rows (new, updated, duplicates and skipped first); '
                 'the summary after the import lists every row.').classes('text-sm text-grey-7')
    ui.table(columns=PREVIEW_COLUMNS, rows=rows, row_key='key', pagination=10) \
        .props('dense flat wrap-cells').classes('w-full').mark('import-preview')
    if counts.possible_duplicates:
        ui.checkbox(f'Also add the {counts.possible_duplicates:,} possible duplicates as new contacts',
                    value=state.include_duplicates,
                    on_change=lambda e: setattr(state, 'include_duplicates', bool(e.value))) \
            .mark('import-include-duplicates')
    with ui.row().classes('gap-2'):
        if counts.new or counts.updated or counts.possible_duplicates:
            ui.button(f'Import {state.file_name}', icon='file_download_done', on_click=confirm) \
                .mark('import-confirm')
        else:
            ui.label('Nothing to import: everyone in this file is already up to date, or skipped.') \
                .classes('self-center').mark('import-nothing')
        ui.button('Cancel', on_click=cancel).props('flat').mark('import-cancel')


async def _store(ctx: AppContext, state: ImportState, refresh: Callable[[], object]) -> None:
    """Store the confirmed plan in batches on the event loop, moving the progress bar."""
    prepared = state.prepared
    if prepared is None or state.phase is not Phase.PREVIEW:
        return  # a second click while the first is running
    state.phase, state.progress, state.progress_text = Phase.STORING, 0.0, 'Importing…'
    refresh()
    try:
        if is_stale(prepared, ctx.store):  # contacts changed since the preview: plan against them as they are
            _set_progress(state, 0.02, 'Your contacts changed since the preview; checking the file against them…')
            existing, revision = ctx.store.contacts.all(), ctx.store.revision
            replanned = await run.io_bound(replan, prepared, existing, revision, today=ctx.today())
            if replanned is None:
                return
            prepared = replanned

        def moved(done: int, total: int) -> None:
            _set_progress(state, done / total, f'Imported {done:,} of {total:,}…')

        state.summary = await apply_in_batches(
            ctx.store, prepared, include_duplicates=state.include_duplicates, progress=moved
        )
    except Exception as error:  # Whatever stopped it, the user gets a sentence and the preview back.
        log.exception('Storing an import failed')
        reason = error.strerror if isinstance(error, OSError) and error.strerror else (
            str(error) if isinstance(error, CareerNetError) else 'an unexpected error (see the log)')
        state.phase = Phase.PREVIEW
        ui.notify(f'The import stopped: {reason}. Contacts stored before stay; import again to finish '
                  '(they will count as unchanged).', type='negative', multi_line=True)
        refresh()
        return
    state.phase = Phase.DONE
    refresh()


def _summary(state: ImportState, start_over: Callable[[], None]) -> None:
    summary = state.summary
    assert summary is not None
    ui.label(summary_line(summary)).classes('text-lg').mark('import-summary')
    skipped = summary.skipped
    if skipped:
        ui.label('Skipped, and why:').classes('font-medium')
        with ui.column().classes('gap-0 w-full').mark('import-skipped'):
            for row in skipped[:SHOWN_SKIPPED]:
                ui.label(f'Line {row.line}: {row.name or "(no name)"}: {row.detail}').classes('text-sm')
        if len(skipped) > SHOWN_SKIPPED:
            ui.label(f'… and {len(skipped) - SHOWN_SKIPPED:,} more: download the summary for all of them.') \
                .classes('text-sm text-grey-7')
    with ui.row().classes('gap-2'):
        ui.button('Download the summary (CSV)', icon='download', on_click=lambda: _download_summary(summary)) \
            .mark('import-summary-download')
        ui.button('See your contacts', icon='people', on_click=lambda: ui.navigate.to('/contacts')).props('flat')
        ui.button('Import another file', on_click=start_over).props('flat').mark('import-again')


def _download_summary(summary: ImportSummary) -> None:
    # With a byte-order mark, so Excel reads the names as UTF-8.
    data = summary_to_csv(summary).encode('utf-8-sig')
    ui.download.content(data, 'careernet-import-summary.csv', 'text/csv')
