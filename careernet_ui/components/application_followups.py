"""What is due for one application (brief, thank, share the outcome), each with the button that does it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Application, RequestStatus, wording
from careernet_ui.domain.followups.of_application import ApplicationFollowUp, followups_of
from careernet_ui.domain.followups.reference_help import BRIEF_REFERENCE
from careernet_ui.domain.references import next_steps
from careernet_ui.services.applications import share_outcome_with_advocate, tell_about_application
from careernet_ui.services.introductions import thank_for_introduction

from .feedback import attempt
from .reference_requests import STEP_BUTTONS, open_step_dialog

Refresh = Callable[[], object]

HORIZON_DAYS = 365
"""Everything pending for the application, however far ahead (a brief due before a distant interview)."""


def followups_card(ctx: AppContext, application: Application, refresh: Refresh) -> None:
    """The card of follow-ups about ``application``, soonest first."""
    today = ctx.today()
    network = ctx.store.network()
    items = followups_of(network, application, today, HORIZON_DAYS)
    with ui.card().classes('w-full gap-2').mark('application-followups'):
        ui.label('Next steps').classes('text-lg font-semibold')
        if not items:
            ui.label('Nothing due for this application.').classes('text-grey-7').mark('application-followups-none')
        for item in items:
            with ui.row().classes('w-full items-start gap-3 no-wrap py-1 border-b border-gray-200'):
                with ui.column().classes('grow gap-0 min-w-0'):
                    ui.label(item.followup.title).classes('font-medium').mark('application-followup')
                    ui.label(due_text(item.followup.due, today)).classes(
                        'text-sm ' + ('text-negative' if item.followup.due < today else 'text-grey-8')) \
                        .mark('application-followup-due')
                    ui.label(item.followup.reason).classes('text-xs text-grey-7')
                _action(ctx, application, item, refresh)


def due_text(due: date, today: date) -> str:
    """``Due today``, ``Due 27 Nov 2026`` or ``Overdue since 20 Nov 2026``."""
    if due == today:
        return 'Due today'
    return f'Overdue since {wording.day_label(due)}' if due < today else f'Due {wording.day_label(due)}'


def _action(ctx: AppContext, application: Application, item: ApplicationFollowUp, refresh: Refresh) -> None:
    request = item.request
    if request is not None:
        if item.followup.kind == BRIEF_REFERENCE:
            ui.link('Open the brief', item.followup.link).mark('followup-open-brief')
            return
        contact = ctx.store.contacts.find(request.contact_id)
        name = contact.name if contact else 'The reference'
        # The step that settles it: the outcome when it may be told, else the thank-you that comes first.
        allowed = next_steps(request, application)
        step = next((s for s in (RequestStatus.OUTCOME_SHARED, RequestStatus.THANKED) if s in allowed), None)
        if step is not None:
            ui.button(STEP_BUTTONS[step][0], icon=STEP_BUTTONS[step][1],
                      on_click=lambda: open_step_dialog(ctx, request, step, name, refresh)) \
                .props('outline dense no-caps').mark('followup-action')
    elif item.introduction is not None:
        introduction_id = item.introduction.id
        ui.button('Mark thanked', icon='favorite',
                  on_click=lambda: _thank_introduction(ctx, introduction_id, refresh)) \
            .props('outline dense no-caps').mark('followup-action')
    elif item.tell_advocate:
        ui.button('Told them', icon='campaign', on_click=lambda: _tell_advocate(ctx, application, refresh)) \
            .props('outline dense no-caps').mark('followup-action')
    elif item.tell is not None:
        contact_id = item.tell
        ui.button('Told them', icon='campaign', on_click=lambda: _tell(ctx, application, contact_id, refresh)) \
            .props('outline dense no-caps').mark('followup-action')


def _thank_introduction(ctx: AppContext, introduction_id: str, refresh: Refresh) -> None:
    today = ctx.today()
    if attempt(lambda: thank_for_introduction(ctx.store, introduction_id, today, today),
               'Thank-you recorded.') is not None:
        refresh()


def _tell(ctx: AppContext, application: Application, contact_id: str, refresh: Refresh) -> None:
    today = ctx.today()
    if attempt(lambda: tell_about_application(ctx.store, application.id, contact_id, today, today),
               'Update logged.') is not None:
        refresh()


def _tell_advocate(ctx: AppContext, application: Application, refresh: Refresh) -> None:
    today = ctx.today()
    if attempt(lambda: share_outcome_with_advocate(ctx.store, application.id, today, today),
               'Update logged.') is not None:
        refresh()
