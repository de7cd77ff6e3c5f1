"""The dashboard's to-do list: each follow-up with its reason, actionable where it stands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Any

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, FollowUp, ValidationError, wording
from careernet_ui.domain.dashboard import due_text, kind_counts, kind_label
from careernet_ui.domain.followups.followup import FollowUpStatus
from careernet_ui.domain.followups.keep_in_touch import KEEP_IN_TOUCH
from careernet_ui.domain.followups.set_aside import set_aside
from careernet_ui.domain.forms.fields import parse_date
from careernet_ui.services.followups import (
    apply_stage_suggestion,
    bring_back,
    complete_follow_up,
    dismiss_follow_up,
    snooze_follow_up,
)

from .form_errors import show_error
from .interaction_dialog import open_log_dialog
from .lean_fields import LeanSelect
from .next_action_row import NextActionRow
from .panel import Panel
from .plain_button import PlainButton
from .plain_link import PlainLink
from .touch import autofocus
from .undo_toast import act_undoably

Refresh = Callable[[], object]

SNOOZES = (('For a day', 1), ('For a week', 7))

ACTIONS_PAGE = 10
"""Rows the card lists at first, and how many more each "Show more" adds: at 30,000 contacts thousands
can be due."""


@dataclass(kw_only=True, slots=True)
class ActionsFilter:
    """What the "Next actions" card shows: one kind or all, and how many rows."""

    kind: str = ''
    shown: int = ACTIONS_PAGE
    set_aside_open: bool = False
    """Whether "Snoozed and dismissed" is open (it stays so across the card's redraws)."""


def next_actions(ctx: AppContext, actions: list[FollowUp], view: ActionsFilter, refresh: Refresh) -> None:
    """The "Next actions" card: the first ``view.shown`` follow-ups, most overdue first, and "Show more"."""
    today = ctx.today()
    counts = kind_counts(actions)
    listed = [f for f in actions if f.kind == view.kind] if view.kind in counts else actions
    def choose(kind: str) -> None:
        view.kind, view.shown = kind, ACTIONS_PAGE
        refresh()

    def more() -> None:
        view.shown += ACTIONS_PAGE
        refresh()

    with Panel().classes('w-full gap-2').mark('next-actions'):
        with ui.row().classes('w-full items-center gap-3'):
            ui.label('Next actions').classes('text-lg font-semibold')
            overdue = sum(1 for followup in actions if followup.due < today)
            summary = wording.due_summary(len(actions), overdue)
            ui.label(summary).classes('text-sm text-grey-8').mark('next-actions-count')
            ui.space()
            if len(counts) > 1:
                options = {'': f'All ({len(actions):,})',
                           **{kind: f'{kind_label(kind)} ({count:,})' for kind, count in counts.items()}}
                LeanSelect(options, value=view.kind if view.kind in counts else '', label='Show',
                           on_change=lambda e: choose(e.value or '')).classes('w-64').mark('next-actions-kind')
        if not actions:
            ui.label('Nothing due this week. Log the conversations you have, and CareerNet will tell you '
                     'who to contact next.').classes('text-grey-7').mark('next-actions-empty')
        for followup in listed[:view.shown]:
            _action(ctx, followup, today, refresh)
        if len(listed) > view.shown:
            ui.button(f'Show more ({view.shown:,} of {len(listed):,} shown)', on_click=more) \
                .props('flat no-caps').mark('next-actions-more')


def stage_suggestions(ctx: AppContext, suggestions: list[FollowUp], shown: int, refresh: Refresh) -> None:
    """Evidence that people have moved along the pipeline, each with "Apply" to move them."""
    if not suggestions:
        return
    today = ctx.today()
    with Panel().classes('w-full gap-2').mark('stage-suggestions'):
        with ui.row().classes('w-full items-center'):
            ui.label('Stage suggestions').classes('text-lg font-semibold')
            ui.label(f'{len(suggestions):,}').classes('text-sm text-grey-8')
        for followup in suggestions[:shown]:
            _suggestion(ctx, followup, today, refresh)
        if len(suggestions) > shown:
            ui.label(f'… and {len(suggestions) - shown:,} more.').classes('text-sm text-grey-7')


def _suggestion(ctx: AppContext, followup: FollowUp, today: date, refresh: Refresh) -> None:
    with ui.row().classes('w-full items-center gap-2 sm:flex-nowrap border-t pt-2').mark('suggestion'):
        with ui.column().classes('gap-0 grow min-w-0 basis-full sm:basis-0'):
            ui.label(followup.title).classes('font-medium').mark('suggestion-title')
            ui.label(followup.reason).classes('text-sm text-grey-8')
        PlainButton('Apply', lambda: _act(ctx, lambda: apply_stage_suggestion(ctx.store, followup, today), _moved,
                                          refresh),
                    aria_label=f'Apply: {followup.title}').classes('text-sm font-bold').mark('suggestion-apply')
        PlainButton('Dismiss', lambda: _act(ctx, lambda: dismiss_follow_up(ctx.store, followup, today), 'Dismissed.',
                                            refresh)).classes('text-sm').mark('suggestion-dismiss')
        PlainLink('Open', followup.link).classes('text-sm px-2')


def set_aside_section(ctx: AppContext, view: ActionsFilter, refresh: Refresh) -> None:
    """"Snoozed and dismissed": the follow-ups the user put aside, each with "Bring back".

    Listed when opened: finding them runs the follow-up kinds again, which a visit that does not
    look should not pay for.
    """
    def toggled(opened: bool) -> None:
        view.set_aside_open = opened
        content.clear()
        if opened:
            with content:
                _set_aside_rows(ctx, refresh)

    with Panel().classes('w-full p-0'), \
            ui.expansion('Snoozed and dismissed', icon='snooze', value=view.set_aside_open,
                         on_value_change=lambda e: toggled(bool(e.value))) \
            .classes('w-full text-lg font-semibold').mark('set-aside'), \
            ui.column().classes('w-full gap-2 text-base text-weight-regular') as content:
        if view.set_aside_open:
            _set_aside_rows(ctx, refresh)


def _set_aside_rows(ctx: AppContext, refresh: Refresh) -> None:
    today = ctx.today()
    found = set_aside(ctx.store.network(), today)
    if not found:
        ui.label('Nothing snoozed or dismissed: what you snooze or dismiss in "Next actions" waits here.') \
            .classes('text-grey-7').mark('set-aside-empty')
    for item in found:
        followup, state = item.followup, item.state
        if state.status is FollowUpStatus.SNOOZED and state.until is not None:
            status = f'Snoozed until {wording.day_label(state.until)}'
        else:
            status = f'Dismissed on {wording.day_label(state.decided_on)}'
        with ui.row().classes('w-full items-center gap-2 sm:flex-nowrap border-t pt-2').mark('set-aside-row'):
            with ui.column().classes('gap-0 grow min-w-0 basis-full sm:basis-0'):
                ui.label(followup.title).classes('font-medium').props('dir=auto').mark('set-aside-title')
                ui.label(f'{status} · {due_text(followup.due, today)}').classes('text-sm text-grey-8') \
                    .mark('set-aside-status')
            PlainButton('Bring back', partial(_bring_back, ctx, followup, refresh),
                        aria_label=f'Bring back: {followup.title}') \
                .classes('text-sm font-bold').mark('set-aside-bring-back')
            PlainLink('Open', followup.link).classes('text-sm px-2')


def _bring_back(ctx: AppContext, followup: FollowUp, refresh: Refresh) -> None:
    act_undoably(ctx.store, lambda: bring_back(ctx.store, followup.id), f'Brought back: {followup.title}', refresh)


def _action(ctx: AppContext, followup: FollowUp, today: date, refresh: Refresh) -> None:
    # One component per row and an on-demand snooze dialog: the card lists ten of these on every render.
    store = ctx.store
    contact = store.contacts.find(followup.contact_id) if followup.contact_id else None
    loggable = followup.kind == KEEP_IN_TOUCH and contact is not None
    NextActionRow(
        title=followup.title,
        reason=followup.reason,
        due=due_text(followup.due, today),
        overdue=followup.due < today,
        link=followup.link,
        on_log=(lambda: open_log_dialog(ctx, contact, lambda _: refresh())) if loggable and contact else None,
        log_label=f'Log an interaction with {contact.name}' if contact else '',
        on_done=lambda: _act(ctx, lambda: complete_follow_up(store, followup, today), 'Marked done.', refresh),
        on_snooze=lambda: _snooze(ctx, followup, refresh),
        on_dismiss=lambda: _act(ctx, lambda: dismiss_follow_up(store, followup, today), 'Dismissed.', refresh),
    ).mark('next-action')


def _snooze(ctx: AppContext, followup: FollowUp, refresh: Refresh) -> None:
    """Ask how long to snooze ``followup``: a day, a week, or until a date."""
    today = ctx.today()

    def snooze(until: date) -> None:
        if act_undoably(ctx.store, lambda: snooze_follow_up(ctx.store, followup, today, until),
                        f'Snoozed until {wording.day_label(until)}.', refresh) is not None:
            dialog.close()

    def until_typed() -> None:
        try:
            until = parse_date(day.value or '', 'until', 'Snooze until', required=True) or today
        except ValidationError as error:
            show_error(day, str(error))
            return
        snooze(until)

    with ui.dialog() as dialog, ui.card().classes('gap-3').mark('snooze-dialog'):
        dialog.on('hide', dialog.delete)
        ui.label(f'Snooze "{followup.title}"').classes('font-semibold')
        with ui.row().classes('gap-2'):
            for label, days in SNOOZES:
                ui.button(label, on_click=lambda d=days: snooze(today + timedelta(days=d))) \
                    .props('outline no-caps' + (f' {autofocus()}' if days == 1 else '')).mark(f'snooze-{days}')
        with ui.row().classes('w-full items-end gap-2 no-wrap'):
            day = ui.input('Or until', value=(today + timedelta(days=14)).isoformat(), placeholder='YYYY-MM-DD') \
                .on('keydown.enter', until_typed).classes('grow').mark('snooze-until')
            ui.button('Snooze', on_click=until_typed).props('no-caps').mark('snooze-save')
        with ui.row().classes('w-full justify-end'):
            ui.button('Cancel', on_click=dialog.close).props('flat no-caps')
    dialog.open()


def _act(ctx: AppContext, action: Callable[[], object], success: str | Callable[[Any], str], refresh: Refresh) -> None:
    # Re-render after a successful action, with "Undo" in its toast; on failure nothing changed and the user was told.
    act_undoably(ctx.store, action, success, refresh)


def _moved(contact: Contact) -> str:
    return f'Moved {contact.name} to {contact.stage.label}.'
