"""The dashboard's picture of the network: the stage funnel, health, touches per month, who went quiet."""

from __future__ import annotations

from nicegui import ui
from nicegui.element import Element

from careernet_ui.domain import Contact, Role, Stage, wording
from careernet_ui.domain.insights import NetworkHealth, QuietContact
from careernet_ui.nicegui_compat import TextElement

from .badges import stage_badge
from .lean_chart import LeanChart
from .panel import Panel
from .plain_link import PlainLink

# The badge colours (components/badges.py) as the chart's hex colours, so a stage looks the same everywhere.
_STAGE_HEX = {
    Stage.CONTACT: '#616161',
    Stage.POTENTIAL_ADVOCATE: '#009688',
    Stage.REFERENCE: '#3f51b5',
    Stage.ADVOCATE: '#ff5722',
}
BAR_REM = 9
"""The tallest month's bar, in rem: the column leaves room for its count above and month below."""


def stage_funnel(counts: dict[Stage, int]) -> None:
    """How many people are at each stage, as a funnel from contact to advocate."""
    with Panel().classes('grow basis-0 min-w-[20rem] gap-2').mark('stage-funnel'):
        ui.label('Pipeline').classes('text-lg font-semibold')
        LeanChart({
            'animation': False,  # drawn at once: the page is ready when it appears
            'series': [{
                'type': 'funnel',
                'sort': 'none',  # pipeline order, whatever the counts
                'minSize': '30%',
                'top': 8,  # the funnel fills the box (ECharts leaves 60 px above and below)
                'bottom': 8,
                'left': '5%',
                'width': '90%',
                'label': {'show': True, 'position': 'inside', 'formatter': '{b}: {c}', 'color': '#fff'},
                'data': [{'name': stage.label, 'value': count, 'itemStyle': {'color': _STAGE_HEX[stage]}}
                         for stage, count in counts.items()],
            }],
        }).classes('w-full h-56 careernet-funnel')
        with ui.row().classes('w-full justify-around').mark('stage-counts'):
            for stage, count in counts.items():
                with ui.column().classes('items-center gap-0'):
                    ui.label(f'{count:,}').classes('text-xl font-semibold').mark(f'count-{stage.value}')
                    stage_badge(stage)


def network_health(health: NetworkHealth) -> None:
    """The share of references and advocates within their keep-in-touch cadence."""
    with Panel().classes('w-full gap-2').mark('network-health'):
        ui.label('Network health').classes('text-lg font-semibold')
        if health.share is None:
            ui.label('No references or advocates with a keep-in-touch cadence yet. Move people along the '
                     'pipeline, and this shows how many you are keeping warm.').classes('text-grey-7') \
                .mark('health-empty')
            return
        ui.label(f'{health.share:.0%}').classes('text-4xl font-semibold').mark('health-share')
        ui.linear_progress(value=health.share, show_value=False, color='positive' if health.share >= 0.8 else
                           'warning' if health.share >= 0.5 else 'negative') \
            .props('rounded size=10px aria-label="Network health"')
        ui.label(f'{health.on_track:,} of {health.total:,} references and advocates are within their '
                 'keep-in-touch cadence.').classes('text-sm text-grey-8').mark('health-detail')


def quiet_contacts(quiet: list[QuietContact]) -> None:
    """The references and advocates the user has not contacted for longest."""
    with Panel().classes('w-full gap-1').mark('quiet-contacts'):
        ui.label('Longest without contact').classes('text-lg font-semibold')
        if not quiet:
            ui.label('No references or advocates yet.').classes('text-grey-7')
        for person in quiet:
            with ui.row().classes('w-full items-center gap-2 no-wrap'):
                PlainLink(person.contact.name, f'/contacts/{person.contact.id}').classes('grow truncate') \
                    .mark('quiet-contact')
                stage_badge(person.contact.stage)
                since = 'Never contacted' if person.days_since is None else wording.days(person.days_since)
                ui.label(since).classes('text-sm text-grey-8 w-28 text-right')


def role_counts(counts: dict[Role, int]) -> None:
    """How many people have each role (roles nobody has are left out)."""
    with Panel().classes('w-full gap-1').mark('role-counts'):
        ui.label('People by role').classes('text-lg font-semibold')
        for role, count in counts.items():
            if count:
                with ui.row().classes('w-full items-center gap-2 no-wrap'):
                    ui.label(role.label).classes('grow').mark('role-label')
                    ui.label(f'{count:,}').classes('text-sm text-grey-8').mark('role-count')


def recent_contacts(recent: list[Contact]) -> None:
    """The contacts added or edited most recently, each a link to their page."""
    with Panel().classes('w-full gap-1').mark('recent-contacts'):
        ui.label('Recently added or edited').classes('text-lg font-semibold')
        for contact in recent:
            with ui.row().classes('w-full items-center gap-2 no-wrap'):
                PlainLink(contact.name, f'/contacts/{contact.id}').classes('grow truncate').mark('recent-contact')
                stage_badge(contact.stage)


def touches_chart(touches: list[tuple[str, int]]) -> None:
    """Touches per month over the last 12 months (see ``domain.touches``), as bars with their counts.

    Plain elements rather than a second chart: every ECharts chart on the page delays the dashboard
    (bench/README.md), and twelve labelled bars need no axes or tooltips.
    """
    peak = max((count for _, count in touches), default=0) or 1
    with Panel().classes('w-full gap-2').mark('touches'):
        ui.label('Touches per month').classes('text-lg font-semibold')
        with Element('div').classes('careernet-touches grid grid-flow-col auto-cols-fr items-end gap-x-2 w-full') \
                .props('role=list aria-label="Interactions logged per month"'):
            for month, count in touches:
                label = _month_label(month)
                with Element('div').classes('flex flex-col items-center justify-end h-48') \
                        .props(f'role=listitem aria-label="{label}: {count:,}"'):
                    TextElement(tag='span', text=f'{count:,}').classes('text-xs text-grey-8') \
                        .props('aria-hidden=true').mark('touches-count')
                    # At least a sliver, so a month with no contact still shows where it is.
                    Element('div').classes('careernet-touches-bar w-full rounded-t bg-primary min-h-[2px]') \
                        .style(f'height: {count / peak * BAR_REM:.2f}rem')
                    TextElement(tag='span', text=label).classes('text-xs text-grey-7 whitespace-nowrap') \
                        .props('aria-hidden=true')
        total = sum(count for _, count in touches)
        ui.label(f'{total:,} interactions logged in the last 12 months.').classes('text-sm text-grey-8') \
            .mark('touches-total')


def _month_label(month: str) -> str:
    year, number = month.split('-')
    return f'{wording.MONTHS[int(number) - 1]} {year[2:]}'


def welcome() -> None:
    """What a new user sees: what CareerNet is for, and the first step."""
    with Panel().classes('w-full p-6 gap-2').mark('dashboard-empty'):
        ui.label('Welcome to CareerNet').classes('text-xl font-semibold')
        ui.label(
            'References confirm what you did; advocates speak up for you when you are not in the room. '
            'Add the people who know your work, log how you keep in touch, and CareerNet reminds you '
            'when to follow up.'
        )

