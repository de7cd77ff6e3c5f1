"""Goals: what you are aiming for next, and the progress updates that keep your advocates informed."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.components.feedback import attempt, confirm
from careernet_ui.components.frame import frame
from careernet_ui.components.goal_dialog import open_goal_dialog
from careernet_ui.components.progress_dialog import open_progress_dialog
from careernet_ui.context import AppContext
from careernet_ui.domain import wording
from careernet_ui.domain.followups.network_index import NetworkIndex
from careernet_ui.domain.followups.progress_update import ProgressLedger, advocates
from careernet_ui.domain.goals import Goal, GoalStatus, goal_order
from careernet_ui.services.goals import delete_goal

Refresh = Callable[[], object]
SHOWN = 20
"""Advocates listed at once, soonest due first (a network can have thousands)."""
_STATUS_COLOR = {GoalStatus.OPEN: 'primary', GoalStatus.ACHIEVED: 'positive', GoalStatus.DROPPED: 'grey-6'}


def register(ctx: AppContext) -> None:
    """Register ``/goals`` (``?update=<contact id>`` opens that advocate's progress update)."""

    @ui.page('/goals')
    def goals_page(update: str | None = None) -> None:
        with frame(ctx, 'Goals'):

            @ui.refreshable
            def content() -> None:
                _goals_card(ctx, content.refresh)
                _updates_card(ctx, content.refresh)

            content()
            if update:
                open_progress_dialog(ctx, update, content.refresh)


def _goals_card(ctx: AppContext, refresh: Refresh) -> None:
    goals = sorted(ctx.store.goals, key=goal_order)
    with ui.card().classes('w-full gap-2').mark('goals-card'):
        ui.label('What you are aiming for').classes('text-lg font-semibold')
        if not goals:
            ui.label('No goals yet. Write down what you are aiming for next and by when: a role, a skill, a '
                     'move. Your advocates can only point you at it if they know it; progress updates tell '
                     'them.').classes('text-grey-7').mark('goals-empty')
        for goal in goals:
            _goal_row(ctx, goal, refresh)
        ui.button('Set a goal', icon='flag', on_click=lambda: open_goal_dialog(ctx, None, lambda _: refresh())) \
            .props('outline no-caps').mark('add-goal')


def _goal_row(ctx: AppContext, goal: Goal, refresh: Refresh) -> None:
    today = ctx.today()
    with ui.column().classes('w-full gap-1 pb-2 border-b border-gray-200').mark('goal'):
        with ui.row().classes('w-full items-center gap-2'):
            ui.label(goal.title).classes('font-medium').props('dir=auto').mark('goal-title')
            ui.chip(goal.status.label, color=_STATUS_COLOR[goal.status], text_color='white') \
                .props('dense square').mark('goal-status')
            late = goal.status is GoalStatus.OPEN and goal.target_on < today
            ui.label(f'by {wording.day_label(goal.target_on)}' + (' (passed)' if late else '')) \
                .classes('text-sm ' + ('text-negative' if late else 'text-grey-7')).mark('goal-target')
            ui.space()
            ui.button(icon='edit', on_click=lambda: open_goal_dialog(ctx, goal, lambda _: refresh())) \
                .props('flat round dense').tooltip('Edit').mark('edit-goal')
            ui.button(icon='delete', on_click=lambda: confirm(
                f'Delete the goal "{goal.title}"?', 'Delete', lambda: _delete(ctx, goal, refresh))) \
                .props('flat round dense color=negative').tooltip('Delete').mark('delete-goal')
        if goal.detail:
            ui.label(goal.detail).classes('text-sm whitespace-pre-wrap').props('dir=auto').mark('goal-detail')


def _delete(ctx: AppContext, goal: Goal, refresh: Refresh) -> None:
    if attempt(lambda: delete_goal(ctx.store, goal.id), 'Goal deleted.') is not None:
        refresh()


def _updates_card(ctx: AppContext, refresh: Refresh) -> None:
    store = ctx.store
    today = ctx.today()
    network = store.network()
    index = NetworkIndex.build(network, today, 0)
    every = network.settings.progress_update_days
    people = advocates(network.contacts)
    with ui.card().classes('w-full gap-2').mark('progress-card'):
        ui.label('Progress updates to your advocates').classes('text-lg font-semibold')
        ui.label((f'Every {wording.days(every)}, each advocate gets one update: your accomplishments and goals '
                  'since the last one they had.' if every is not None else
                  'Progress updates are off; set how often on Settings.') + ' Change it on Settings.') \
            .classes('text-sm text-grey-8')
        if not people:
            ui.label('No advocates yet. When someone speaks up for you, set their stage to Advocate on their page.') \
                .classes('text-grey-7').mark('progress-no-advocates')
        ledger = ProgressLedger(network, index)
        if every is not None:  # the most overdue first
            people.sort(key=lambda c: ledger.next_due(c, every))
        for contact in people[:SHOWN]:
            last = ledger.last(contact.id)
            with ui.row().classes('w-full items-center gap-2 border-t pt-2').mark('progress-row'):
                ui.link(contact.name, f'/contacts/{contact.id}').classes('font-medium')
                ui.label(f'last update {wording.day_label(last.on)}' if last else 'no update yet') \
                    .classes('text-sm text-grey-7')
                if every is not None:
                    ui.label(wording.when_due(ledger.next_due(contact, every), today)) \
                        .classes('text-sm text-grey-7').mark('progress-next')
                ui.label('news to tell' if ledger.has_news(contact.id) else 'nothing new since') \
                    .classes('text-sm').mark('progress-news')
                ui.space()
                ui.button('Draft update', icon='edit_note',
                          on_click=lambda c=contact.id: open_progress_dialog(ctx, c, refresh)) \
                    .props('outline dense no-caps').mark('draft-progress')
        if len(people) > SHOWN:
            ui.label(f'And {len(people) - SHOWN:,} more advocates: their updates come up in your next actions '
                     'when due.').classes('text-sm text-grey-7').mark('progress-more')

