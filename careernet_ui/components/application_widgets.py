"""Dashboard widgets of the job search: applications by stage, references in flight, reference load."""

from __future__ import annotations

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import ApplicationStage, wording
from careernet_ui.domain.application_summary import (
    InFlight,
    LoadRow,
    active_by_stage,
    reference_load_table,
    references_in_flight,
)
from careernet_ui.domain.references import LOAD_WINDOW_DAYS

from .application_badges import application_stage_badge, request_status_badge
from .plain_link import PlainLink

IN_FLIGHT_SHOWN = 8
LOAD_ROWS_SHOWN = 10


def application_widgets(ctx: AppContext) -> None:
    """The three job-search cards, side by side; one inviting card while there is no application."""
    network = ctx.store.network()
    if not network.applications:
        with ui.card().classes('w-full gap-2').mark('applications-widget-empty'):
            ui.label('Job search').classes('text-lg font-semibold')
            ui.label('Applying somewhere? Add the application: CareerNet then helps you brief, thank and update '
                     'the references you list for it.').classes('text-grey-7')
            ui.link('Go to applications', '/applications')
        return
    applications = {a.id: a for a in network.applications}
    contacts = {c.id: c for c in network.contacts}
    with ui.row().classes('w-full gap-4 items-stretch').mark('application-widgets'):
        _by_stage(active_by_stage(network.applications))
        _in_flight(references_in_flight(network.reference_requests, applications, contacts))
        _load(reference_load_table(network.reference_requests, contacts, ctx.today()))


def _by_stage(counts: list[tuple[ApplicationStage, int]]) -> None:
    with ui.card().classes('grow basis-0 min-w-[14rem] gap-2').mark('active-applications'):
        with ui.row().classes('w-full items-center'):
            ui.label('Active applications').classes('text-lg font-semibold')
            ui.space()
            PlainLink('All', '/applications').classes('text-sm')
        for stage, count in counts:
            with ui.row().classes('w-full items-center gap-2'):
                application_stage_badge(stage)
                ui.space()
                ui.label(f'{count:,}').classes('font-semibold').mark(f'active-{stage.value}')


def _in_flight(flights: list[InFlight]) -> None:
    with ui.card().classes('grow basis-0 min-w-[18rem] gap-2').mark('references-in-flight'):
        ui.label('References in flight').classes('text-lg font-semibold')
        if not flights:
            ui.label('No reference request under way.').classes('text-sm text-grey-7')
        for flight in flights[:IN_FLIGHT_SHOWN]:
            with ui.row().classes('w-full items-center gap-2 no-wrap'):
                with ui.column().classes('grow gap-0 min-w-0'):
                    PlainLink(flight.contact.name, f'/applications/{flight.application.id}').mark('in-flight-name')
                    ui.label(f'{flight.application.company} · since {wording.day_label(flight.since)}') \
                        .classes('text-xs text-grey-7 truncate')
                request_status_badge(flight.request.status)
        if len(flights) > IN_FLIGHT_SHOWN:
            ui.label(f'and {len(flights) - IN_FLIGHT_SHOWN:,} more').classes('text-xs text-grey-7')


def _load(rows: list[LoadRow]) -> None:
    with ui.card().classes('grow basis-0 min-w-[16rem] gap-2').mark('reference-load'):
        ui.label(f'Reference load, last {LOAD_WINDOW_DAYS} days').classes('text-lg font-semibold')
        if not rows:
            ui.label('Nobody was asked lately.').classes('text-sm text-grey-7')
        for row in rows[:LOAD_ROWS_SHOWN]:
            with ui.row().classes('w-full items-center gap-2 no-wrap').mark('load-row'):
                PlainLink(row.contact.name, f'/contacts/{row.contact.id}').classes('grow truncate')
                ui.label(wording.times(row.count)).classes(
                    'text-sm font-semibold ' + ('text-negative' if row.heavy else '')).mark('load-count')
                ui.label(wording.day_label(row.last_asked)).classes('text-xs text-grey-7 w-24 text-right')
        if any(row.heavy for row in rows):
            ui.label('In red: asked three times or more; give them a rest if you can.').classes('text-xs text-grey-7')
