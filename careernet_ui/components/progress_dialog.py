"""A progress update to one advocate: drafted from what is news to them, to copy or e-mail, then mark sent."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import wording
from careernet_ui.domain.followups.progress_update import PERSONAL_LINE, draft_progress_update
from careernet_ui.domain.updates import sign_off
from careernet_ui.services.goals import news_for, record_progress_update

from .feedback import attempt
from .form_errors import discard_on_close
from .mail_link import mail_link
from .share_dialog import copy_draft


def open_progress_dialog(ctx: AppContext, contact_id: str, on_changed: Callable[[], object]) -> None:
    """Show ``contact_id``'s progress update; ``on_changed`` runs once it is marked sent."""
    contact = ctx.store.contacts.find(contact_id)
    if contact is None:
        ui.notify('That person is no longer among your contacts (deleted in another tab?).', type='negative')
        return
    today = ctx.today()
    news = news_for(ctx.store, contact_id, today)
    settings = ctx.store.settings
    signed = sign_off(settings.own_name, settings.signature)

    def sent() -> None:
        if attempt(lambda: record_progress_update(ctx.store, contact_id, today, today),
                   f'Recorded: progress update sent to {contact.name}.') is not None:
            dialog.close()
            on_changed()

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-3xl gap-3').mark('progress-dialog'):
        ui.label(f'Progress update for {contact.name}').classes('text-xl font-semibold')
        last = news.last_update
        ui.label(f'Since their last update ({wording.day_label(last.on)}).' if last is not None
                 else 'They have not had an update from you yet: this carries everything not shared with them.') \
            .classes('text-grey-8').mark('progress-since')
        if news.empty:
            ui.label('Nothing new since: log an accomplishment or set a goal first.').classes('text-grey-7') \
                .mark('progress-nothing')
        personal = ui.textarea('Personal line', value=PERSONAL_LINE).props('autogrow').classes('w-full') \
            .mark('progress-personal')
        draft = draft_progress_update(news, PERSONAL_LINE, signed)
        preview = ui.label(draft.text).classes('whitespace-pre-wrap text-sm bg-grey-2 p-2 rounded w-full') \
            .mark('progress-preview')
        with ui.row().classes('w-full items-center gap-3'):
            ui.button('Copy', icon='content_copy',
                      on_click=lambda: copy_draft(draft_progress_update(news, personal.value or '', signed))) \
                .props('outline dense').mark('progress-copy')
            ui.label(contact.primary_email or 'no e-mail on file').classes('text-sm text-grey-7')
            mailto = mail_link(contact, draft.mailto, 'progress-mailto')
            ui.space()
            ui.button('Close', on_click=dialog.close).props('flat').mark('progress-close')
            ui.button('Mark as sent', icon='send', on_click=sent).props('dense').mark('progress-sent')

    def redraft() -> None:
        updated = draft_progress_update(news, personal.value or '', signed)
        preview.set_text(updated.text)
        mailto.props['href'] = updated.mailto
        mailto.update()

    personal.on_value_change(lambda _: redraft())
    discard_on_close(dialog).open()
