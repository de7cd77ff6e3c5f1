"""Recommendation letters: a contact-page card of the letters asked of someone, and the dialog to ask for one."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, wording
from careernet_ui.domain.letters import LetterForm, RecommendationLetter, letter_order
from careernet_ui.domain.links import is_web_address
from careernet_ui.services.letters import delete_letter, mark_received, mark_thanked, save_letter

from .feedback import attempt, confirm
from .form_errors import discard_on_close
from .form_submit import FormFields, submit
from .record_changes import on_record_change, record_changed
from .touch import autofocus

Refresh = Callable[[], object]


def letters_section(ctx: AppContext, contact: Contact) -> None:
    """The card: each letter asked of ``contact``, where it stands, and where it lives."""

    @ui.refreshable
    def letters_card() -> None:
        letters = sorted((letter for letter in ctx.store.letters if letter.contact_id == contact.id),
                         key=letter_order, reverse=True)
        with ui.card().classes('w-full gap-2').mark('letters-card'):
            ui.label('Recommendation letters').classes('text-lg font-semibold')
            if not letters:
                ui.label(f'No letter asked of {contact.name}. When you ask them for a written recommendation, '
                         'record it here: CareerNet nudges you if it has not come in two weeks, and reminds you '
                         'to thank them when it does.').classes('text-grey-7').mark('letters-empty')
            for letter in letters:
                _letter(ctx, letter)
            ui.button('Ask for a letter', icon='history_edu',
                      on_click=lambda: open_letter_dialog(ctx, contact, None)).props('outline no-caps') \
                .mark('add-letter')

    letters_card()
    # Letters are touches: the keep-in-touch card and the timeline follow (and this card through its subscription).
    on_record_change(letters_card.refresh)


def _letter(ctx: AppContext, letter: RecommendationLetter) -> None:
    with ui.column().classes('w-full gap-1 pb-2 border-b border-gray-200').mark('letter'):
        ui.label(f'For {letter.purpose}').classes('font-medium').props('dir=auto').mark('letter-purpose')
        if letter.application_id and letter.application_id in ctx.store.applications:
            ui.link('Open the application', f'/applications/{letter.application_id}').classes('text-sm')
        ui.label(_state(letter)).classes('text-sm text-grey-8').mark('letter-state')
        if letter.location:
            if is_web_address(letter.location):
                ui.link(letter.location, letter.location, new_tab=True).props('rel="noopener noreferrer"') \
                    .classes('text-sm break-all').mark('letter-link')
            else:
                ui.label(f'File: {letter.location}').classes('text-sm break-all').mark('letter-file')
        with ui.row().classes('items-center gap-2'):
            if letter.received_on is None:
                ui.button('Received', icon='mark_email_read', on_click=lambda: _step(
                    ctx, lambda today: mark_received(ctx.store, letter.id, today, today), 'Letter received.')) \
                    .props('outline dense no-caps').mark('letter-received')
            elif letter.thanked_on is None:
                ui.button('Mark thanked', icon='favorite', on_click=lambda: _step(
                    ctx, lambda today: mark_thanked(ctx.store, letter.id, today, today), 'Thank-you recorded.')) \
                    .props('outline dense no-caps').mark('letter-thanked')
            ui.button(icon='edit', on_click=lambda: open_letter_dialog(ctx, None, letter)) \
                .props('flat round dense').tooltip('Edit').mark('edit-letter')
            ui.button(icon='delete', on_click=lambda: confirm(
                f'Delete the letter request for {letter.purpose}?', 'Delete',
                lambda: _step(ctx, lambda _: delete_letter(ctx.store, letter.id), 'Letter request deleted.'))) \
                .props('flat round dense color=negative').tooltip('Delete').mark('delete-letter')


def _state(letter: RecommendationLetter) -> str:
    asked = f'Asked {wording.day_label(letter.asked_on)}'
    if letter.received_on is None:
        return f'{asked}; not received yet.'
    came = f'{asked}; received {wording.day_label(letter.received_on)}'
    if letter.thanked_on is None:
        return f'{came}; not thanked yet.'
    return f'{came}; thanked {wording.day_label(letter.thanked_on)}.'


def _step(ctx: AppContext, action: Callable[..., object], success: str) -> None:
    if attempt(lambda: action(ctx.today()), success) is not None:
        record_changed()


def open_letter_dialog(ctx: AppContext, contact: Contact | None, existing: RecommendationLetter | None) -> None:
    """Ask ``contact`` for a letter, or edit ``existing``."""
    contact_id = existing.contact_id if existing else contact.id if contact else ''
    form = LetterForm.from_letter(existing) if existing else LetterForm(asked_on=ctx.today().isoformat())
    fields = FormFields(form, 'letter', lambda: save())
    field = fields.add
    applications = {a.id: f'{a.position} at {a.company}'
                    for a in sorted(ctx.store.applications, key=lambda a: (a.company.casefold(), a.id))}
    client = ui.context.client

    def save() -> None:
        stored = submit(lambda: save_letter(ctx.store, contact_id, form, existing.id if existing else None,
                                            ctx.today(), base=existing),
                        fields.inputs, lambda letter: f'Saved the letter request for {letter.purpose}.')
        if stored is not None:
            dialog.close()
            record_changed(client)

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-xl gap-2').mark('letter-dialog'):
        ui.label('Edit the letter request' if existing else 'Ask for a recommendation letter') \
            .classes('text-xl font-semibold')
        field('purpose', ui.input('For what', placeholder='an MSc application, a visa, a role')
              .props(autofocus()).classes('w-full'))
        field('application_id', ui.select(applications, label='Or the application it is for (optional)',
                                          clearable=True).classes('w-full'))
        with ui.row().classes('w-full gap-x-4 sm:flex-nowrap'):
            field('asked_on', ui.input('Asked on', placeholder='YYYY-MM-DD').classes('grow'))
            field('received_on', ui.input('Received on', placeholder='not yet').classes('grow'))
        field('location', ui.input('Where it lives', placeholder='https://… or letter-acme.pdf').classes('w-full'))
        ui.label('A web link (https://…) or a file name.').classes('text-xs text-grey-7')
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('letter-cancel')
            ui.button('Save', icon='save', on_click=save).mark('letter-save')
    discard_on_close(dialog).open()
