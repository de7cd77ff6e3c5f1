""""Share with advocates": a short update per advocate, to copy or open in e-mail, then mark as sent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Accomplishment, Contact, ValidationError, wording
from careernet_ui.domain.forms.fields import parse_date
from careernet_ui.domain.updates import UpdateDraft, draft_update, personal_line, sign_off, update_recipients
from careernet_ui.services.accomplishments import record_share

from .badges import Badge
from .feedback import attempt
from .form_errors import discard_on_close
from .mail_link import mail_link
from .people_picker import people_picker

SHOWN_AT_ONCE = 10


@dataclass(kw_only=True, slots=True)
class _Choices:
    include_references: bool = False
    shown: int = SHOWN_AT_ONCE
    other_contact: str | None = None
    other_on: str = ''


def open_share_dialog(ctx: AppContext, accomplishment_id: str, on_changed: Callable[[], object]) -> None:
    """Show the drafts for ``accomplishment_id``; ``on_changed`` runs when the dialog closes, if a share was recorded.

    (Not at once: the caller refreshes the list, and the dialog may live inside it.)
    """
    accomplishment = ctx.store.accomplishments.find(accomplishment_id)
    if accomplishment is None:
        ui.notify('That accomplishment no longer exists (deleted in another tab?).', type='negative')
        return
    choices = _Choices(other_on=ctx.today().isoformat())
    recorded: list[str] = []

    def shared(contact_id: str, on: date) -> None:
        if attempt(lambda: record_share(ctx.store, accomplishment_id, contact_id, on, ctx.today()),
                   lambda a: f'Recorded: "{a.title}" shared with {ctx.store.contacts.get(contact_id).name}.'):
            recorded.append(contact_id)
            drafts.refresh()

    def record_other() -> None:
        try:
            on = parse_date(choices.other_on, 'on', 'Shared on', required=True)
        except ValidationError as error:
            ui.notify(str(error), type='negative')
            return
        if not choices.other_contact or on is None:
            ui.notify('Choose who you shared it with.', type='negative')
            return
        shared(choices.other_contact, on)

    def show(**changes: object) -> None:
        for name, value in changes.items():
            setattr(choices, name, value)
        drafts.refresh()

    @ui.refreshable
    def drafts() -> None:
        current = ctx.store.accomplishments.find(accomplishment_id)
        if current is None:
            ui.label('This accomplishment was deleted.').classes('text-negative')
            return
        people = update_recipients(ctx.store.contacts.all(), current, include_references=choices.include_references)
        if not people:
            ui.label('No advocates yet. Advocates are the people who speak up for you; when someone is one, '
                     'set their stage to Advocate on their page. Meanwhile, record a share with anyone below.') \
                .classes('text-grey-7').mark('share-no-advocates')
        settings = ctx.store.settings
        signed = sign_off(settings.own_name, settings.signature)
        for contact in people[:choices.shown]:
            _draft_card(current, contact, lambda contact_id: shared(contact_id, ctx.today()), signed)
        if len(people) > choices.shown:
            ui.button(f'Show {min(SHOWN_AT_ONCE, len(people) - choices.shown)} more of {len(people)}',
                      on_click=lambda: show(shown=choices.shown + SHOWN_AT_ONCE)).props('flat').mark('share-more')

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-4xl gap-3').mark('share-dialog'):
        ui.label(f'Share "{accomplishment.title}" with your advocates').classes('text-xl font-semibold')
        ui.label('Advocates can only champion results they know about. Each draft uses your own words; make the '
                 'personal line yours, copy it or open it in your e-mail, and mark it as sent once it is.') \
            .classes('text-grey-8')
        ui.checkbox('Include references too', value=False,
                    on_change=lambda e: show(include_references=e.value)).mark('share-include-references')
        with ui.column().classes('w-full gap-3 max-h-[60vh] overflow-auto'):
            drafts()
        with ui.row().classes('w-full items-end gap-3'):
            people_picker(ctx.store.contacts.all, ctx.store.contacts.find, label='Told someone else? Who',
                           value=None, multiple=False,
                           on_change=lambda chosen: setattr(choices, 'other_contact', chosen)) \
                .classes('grow').mark('share-other-contact')
            ui.input('On', placeholder='YYYY-MM-DD').bind_value(choices, 'other_on').classes('w-36') \
                .mark('share-other-on').on('keydown.enter', record_other)
            ui.button('Record share', icon='done', on_click=record_other).props('outline').mark('share-record')
        with ui.row().classes('w-full justify-end'):
            ui.button('Close', on_click=dialog.close).mark('share-close')
    dialog.on_value_change(lambda e: on_changed() if not e.value and recorded else None)
    discard_on_close(dialog).open()


def _draft_card(accomplishment: Accomplishment, contact: Contact, mark_sent: Callable[[str], None],
                signed: str) -> None:
    line = personal_line(accomplishment, contact)
    draft = draft_update(accomplishment, contact, line, signed)
    with ui.card().classes('w-full gap-2').props('flat bordered').mark('share-draft'):
        with ui.row().classes('w-full items-center gap-2'):
            ui.label(contact.name).classes('font-semibold').mark('share-name')
            if contact.id in accomplishment.witness_ids:
                Badge('saw this work', 'teal')
            ui.label(contact.primary_email or 'no e-mail on file').classes('text-sm text-grey-7')
            ui.space()
            for share in accomplishment.shared:
                if share.contact_id == contact.id:
                    ui.label(f'Shared {wording.day_label(share.on)}').classes('text-sm text-positive') \
                        .mark('share-done')
        personal = ui.textarea('Personal line', value=line).props('autogrow').classes('w-full') \
            .mark('share-personal')
        preview = ui.label(draft.text).classes('whitespace-pre-wrap text-sm bg-grey-2 p-2 rounded w-full') \
            .mark('share-preview')
        with ui.row().classes('items-center gap-3'):
            ui.button('Copy', icon='content_copy', on_click=lambda: copy_draft(draft_update(
                accomplishment, contact, personal.value or '', signed))).props('outline dense').mark('share-copy')
            mailto = mail_link(contact, draft.mailto, 'share-mailto')
            ui.button('Mark as sent', icon='send', on_click=lambda: mark_sent(contact.id)) \
                .props('dense').mark('share-sent')

    def redraft() -> None:
        updated = draft_update(accomplishment, contact, personal.value or '', signed)
        preview.set_text(updated.text)
        mailto.props['href'] = updated.mailto
        mailto.update()

    personal.on_value_change(lambda _: redraft())


def copy_draft(draft: UpdateDraft) -> None:
    """Put the draft (subject and body) on the clipboard, and say so."""
    ui.clipboard.write(draft.text)
    ui.notify('Copied the update to the clipboard.', type='positive')
