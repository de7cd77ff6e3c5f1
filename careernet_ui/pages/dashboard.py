"""The dashboard: what to do next, and where the network stands."""

from __future__ import annotations

from nicegui import ui

from careernet_ui.components import dashboard_cards as cards
from careernet_ui.components.application_widgets import application_widgets
from careernet_ui.components.chart_preload import preload_charts
from careernet_ui.components.contact_dialog import open_contact_dialog
from careernet_ui.components.deferred import after_connect
from careernet_ui.components.frame import frame
from careernet_ui.components.next_actions import ActionsFilter, next_actions, set_aside_section, stage_suggestions
from careernet_ui.context import AppContext
from careernet_ui.domain import Contact
from careernet_ui.domain.dashboard import dashboard_view

SUGGESTIONS_SHOWN = 5


def register(ctx: AppContext) -> None:
    """Register ``/``."""

    @ui.page('/')
    def dashboard_page() -> None:
        actions = ActionsFilter()
        preload_charts()
        with frame(ctx, 'Dashboard'):

            @ui.refreshable
            def body() -> None:
                # Everything below reads this one view: the follow-ups are computed once per render.
                view = dashboard_view(ctx.store.network(), ctx.today(), memo=ctx.followup_memo,
                                      on_computed=ctx.dashboard_computed)
                with ui.row().classes('w-full items-center'):
                    ui.label(f'{view.people:,} people in your network').classes('text-lg').mark('network-size')
                    ui.space()
                    ui.button('Add contact', icon='person_add',
                              on_click=lambda: open_contact_dialog(ctx, None, _open_contact)).props('no-caps') \
                        .mark('add-contact')
                if not view.people:
                    cards.welcome()
                    return
                next_actions(ctx, view.actions, actions, body.refresh)
                # Below the fold, the page's first response leaves out what a person sees only on
                # scrolling (after_connect): the browser draws the first screen and the funnel sooner.
                after_connect(lambda: stage_suggestions(ctx, view.suggestions, SUGGESTIONS_SHOWN, body.refresh))
                after_connect(lambda: set_aside_section(ctx, actions, body.refresh))
                with ui.row().classes('w-full gap-4 items-stretch'):
                    cards.stage_funnel(view.stage_counts)
                    with ui.column().classes('grow basis-0 min-w-[20rem] gap-4'):
                        cards.network_health(view.health)
                        cards.quiet_contacts(view.quiet)
                with ui.row().classes('w-full gap-4 items-stretch'):
                    with ui.column().classes('grow basis-0 min-w-[16rem]'):
                        cards.role_counts(view.role_counts)
                    with ui.column().classes('grow basis-0 min-w-[16rem]'):
                        cards.recent_contacts(view.recent)
                after_connect(lambda: cards.touches_chart(view.touches))
                after_connect(lambda: application_widgets(ctx))

            body()


def _open_contact(contact: Contact) -> None:
    ui.navigate.to(f'/contacts/{contact.id}')
