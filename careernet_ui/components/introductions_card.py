"""Introductions: the doors an advocate opened and how far each got, and the ones behind an application."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Application, Contact, Introduction, wording
from careernet_ui.domain.introductions import OpenedDoor, Reached, doors_opened
from careernet_ui.services.introductions import delete_introduction, thank_for_introduction

from .feedback import attempt, confirm
from .introduction_dialog import open_introduction_dialog
from .record_changes import on_record_change, record_changed

Refresh = Callable[[], object]


def doors_opened_section(ctx: AppContext, contact: Contact) -> None:
    """A contact-page card: the opportunities this person opened, each with how far it got."""

    def changed() -> None:
        # Introductions and thanks are touches: the keep-in-touch card and the timeline follow
        # (and this card, through its own subscription).
        record_changed()

    @ui.refreshable
    def doors_card() -> None:
        network = ctx.store.network()
        doors = doors_opened(contact.id, network.introductions, network.applications)
        with ui.card().classes('w-full gap-2').mark('doors-card'):
            ui.label('Doors opened').classes('text-lg font-semibold')
            if not doors:
                ui.label(f'No introduction recorded. When {contact.name} introduces you to someone or to an '
                         'opportunity, record it here: CareerNet reminds you to thank them and shows what it '
                         'led to.').classes('text-grey-7').mark('doors-empty')
            for door in doors:
                _door(ctx, door, changed)
            ui.button('Record an introduction', icon='handshake',
                      on_click=lambda: open_introduction_dialog(ctx, None, lambda _: changed(),
                                                                advocate_id=contact.id, fixed_advocate=True)) \
                .props('outline no-caps').mark('record-introduction')

    doors_card()
    # An "introduction made" logged in the keep-in-touch card records an introduction too.
    on_record_change(doors_card.refresh)


def application_introductions(ctx: AppContext, application: Application, refresh: Refresh) -> None:
    """An application-page card: who introduced the user to it, and a button to record that."""
    introductions = [i for i in ctx.store.introductions if i.application_id == application.id]
    with ui.card().classes('w-full gap-2').mark('application-introductions'):
        ui.label('Introductions').classes('text-lg font-semibold')
        if not introductions:
            ui.label('Did someone open this door for you? Record it, so you remember to thank them and to '
                     'tell them how it went.').classes('text-grey-7 text-sm')
        for introduction in introductions:
            advocate = ctx.store.contacts.find(introduction.advocate_id)
            with ui.row().classes('w-full items-center gap-2'):
                if advocate:
                    ui.link(advocate.name, f'/contacts/{advocate.id}').mark('introduction-advocate')
                ui.label(f'introduced you to {introduction.to_whom} on {wording.day_label(introduction.on)}')
                ui.label(_thanked(introduction)).classes('text-sm text-grey-7')
        ui.button('Record an introduction', icon='handshake',
                  on_click=lambda: open_introduction_dialog(ctx, None, lambda _: refresh(),
                                                            advocate_id=application.introduced_by,
                                                            application_id=application.id)) \
            .props('outline no-caps').mark('record-introduction')


def _door(ctx: AppContext, door: OpenedDoor, refresh: Refresh) -> None:
    introduction = door.introduction
    stored = introduction.id in ctx.store.introductions
    with ui.column().classes('w-full gap-1 pb-2 border-b border-gray-200').mark('door'):
        with ui.row().classes('w-full items-center gap-2'):
            ui.label(f'Introduced you to {introduction.to_whom}').classes('font-medium').mark('door-title')
            ui.label(wording.day_label(introduction.on)).classes('text-sm text-grey-7')
        with ui.row().classes('items-center gap-1').mark('door-progress'):
            for step in Reached:
                reached = step <= door.reached
                ui.chip(step.label, icon='check' if reached else None,
                        color='positive' if reached else 'grey-4', text_color='white' if reached else 'grey-8') \
                    .props('dense square').mark('door-step-reached' if reached else 'door-step')
        if door.application is not None:
            application = door.application
            ui.link(f'{application.position} at {application.company} ({application.stage.label.lower()})',
                    f'/applications/{application.id}').mark('door-application')
        if introduction.outcome:
            ui.label(introduction.outcome).classes('text-sm whitespace-pre-wrap').mark('door-outcome')
        if not stored:
            ui.label('From the application\'s "introduced by"; record the introduction to track thanks.') \
                .classes('text-xs text-grey-7')
            return
        with ui.row().classes('items-center gap-2'):
            ui.label(_thanked(introduction)).classes('text-sm text-grey-7').mark('door-thanked')
            if introduction.thanked_on is None:
                ui.button('Mark thanked', icon='favorite', on_click=lambda: _thank(ctx, introduction, refresh)) \
                    .props('outline dense no-caps').mark('thank-introduction')
            ui.button(icon='edit',
                      on_click=lambda: open_introduction_dialog(ctx, introduction, lambda _: refresh())) \
                .props('flat round dense').tooltip('Edit').mark('edit-introduction')
            ui.button(icon='delete', on_click=lambda: confirm(
                f'Delete the introduction to {introduction.to_whom}?', 'Delete',
                lambda: _delete(ctx, introduction, refresh))) \
                .props('flat round dense color=negative').tooltip('Delete').mark('delete-introduction')


def _thanked(introduction: Introduction) -> str:
    if introduction.thanked_on is None:
        return 'Not thanked yet.'
    return f'Thanked on {wording.day_label(introduction.thanked_on)}.'


def _thank(ctx: AppContext, introduction: Introduction, refresh: Refresh) -> None:
    today = ctx.today()
    if attempt(lambda: thank_for_introduction(ctx.store, introduction.id, today, today),
               'Thank-you recorded.') is not None:
        refresh()


def _delete(ctx: AppContext, introduction: Introduction, refresh: Refresh) -> None:
    if attempt(lambda: delete_introduction(ctx.store, introduction.id), 'Introduction deleted.') is not None:
        refresh()

