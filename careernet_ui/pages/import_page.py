"""``/import``: bring a network in (LinkedIn, vCard, CSV) and take it out (backup, CSV, vCard)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import HTTPException
from fastapi.responses import Response
from nicegui import app, run, ui

from careernet_ui.components.backup_panel import BACKUP_URL, CONTACTS_CSV_URL, CONTACTS_VCARD_URL, backup_panel
from careernet_ui.components.frame import frame
from careernet_ui.components.history_panel import history_panel
from careernet_ui.components.import_panel import import_panel
from careernet_ui.context import AppContext
from careernet_ui.importers import contacts_to_csv, contacts_to_vcard
from careernet_ui.services.backup import backup_bytes, snapshot


def register(ctx: AppContext) -> None:
    """Register ``/import`` and the download routes it links to."""

    # A long import keeps the event loop busy; should the browser miss a heartbeat meanwhile, keep its
    # page (and the running import's progress) for 30 s instead of 3, so it reconnects to the same page.
    @ui.page('/import', reconnect_timeout=30)
    def import_page() -> None:
        after_import: list[Callable[[], object]] = []  # the backup card's "this file is empty" goes stale
        with frame(ctx, 'Import & export'):
            import_panel(ctx, on_stored=lambda: [refresh() for refresh in after_import])
            history_panel(ctx, on_stored=lambda: [refresh() for refresh in after_import])
            after_import.append(backup_panel(ctx))

    # Encoding runs in a worker thread on a snapshot taken here, on the event loop: the records are
    # immutable, and the store itself is never touched from another thread.
    @app.get(BACKUP_URL)
    async def backup_download() -> Response:
        snap = snapshot(ctx.store)
        return await _download(lambda: backup_bytes(snap), f'careernet-backup-{ctx.today().isoformat()}.json',
                               'application/json')

    @app.get(CONTACTS_CSV_URL)
    async def contacts_csv_download() -> Response:
        contacts = ctx.store.contacts.all()
        # With a byte-order mark, so Excel reads the names as UTF-8; CareerNet's importer accepts it.
        return await _download(lambda: contacts_to_csv(contacts).encode('utf-8-sig'), 'careernet-contacts.csv',
                               'text/csv; charset=utf-8')

    @app.get(CONTACTS_VCARD_URL)
    async def contacts_vcard_download() -> Response:
        contacts = ctx.store.contacts.all()
        return await _download(lambda: contacts_to_vcard(contacts).encode('utf-8'), 'careernet-contacts.vcf',
                               'text/vcard; charset=utf-8')


async def _download(render: Callable[[], bytes], filename: str, media_type: str) -> Response:
    data = await run.io_bound(render)
    if data is None:  # the app is shutting down
        raise HTTPException(status_code=503, detail='CareerNet is shutting down.')
    return Response(
        content=data,
        media_type=media_type,
        headers={'Content-Disposition': f'attachment; filename="{filename}"', 'Cache-Control': 'no-store'},
    )
