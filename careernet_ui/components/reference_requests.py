"""The references of one application: add people, see each request's dated steps, record the next one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Application, ReferenceRequest, RequestStatus, wording
from careernet_ui.domain.contact_choice import choice_label
from careernet_ui.domain.followups.consent import consent_warning
from careernet_ui.domain.forms.fields import parse_date
from careernet_ui.domain.references import LISTED, check_reference, next_steps
from careernet_ui.services.applications import add_reference, advance_request, remove_request

from .application_badges import request_status_badge
from .contact_select import contact_select
from .feedback import attempt, confirm
from .touch import autofocus
from .undo_toast import act_undoably

Refresh = Callable[[], object]

STEP_BUTTONS = {
    RequestStatus.AGREED: ('Agreed', 'thumb_up'),
    RequestStatus.DECLINED: ('Declined', 'thumb_down'),
    RequestStatus.BRIEFED: ('Brief sent', 'outgoing_mail'),
    RequestStatus.EMPLOYER_CONTACTED: ('Employer contacted', 'phone_in_talk'),
    RequestStatus.THANKED: ('Mark thanked', 'favorite'),
    RequestStatus.OUTCOME_SHARED: ('Outcome shared', 'campaign'),
}
"""How each next step reads on its button; only the steps ``next_steps`` allows get one.

A button names an action: "Mark thanked", as on introductions, since a bare "Thanked" reads as a status."""


def references_card(ctx: AppContext, application: Application, refresh: Refresh) -> None:
    """The card listing the application's reference requests, with the form to add one."""
    requests = [r for r in ctx.store.reference_requests if r.application_id == application.id]
    with ui.card().classes('w-full gap-3').mark('references-card'):
        ui.label('References').classes('text-lg font-semibold')
        if not requests:
            ui.label('No reference yet. Add the people who will vouch for you; CareerNet then reminds you to '
                     'brief them, thank them and tell them how it went.').classes('text-grey-7') \
                .mark('references-empty')
        for request in requests:
            _request_block(ctx, request, application, refresh)
        ui.separator()
        _add_reference(ctx, application, refresh)


def _request_block(ctx: AppContext, request: ReferenceRequest, application: Application, refresh: Refresh) -> None:
    contact = ctx.store.contacts.find(request.contact_id)
    name = contact.name if contact else 'A deleted contact'
    with ui.column().classes('w-full gap-1 pb-2 border-b border-gray-200').mark(f'request-{request.id}') as block:
        # A named group, so assistive technology (and browser tests) can tell one reference's buttons from another's.
        block.props['role'] = 'group'
        block.props['aria-label'] = f'Reference: {name}'
        with ui.row().classes('w-full items-center gap-2'):
            if contact:
                ui.link(name, f'/contacts/{contact.id}').classes('font-medium').mark('request-name')
            else:
                ui.label(name).classes('font-medium').mark('request-name')
            request_status_badge(request.status).mark(f'request-status-{request.id}')
            ui.space()
            ui.link('Brief', f'/applications/{request.application_id}/brief/{request.id}') \
                .mark(f'brief-link-{request.id}')
            ui.button(icon='close', on_click=lambda: confirm(
                f'Take {name} off this application? What their steps logged stays in their history.', 'Remove',
                lambda: _remove(ctx, request, refresh))) \
                .props('flat round dense aria-label="Remove this reference"').tooltip('Remove this reference') \
                .mark(f'remove-request-{request.id}')
        warning = consent_warning(contact, ctx.today()) if contact and request.status in LISTED \
            and not application.is_closed else None
        if warning is not None:
            ui.label(f'{warning}: ask again before the employer calls.').classes('text-sm text-negative') \
                .mark(f'request-consent-{request.id}')
        for step in request.history:
            note = f' — {step.note}' if step.note else ''
            ui.label(f'{wording.day_label(step.on)}: {step.status.label}{note}').classes('text-sm text-grey-8') \
                .mark(f'request-step-{request.id}')
        with ui.row().classes('gap-2'):
            for status in next_steps(request, application):
                text, icon = STEP_BUTTONS[status]
                ui.button(text, icon=icon, on_click=lambda s=status: open_step_dialog(ctx, request, s, name, refresh)) \
                    .props('outline dense no-caps').mark(f'step-{status.value}', f'step-{status.value}-{request.id}')


def open_step_dialog(ctx: AppContext, request: ReferenceRequest, status: RequestStatus, name: str,
                     refresh: Refresh) -> None:
    """Ask when the step happened (today unless changed) and for an optional note, then record it."""
    def save() -> None:
        day = attempt(lambda: parse_date(when.value, 'on', 'Date', required=True))
        if day is None:
            return
        stored = attempt(lambda: advance_request(ctx.store, request.id, status, day, ctx.today(), note.value or ''),
                         f'{name}: {status.label.lower()}.')
        if stored is not None:
            dialog.close()
            refresh()

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-md gap-2').mark('step-dialog'):
        ui.label(f'{name}: {status.label.lower()}').classes('text-lg font-semibold')
        when = ui.input('On', value=ctx.today().isoformat(), placeholder='YYYY-MM-DD').mark('step-on')
        note = ui.input('Note (optional)').props(autofocus()).classes('w-full').mark('step-note')
        for element in (when, note):
            element.on('keydown.enter', save)
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat')
            ui.button('Save', icon='check', on_click=save).mark('step-save')
    dialog.open()


def _add_reference(ctx: AppContext, application: Application, refresh: Refresh) -> None:
    def check(contact_id: str | None) -> None:
        check_area.clear()
        contact = ctx.store.contacts.find(contact_id) if contact_id else None
        if contact is None:
            return
        network = ctx.store.network()
        result = check_reference(contact, network.contacts, network.reference_requests, ctx.today(),
                                 application_id=application.id)
        with check_area:
            for warning in result.warnings:
                with ui.row().classes('items-center gap-1 no-wrap'):
                    ui.icon('warning', color='warning')
                    ui.label(warning).classes('text-sm').mark('reference-warning')
            if result.suggestion is not None:
                suggestion = result.suggestion
                ui.button(f'Use {suggestion.name} instead', icon='swap_horiz',
                          on_click=lambda: picker.set_options({suggestion.id: choice_label(suggestion)},
                                                              value=suggestion.id)) \
                    .props('flat dense no-caps').mark('use-suggestion')

    def add() -> None:
        if not picker.value:
            ui.notify('Choose the person you asked.', type='negative')
            return
        day = attempt(lambda: parse_date(asked.value, 'on', 'Asked on', required=True))
        if day is not None and attempt(lambda: _add(ctx, application, str(picker.value), day),
                                       'Reference added.') is not None:
            refresh()

    ui.label('Add a reference').classes('font-medium')
    with ui.row().classes('w-full items-start gap-2 sm:flex-nowrap'):
        picker = contact_select(ctx, 'Who did you ask?', on_change=check).classes('grow basis-full sm:basis-0') \
            .mark('reference-contact')
        asked = ui.input('Asked on', value=ctx.today().isoformat(), placeholder='YYYY-MM-DD') \
            .classes('grow sm:grow-0 sm:w-32') \
            .mark('reference-asked-on')
        ui.button('Add reference', icon='person_add', on_click=add).classes('mt-2').mark('add-reference')
    check_area = ui.column().classes('w-full gap-1').mark('reference-check')


def _add(ctx: AppContext, application: Application, contact_id: str, day: date) -> ReferenceRequest:
    return add_reference(ctx.store, application.id, contact_id, day, ctx.today())


def _remove(ctx: AppContext, request: ReferenceRequest, refresh: Refresh) -> None:
    act_undoably(ctx.store, lambda: remove_request(ctx.store, request.id), 'Reference removed.', refresh)
