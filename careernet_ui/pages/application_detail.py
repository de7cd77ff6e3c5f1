"""One application: its stage and dates, its references and what is due for them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import ui

from careernet_ui.components.application_badges import application_stage_badge
from careernet_ui.components.application_dialog import APPLICATION_STAGE_OPTIONS, open_application_dialog
from careernet_ui.components.application_followups import followups_card
from careernet_ui.components.feedback import attempt, confirm
from careernet_ui.components.frame import frame, not_found
from careernet_ui.components.introductions_card import application_introductions
from careernet_ui.components.reference_requests import references_card
from careernet_ui.components.undo_toast import carry
from careernet_ui.context import AppContext
from careernet_ui.domain import Application, ApplicationStage, wording
from careernet_ui.domain.forms.fields import parse_date
from careernet_ui.domain.links import is_web_address
from careernet_ui.services.applications import (
    add_interview_date,
    delete_application,
    move_application_stage,
    remove_interview_date,
)
from careernet_ui.services.undo import recorded

Refresh = Callable[[], object]


def register(ctx: AppContext) -> None:
    """Register ``/applications/{application_id}``."""

    @ui.page('/applications/{application_id}')
    def application_page(application_id: str) -> None:
        application = ctx.store.applications.find(application_id)
        if application is None:
            not_found(ctx, 'application', 'application-missing', 'Back to applications', '/applications')
            return
        with frame(ctx, f'{application.position} at {application.company}',
                   title_parts=((application.position, application.company), ' at ')):

            @ui.refreshable
            def body() -> None:
                current = ctx.store.applications.find(application_id)
                if current is None:
                    ui.label('This application was deleted.').mark('application-missing')
                    return
                _header(ctx, current)
                with ui.row().classes('w-full gap-4 items-start'):
                    with ui.column().classes('grow basis-0 min-w-[20rem] gap-4'):
                        followups_card(ctx, current, body.refresh)
                        references_card(ctx, current, body.refresh)
                    with ui.column().classes('grow basis-0 min-w-[18rem] gap-4'):
                        _stage_card(ctx, current, body.refresh)
                        _interviews_card(ctx, current, body.refresh)
                        _details_card(ctx, current)
                        application_introductions(ctx, current, body.refresh)

            body()


def _header(ctx: AppContext, application: Application) -> None:
    with ui.row().classes('w-full items-center gap-3'):
        application_stage_badge(application.stage).mark('application-stage')
        if is_web_address(application.job_url):
            ui.link('Job posting', application.job_url, new_tab=True).mark('application-job-link')
        advocate = ctx.store.contacts.find(application.introduced_by) if application.introduced_by else None
        if advocate is not None:
            with ui.row().classes('items-center gap-1'):
                ui.label('Introduced by')
                ui.link(advocate.name, f'/contacts/{advocate.id}').mark('application-introduced-by')
        ui.space()
        ui.button('Edit', icon='edit', on_click=lambda: open_application_dialog(
            ctx, application, lambda a: ui.navigate.to(f'/applications/{a.id}'))).mark('edit-application')
        ui.button('Delete', icon='delete', color='negative', on_click=lambda: confirm(
            f'Delete {application.position} at {application.company} and its reference requests?', 'Delete',
            lambda: _delete(ctx, application))).props('outline').mark('delete-application')


def _stage_card(ctx: AppContext, application: Application, refresh: Refresh) -> None:
    def move() -> None:
        day = attempt(lambda: parse_date(on.value, 'on', 'Date', required=True))
        if day is None:
            return
        moved = attempt(lambda: move_application_stage(ctx.store, application.id, stage.value, day, ctx.today()),
                        lambda a: f'Moved to {a.stage.label.lower()}.')
        if moved is not None:
            refresh()

    with ui.card().classes('w-full gap-1').mark('stage-card'):
        ui.label('Stage').classes('text-lg font-semibold')
        for change in reversed(application.stage_history):
            ui.label(f'{wording.day_label(change.on)}: {change.stage.label}').classes('text-sm') \
                .mark('stage-history')
        with ui.row().classes('w-full items-end gap-2 sm:flex-nowrap'):
            stage = ui.select(APPLICATION_STAGE_OPTIONS, value=application.stage.value, label='Move to') \
                .classes('grow basis-full sm:basis-0').mark('move-stage')
            on = ui.input('On', value=ctx.today().isoformat(), placeholder='YYYY-MM-DD') \
                .classes('grow sm:grow-0 sm:w-32') \
                .mark('move-stage-on')
            on.on('keydown.enter', move)
            ui.button('Move', on_click=move).mark('move-stage-save')
        if application.stage is ApplicationStage.OFFER:
            ui.label('Accepted the offer, or turned it down? Move it on: closing the application reminds you to '
                     'tell your references how it ended.').classes('text-xs text-grey-7')


def _interviews_card(ctx: AppContext, application: Application, refresh: Refresh) -> None:
    def add() -> None:
        day = attempt(lambda: parse_date(new_day.value, 'interview_dates', 'Interview date', required=True))
        if day is not None and attempt(lambda: add_interview_date(ctx.store, application.id, day),
                                       f'Interview on {wording.day_label(day)} added.') is not None:
            refresh()

    today = ctx.today()
    with ui.card().classes('w-full gap-1').mark('interviews-card'):
        ui.label('Interviews').classes('text-lg font-semibold')
        if not application.interview_dates:
            ui.label('No interview yet. Add the dates: references are best briefed the day before.') \
                .classes('text-sm text-grey-7')
        for day in application.interview_dates:
            with ui.row().classes('items-center gap-2'):
                ui.label(f'{wording.day_label(day)}{" (past)" if day < today else ""}') \
                    .mark('interview-date', f'interview-{day.isoformat()}')
                ui.button(icon='close', on_click=lambda d=day: _remove_interview(ctx, application, d, refresh)) \
                    .props('flat round dense size=sm').tooltip('Remove').mark(f'remove-interview-{day.isoformat()}')
        with ui.row().classes('w-full items-end gap-2 no-wrap'):
            new_day = ui.input('Interview on', placeholder='YYYY-MM-DD').classes('grow min-w-0').mark('interview-new')
            new_day.on('keydown.enter', add)
            ui.button('Add interview', on_click=add).mark('interview-add')


def _details_card(ctx: AppContext, application: Application) -> None:
    with ui.card().classes('w-full gap-1').mark('application-details'):
        ui.label('Details').classes('text-lg font-semibold')
        ui.label(f'Source: {application.source or "not recorded"}').classes('text-sm').mark('application-source')
        if application.job_url and not is_web_address(application.job_url):
            ui.label(f'Job: {application.job_url}').classes('text-sm break-all')
        if application.notes:
            ui.label(application.notes).classes('whitespace-pre-wrap').mark('application-notes')


def _remove_interview(ctx: AppContext, application: Application, day: date, refresh: Refresh) -> None:
    if attempt(lambda: remove_interview_date(ctx.store, application.id, day), 'Interview removed.') is not None:
        refresh()


def _delete(ctx: AppContext, application: Application) -> None:
    done = attempt(lambda: recorded(ctx.store, lambda: delete_application(ctx.store, application.id)))
    if done is not None:  # to the list, with "Undo" there: it brings it back, and back to its page
        carry(f'Deleted {application.position} at {application.company}.', done[1], '/applications',
              f'/applications/{application.id}')
