"""The applications list: every position pursued, filtered by stage, words and open or closed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from nicegui import ui

from careernet_ui.components.application_badges import application_stage_badge
from careernet_ui.components.application_dialog import APPLICATION_STAGE_OPTIONS, open_application_dialog
from careernet_ui.components.feedback import confirm
from careernet_ui.components.frame import frame
from careernet_ui.components.isolated_text import IsolatedLink
from careernet_ui.components.pager import pager
from careernet_ui.components.touch import FILTER_CLASSES, SEARCH_CLASSES, autofocus
from careernet_ui.components.undo_toast import act_undoably
from careernet_ui.context import AppContext
from careernet_ui.domain import Application, ApplicationStage, ReferenceRequest, wording
from careernet_ui.domain.application_search import ApplicationQuery, Openness, last_moved, search_applications
from careernet_ui.services.applications import delete_application

OPENNESS_OPTIONS = {choice.value: choice.label for choice in Openness}


def register(ctx: AppContext) -> None:
    """Register ``/applications``."""

    @ui.page('/applications')
    def applications_page() -> None:
        query = ApplicationQuery()
        with frame(ctx, 'Applications'):
            if not len(ctx.store.applications):
                _empty_state(ctx)
                return
            with ui.row().classes('w-full items-end gap-3'):
                ui.input('Search', placeholder='company or position',
                         on_change=lambda e: _set(text=e.value or '')) \
                    .props(f'clearable {autofocus()} debounce=250 stack-label').classes(SEARCH_CLASSES) \
                    .mark('applications-search')
                ui.select({'': 'Any stage', **APPLICATION_STAGE_OPTIONS}, value='', label='Stage',
                          on_change=lambda e: _set(stage=ApplicationStage(e.value) if e.value else None)) \
                    .classes(f'{FILTER_CLASSES} sm:w-40').mark('applications-stage')
                ui.select(OPENNESS_OPTIONS, value=query.openness.value, label='Show',
                          on_change=lambda e: _set(openness=Openness(e.value))) \
                    .classes(f'{FILTER_CLASSES} sm:w-44').mark('applications-openness')
                ui.button('Add application', icon='add', on_click=lambda: open_application_dialog(ctx, None, _open)) \
                    .mark('add-application')

            @ui.refreshable
            def results() -> None:
                page = search_applications(ctx.store.applications.all(), query)
                if not page.items:
                    ui.label('No application matches. Clear the search, or show open and closed ones.') \
                        .classes('text-grey-7').mark('applications-no-match')
                    return
                shown = {application.id for application in page.items}
                requests: dict[str, list[ReferenceRequest]] = defaultdict(list)
                for request in ctx.store.reference_requests:
                    if request.application_id in shown:
                        requests[request.application_id].append(request)
                with ui.column().classes('w-full gap-0').mark('applications-list'):
                    for application in page.items:
                        _row(ctx, application, requests[application.id], results.refresh)
                pager(page, lambda step: _set(page=page.page + step), marker='applications-count')

            def _set(**changes: object) -> None:
                for name, value in changes.items():
                    setattr(query, name, value)
                if 'page' not in changes:
                    query.page = 1  # a new search or filter starts from its first page
                results.refresh()

            results()


def _row(ctx: AppContext, application: Application, requests: list[ReferenceRequest],
         refresh: Callable[[], object]) -> None:
    today = ctx.today()
    with ui.row().classes('w-full items-center gap-x-3 gap-y-1 py-2 border-b border-gray-200 sm:flex-nowrap'):
        with ui.column().classes('gap-0 grow min-w-0 basis-full sm:basis-0'):
            IsolatedLink((application.position, application.company), ' at ', f'/applications/{application.id}') \
                .classes('font-medium break-words').props('dir=auto').mark('application-link')
            details = [f'since {wording.day_label(last_moved(application))}']
            upcoming = [day for day in application.interview_dates if day >= today]
            if upcoming:
                details.append(f'interview {wording.day_label(upcoming[0])}')
            if application.source:
                details.append(application.source)
            ui.label(' · '.join(details)).classes('text-sm text-grey-7 truncate')
        ui.label(wording.count_of(len(requests), 'reference')).classes('text-sm sm:w-28') \
            .mark('application-references')
        application_stage_badge(application.stage).mark('application-stage-badge')
        ui.button(icon='edit', on_click=lambda: open_application_dialog(ctx, application, _open)) \
            .props(f'flat round dense aria-label="Edit {_quoted(application)}"') \
            .tooltip('Edit').mark('edit-application', f'edit-application-{application.id}')
        ui.button(icon='delete', on_click=lambda: _ask_delete(ctx, application, requests, refresh)) \
            .props(f'flat round dense color=negative aria-label="Delete {_quoted(application)}"').tooltip('Delete') \
            .mark('delete-application', f'delete-application-{application.id}')


def _ask_delete(ctx: AppContext, application: Application, requests: list[ReferenceRequest],
                refresh: Callable[[], object]) -> None:
    also = {0: '', 1: ' and its reference request'}.get(len(requests), f' and its {len(requests)} reference requests')
    confirm(f'Delete {application.position} at {application.company}{also}?', 'Delete',
            lambda: _delete(ctx, application, refresh))


def _delete(ctx: AppContext, application: Application, refresh: Callable[[], object]) -> None:
    act_undoably(ctx.store, lambda: delete_application(ctx.store, application.id),
                 f'Deleted {application.position} at {application.company}.', refresh)


def _empty_state(ctx: AppContext) -> None:
    with ui.card().classes('w-full items-start gap-3 p-6').mark('applications-empty'):
        ui.label('No applications yet').classes('text-xl font-semibold')
        ui.label('Add each position you pursue, and CareerNet helps you run its references properly:')
        for step in (
            'Choose your references from your contacts: it warns when someone has not agreed to be listed, '
            'or has been asked a lot lately.',
            'Send each reference a brief (the position, the work they saw you do, what to stress) before the '
            'employer calls.',
            'When the employer has called, thank them within two days.',
            'When the application closes, tell every reference, and whoever introduced you, how it ended.',
        ):
            ui.label(f'• {step}').classes('text-grey-8')
        ui.button('Add your first application', icon='add',
                  on_click=lambda: open_application_dialog(ctx, None, _open)).mark('add-application')


def _open(application: Application) -> None:
    ui.navigate.to(f'/applications/{application.id}')


def _quoted(application: Application) -> str:
    # A screen reader's name for the row's icon buttons; a double quote would end the prop.
    return f'{application.position} at {application.company}'.replace('"', "'")
