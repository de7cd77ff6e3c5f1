"""The dashboard: where the network stands, at a glance."""

from __future__ import annotations

from collections import Counter

from nicegui import ui

from careernet_ui.components.badges import stage_badge
from careernet_ui.components.contact_dialog import open_contact_dialog
from careernet_ui.components.frame import frame
from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, Role, Stage


def register(ctx: AppContext) -> None:
    """Register ``/``."""

    @ui.page('/')
    def dashboard_page() -> None:
        contacts = ctx.store.contacts.all()
        with frame(ctx, 'Dashboard'):
            with ui.row().classes('w-full items-center'):
                ui.label(f'{len(contacts):,} people in your network').classes('text-lg').mark('network-size')
                ui.space()
                ui.button('Add contact', icon='person_add',
                          on_click=lambda: open_contact_dialog(ctx, None, _open_contact)) \
                    .mark('add-contact')
            if not contacts:
                with ui.card().classes('w-full p-6 gap-2').mark('dashboard-empty'):
                    ui.label('Welcome to CareerNet').classes('text-xl font-semibold')
                    ui.label(
                        'References confirm what you did; advocates speak up for you when you are not in the room. '
                        'Add the people who know your work, log how you keep in touch, and CareerNet reminds you '
                        'when to follow up.'
                    )
                return
            stages = Counter(contact.stage for contact in contacts)
            with ui.row().classes('w-full gap-4').mark('stage-counts'):
                for stage in Stage:
                    with ui.card().classes('grow items-center gap-1'):
                        ui.label(f'{stages[stage]:,}').classes('text-3xl font-semibold').mark(f'count-{stage.value}')
                        stage_badge(stage)
            roles = Counter(contact.role for contact in contacts)
            with ui.card().classes('w-full gap-1'):
                ui.label('By role').classes('text-lg font-semibold')
                with ui.row().classes('gap-4').mark('role-counts'):
                    for role in Role:
                        ui.label(f'{role.label}: {roles[role]:,}')
            recent = sorted(contacts, key=lambda c: (c.updated_at, c.id), reverse=True)[:8]
            with ui.card().classes('w-full gap-1').mark('recent-contacts'):
                ui.label('Recently added or edited').classes('text-lg font-semibold')
                for contact in recent:
                    with ui.row().classes('items-center gap-2'):
                        ui.link(contact.name, f'/contacts/{contact.id}')
                        stage_badge(contact.stage)
                        ui.label(f'{contact.updated_at:%d %b %Y}').classes('text-sm text-grey-7')


def _open_contact(contact: Contact) -> None:
    ui.navigate.to(f'/contacts/{contact.id}')
