"""The "Backup & export" card: download a full backup or the contacts, restore or merge a backup.

Downloads are plain HTTP routes (``EXPORT_URLS``), not websocket messages, because a full backup
of a large network is tens of megabytes. A backup to restore is validated in full, in a worker
thread, before the user is asked to confirm; only then is anything written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from nicegui import events, run, ui

from careernet_ui.context import AppContext
from careernet_ui.domain import CareerNetError
from careernet_ui.services.backup import (
    MAX_BACKUP_BYTES,
    Backup,
    read_backup,
    record_count,
    record_types,
    restore_in_batches,
)

log = logging.getLogger(__name__)

BACKUP_URL = '/export/careernet-backup.json'
CONTACTS_CSV_URL = '/export/contacts.csv'
CONTACTS_VCARD_URL = '/export/contacts.vcf'


def backup_panel(ctx: AppContext) -> Callable[[], object]:
    """The backup and export card; returns what to call when the records change (an import ran)."""
    with ui.card().classes('w-full gap-3').mark('backup-card'):
        ui.label('Backup & export').classes('text-lg font-semibold')
        ui.label(
            'A full backup is one JSON file with every record and your settings. Keep one somewhere safe; '
            'restore it here or with "python app.py restore BACKUP".'
        ).classes('text-sm')
        with ui.row().classes('gap-2'):
            ui.button('Download full backup (JSON)', icon='backup',
                      on_click=lambda: ui.download.from_url(BACKUP_URL)).mark('download-backup')
            ui.button('Contacts as CSV', icon='table_view',
                      on_click=lambda: ui.download.from_url(CONTACTS_CSV_URL)).props('outline') \
                .mark('download-contacts-csv')
            ui.button('Contacts as vCard', icon='contact_page',
                      on_click=lambda: ui.download.from_url(CONTACTS_VCARD_URL)).props('outline') \
                .mark('download-contacts-vcard')
        ui.separator()
        ui.label('Restore from a backup').classes('font-medium')

        @ui.refreshable
        def restore_section() -> None:
            records = record_count(ctx.store)
            if records:
                ui.label(
                    f'This data file already holds {records:,} records, so a backup is merged into it: the records '
                    'it is missing are added, and nothing you have is changed.'
                ).classes('text-sm').mark('restore-mode')
            else:
                ui.label(
                    'This data file is empty: restoring brings back everything in the backup, settings included.'
                ).classes('text-sm').mark('restore-mode')
            ui.upload(
                label='Drop a backup file (.json) here, or click + to choose one',
                auto_upload=True,
                max_file_size=MAX_BACKUP_BYTES,
                on_upload=received,
                on_rejected=lambda: ui.notify('That file is too large to be a CareerNet backup. Nothing was restored.',
                                              type='negative'),
            ).props('flat bordered accept=".json,application/json"').classes('w-full').mark('restore-upload')

        async def received(event: events.UploadEventArguments) -> None:
            backup = await _validated(ctx, event)
            if backup is not None:
                _ask(ctx, backup, event.file.name, restore_section.refresh)

        restore_section()
    return restore_section.refresh


async def _validated(ctx: AppContext, event: events.UploadEventArguments) -> Backup | None:
    """The uploaded backup, parsed and validated in a worker thread; None (and a message) when it is not one."""
    try:
        if event.file.size() > MAX_BACKUP_BYTES:
            raise CareerNetError('That file is too large to be a CareerNet backup. Nothing was restored.')
        data = await event.file.read()
        return await run.io_bound(read_backup, data, record_types(ctx.store))
    except CareerNetError as error:
        ui.notify(str(error), type='negative', multi_line=True)
    except Exception:  # A broken upload must end in a sentence, not a traceback.
        log.exception('Reading a backup failed')
        ui.notify(f'{event.file.name} could not be read as a backup. Nothing was restored.', type='negative')
    return None


def _ask(ctx: AppContext, backup: Backup, name: str, refresh: Callable[[], object]) -> None:
    """Confirm before writing: restore into an empty file, or merge into one with records."""
    merge = record_count(ctx.store) > 0
    if merge:
        question = (f'Merge {name} ({backup.records:,} records) into your data? Records you do not have yet are '
                    'added; nothing you have is changed.')
    else:
        question = f'Restore {name}: {backup.records:,} records and the settings?'

    async def confirmed() -> None:
        dialog.close()
        try:
            summary = await restore_in_batches(ctx.store, backup, merge=merge)
        except CareerNetError as error:
            ui.notify(str(error), type='negative', multi_line=True)
            return
        except OSError as error:
            log.exception('Restoring a backup failed')
            ui.notify(f'Could not write the data file: {error.strerror or error}. Records written before stay; '
                      'merge the backup again to add the rest.', type='negative', multi_line=True)
            return
        ui.notify(summary.describe(), type='positive', multi_line=True)
        refresh()

    with ui.dialog() as dialog, ui.card().classes('gap-4'):
        ui.label(question).classes('text-base').mark('restore-question')
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('restore-cancel')
            ui.button('Merge' if merge else 'Restore', color='primary', on_click=confirmed).mark('restore-ok')
    dialog.open()
