"""One person: everything known about them, editable."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.components.badges import stage_badge
from careernet_ui.components.contact_accomplishments import feedback_section, witnessed_section
from careernet_ui.components.contact_activity import contact_activity
from careernet_ui.components.contact_dialog import open_contact_dialog
from careernet_ui.components.feedback import attempt, confirm
from careernet_ui.components.frame import frame, not_found
from careernet_ui.components.introductions_card import doors_opened_section
from careernet_ui.components.isolated_text import isolated_line
from careernet_ui.components.letters_card import letters_section
from careernet_ui.components.undo_toast import carry
from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, wording
from careernet_ui.domain.followups.keep_in_touch import effective_cadence
from careernet_ui.domain.links import is_web_address
from careernet_ui.services.contacts import delete_contact
from careernet_ui.services.undo import recorded

ContactSection = Callable[[AppContext, Contact], None]
"""Renders one card on a contact's page; features add theirs to ``SECTIONS``."""


def register(ctx: AppContext) -> None:
    """Register ``/contacts/{contact_id}``."""

    @ui.page('/contacts/{contact_id}')
    def contact_page(contact_id: str) -> None:
        contact = ctx.store.contacts.find(contact_id)
        if contact is None:
            not_found(ctx, 'contact', 'contact-missing', 'Back to contacts', '/contacts')
            return
        with frame(ctx, contact.name):
            _header(ctx, contact)
            with ui.row().classes('w-full gap-4 items-start'):
                with ui.column().classes('grow basis-0 min-w-[18rem] gap-4'):
                    _details(contact)
                    for section in MAIN_SECTIONS:
                        section(ctx, contact)
                with ui.column().classes('grow basis-0 min-w-[18rem] gap-4'):
                    _relationship(ctx, contact)
                    for section in SIDE_SECTIONS:
                        section(ctx, contact)


def _header(ctx: AppContext, contact: Contact) -> None:
    with ui.row().classes('w-full items-center gap-3'):
        stage_badge(contact.stage).mark('contact-stage-badge')
        ui.label(contact.role.label).classes('text-grey-8')
        if contact.title or contact.organisation:
            isolated_line((contact.title, contact.organisation)).classes('text-grey-8').mark('contact-subtitle')
        ui.space()
        ui.button('Edit', icon='edit',
                  on_click=lambda: open_contact_dialog(ctx, contact, lambda c: ui.navigate.to(f'/contacts/{c.id}'))) \
            .mark('edit-contact')
        ui.button('Delete', icon='delete', color='negative',
                  on_click=lambda: confirm(f'Delete {contact.name} and everything logged about them?', 'Delete',
                                           lambda: _delete(ctx, contact))) \
            .props('outline').mark('delete-contact')


def _details(contact: Contact) -> None:
    with ui.card().classes('w-full gap-2'):
        ui.label('Contact details').classes('text-lg font-semibold')
        for email in contact.emails:
            ui.link(email, f'mailto:{email}').mark('contact-email')
        for phone in contact.phones:
            ui.link(phone, f'tel:{phone}')
        for link in contact.links:
            if is_web_address(link):
                ui.link(link, link, new_tab=True).classes('break-all')
            else:
                ui.label(link).classes('break-all')
        if not (contact.emails or contact.phones or contact.links):
            ui.label('No e-mail, phone or link yet.').classes('text-grey-7')
        if contact.tags:
            with ui.row().classes('gap-1'):
                for tag in contact.tags:
                    ui.chip(tag).props('dense outline')
        if contact.connected_on:
            ui.label(f'Connected on {wording.day_label(contact.connected_on)}').classes('text-sm text-grey-7')
    for title, text in (('How you know each other', contact.how_we_met), ('Notes', contact.notes)):
        if text:
            with ui.card().classes('w-full gap-1'):
                ui.label(title).classes('text-lg font-semibold')
                ui.label(text).classes('whitespace-pre-wrap').mark(f'contact-{title.split()[0].lower()}')


def _relationship(ctx: AppContext, contact: Contact) -> None:
    today = ctx.today()
    settings = ctx.store.settings
    with ui.card().classes('w-full gap-2'):
        ui.label('Relationship').classes('text-lg font-semibold')
        cadence = effective_cadence(contact, settings)
        origin = 'set for this person' if contact.cadence_days else f'default for {contact.stage.label.lower()}s'
        ui.label(f'Keep in touch every {cadence} days ({origin})' if cadence else 'No keep-in-touch reminder') \
            .mark('contact-cadence')
        if contact.consent is None:
            ui.label('Has not agreed to be listed as a reference yet.').mark('contact-consent')
        else:
            until = f' until {wording.day_label(contact.consent.expires_on)}' if contact.consent.expires_on else ''
            state = 'valid' if contact.consent.valid_on(today) else 'expired'
            since = wording.day_label(contact.consent.given_on)
            ui.label(f'OK to list as a reference since {since}{until} ({state}).') \
                .mark('contact-consent')
    with ui.card().classes('w-full gap-1'):
        ui.label('Stage history').classes('text-lg font-semibold')
        for change in reversed(contact.stage_history):
            moved = f'{change.from_stage.label} → ' if change.from_stage else 'Added as '
            note = f' — {change.note}' if change.note else ''
            ui.label(f'{wording.day_label(change.on)}: {moved}{change.to_stage.label}{note}').classes('text-sm')


def _delete(ctx: AppContext, contact: Contact) -> None:
    done = attempt(lambda: recorded(ctx.store, lambda: delete_contact(ctx.store, contact.id)))
    if done is not None:  # to the list, with "Undo" there: it brings them back, and back to their page
        carry(f'Deleted {contact.name}.', done[1], '/contacts', f'/contacts/{contact.id}')


# Cards under the details (left) and under the relationship card (right), in order.
MAIN_SECTIONS: list[ContactSection] = [feedback_section, doors_opened_section, letters_section]
SIDE_SECTIONS: list[ContactSection] = [contact_activity, witnessed_section]
