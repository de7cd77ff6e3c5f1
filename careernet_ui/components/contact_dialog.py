"""The add/edit contact dialog, with validation messages under the fields."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, Role, Stage, ValidationError
from careernet_ui.domain.forms.contact import ContactForm
from careernet_ui.services.contacts import existing_match, save_contact

from .form_submit import FormFields, submit
from .touch import autofocus

ROLE_OPTIONS = {role.value: role.label for role in Role}
STAGE_OPTIONS = {stage.value: stage.label for stage in Stage}


def open_contact_dialog(ctx: AppContext, existing: Contact | None, on_saved: Callable[[Contact], None]) -> None:
    """Show the dialog; ``on_saved`` gets the stored contact once it is on disk."""
    form = ContactForm.from_contact(existing) if existing else ContactForm()
    fields = FormFields(form, 'contact', lambda: save())
    field = fields.add

    checked = False  # the second Save after a "same person?" warning adds them anyway

    def save() -> None:
        nonlocal checked
        if existing is None and not checked:
            try:
                match = existing_match(ctx.store, form.to_contact(None, ctx.today()))
            except ValidationError:
                match = None  # submit() below shows what to fix
            if match is not None:
                checked = True
                _warn_same_person(warning, *match)
                return
        stored = submit(lambda: save_contact(ctx.store, form, existing, ctx.today()), fields.inputs,
                        lambda c: f'Saved {c.name}.')
        if stored is not None:
            dialog.close()
            on_saved(stored)

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-2xl gap-2').mark('contact-dialog'):
        ui.label('Edit contact' if existing else 'Add a contact').classes('text-xl font-semibold')
        with ui.grid().classes('w-full grid-cols-1 sm:grid-cols-2 gap-x-4 gap-y-1'):
            field('name', ui.input('Name *').props(autofocus()))
            field('organisation', ui.input('Organisation'))
            field('role', ui.select(ROLE_OPTIONS, label='Role'))
            field('title', ui.input('Title'))
            field('stage', ui.select(STAGE_OPTIONS, label='Stage'))
            if existing:
                field('stage_note', ui.input('Why the stage changed (optional)'))
            field('emails', ui.input('E-mails', placeholder='name@example.com, …'))
            field('phones', ui.input('Phones'))
            field('tags', ui.input('Tags', placeholder='python, payments'))
            field('cadence_days', ui.input('Keep in touch every … days', placeholder='stage default'))
            field('consent_given_on', ui.input('OK to list as reference since', placeholder='YYYY-MM-DD'))
            field('consent_expires_on', ui.input('… until (optional)', placeholder='YYYY-MM-DD'))
        field('links', ui.textarea('Links (one per line)').props('autogrow').classes('w-full'))
        field('how_we_met', ui.textarea('How you know each other').props('autogrow').classes('w-full'))
        field('notes', ui.textarea('Notes').props('autogrow').classes('w-full'))
        warning = ui.column().classes('w-full gap-1').mark('contact-duplicate')
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('contact-cancel')
            ui.button('Save', icon='save', on_click=save).mark('contact-save')
    dialog.open()


def _warn_same_person(where: ui.column, match: Contact, matched_by: str) -> None:
    where.clear()
    with where:
        ui.label(f'You already have {match.name}{f" ({match.organisation})" if match.organisation else ""}: same '
                 f'{matched_by}. Open them to add what is new, or press Save again to add a second '
                 'person.').classes('text-warning').mark('contact-duplicate-warning')
        ui.link(f'Open {match.name}', f'/contacts/{match.id}').mark('contact-duplicate-open')
