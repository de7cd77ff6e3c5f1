"""The contact page's keep-in-touch card and timeline, refreshed together when something is logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, wording
from careernet_ui.domain.catch_up import CatchUp, catch_up
from careernet_ui.domain.dashboard import due_text
from careernet_ui.domain.followups.keep_in_touch import keep_in_touch_id
from careernet_ui.domain.timeline import TimelineEntry, timeline
from careernet_ui.domain.touches import last_touch, touch_label

from .focus_return import focus_after_dialog, focus_key, focus_selector
from .interaction_dialog import open_log_dialog
from .record_changes import on_record_change, record_changed

TIMELINE_FIRST = 30
"""Entries shown before "Show all": a long-standing advocate can have hundreds."""

_ICONS = {'stage': 'trending_up', 'interaction': 'forum', 'accomplishment': 'emoji_events', 'feedback': 'rate_review',
          'reference': 'verified', 'introduction': 'handshake'}


def contact_activity(ctx: AppContext, contact: Contact) -> None:
    """Keep in touch (next catch-up, last contact, "Log interaction") and the timeline, newest first.

    A contact-page section: logging an interaction re-renders both, so the next-due date moves.
    """
    show_all = False

    @ui.refreshable
    def activity() -> None:
        current = ctx.store.contacts.find(contact.id) or contact
        network = ctx.store.network()
        today = ctx.today()
        status = catch_up(current, network.settings, last_touch(network, current.id, today),
                          ctx.store.followup_states.find(keep_in_touch_id(current.id)), today)
        _keep_in_touch(ctx, current, status, today)
        entries = timeline(network, current)
        _timeline(entries if show_all else entries[:TIMELINE_FIRST], len(entries), expand)

    def expand() -> None:
        nonlocal show_all
        show_all = True
        activity.refresh()

    activity()
    # Logging here, and feedback, introductions and the like recorded in the page's other cards, are
    # touches: the cadence and the timeline follow them (and those cards follow what a log implies).
    on_record_change(activity.refresh)


def _keep_in_touch(ctx: AppContext, contact: Contact, status: CatchUp, today: date) -> None:
    def logged(_: object) -> None:
        record_changed()  # redraws this card: the focus goes to its new "Log interaction"
        focus_after_dialog(focus_selector('log-interaction'))

    with ui.card().classes('w-full gap-1').mark('contact-keep-in-touch'):
        with ui.row().classes('w-full items-center'):
            ui.label('Keep in touch').classes('text-lg font-semibold')
            ui.space()
            ui.button('Log interaction', icon='add_comment', on_click=lambda: open_log_dialog(ctx, contact, logged)) \
                .props(f'outline dense no-caps {focus_key("log-interaction")}').mark('log-interaction')
        ui.label(_next_due(status, today)).classes('text-negative' if status.overdue else '') \
            .mark('contact-next-due')
        last = status.last_interaction
        if last is not None:
            text = f'Last contact {wording.day_label(last.on)} — {touch_label(last)}'
        elif status.cadence is not None:
            text = f'Never contacted; the cadence counts from {wording.day_label(status.counts_from)}.'
        else:
            text = 'Never contacted.'

        ui.label(text).classes('text-sm text-grey-8').mark('contact-last-contact')


def _next_due(status: CatchUp, today: date) -> str:
    if status.next_due is None:
        return 'No keep-in-touch reminder: set a cadence to get one.'
    snoozed = ' (snoozed)' if status.snoozed else ''
    return f'Next catch-up {wording.day_label(status.next_due)}: {due_text(status.next_due, today)}{snoozed}'


def _timeline(entries: list[TimelineEntry], total: int, expand: Callable[[], None]) -> None:
    with ui.card().classes('w-full gap-2').mark('contact-timeline'):
        ui.label('Timeline').classes('text-lg font-semibold')
        if not entries:
            ui.label('Nothing logged yet. Log a call, a coffee or an e-mail to start the story.') \
                .classes('text-grey-7').mark('timeline-empty')
        for entry in entries:
            with ui.row().classes('w-full gap-2 no-wrap items-start'):
                ui.icon(_ICONS.get(entry.kind.partition(':')[0], 'event')).classes('text-grey-7 mt-1')
                with ui.column().classes('gap-0 grow min-w-0'):
                    heading = f'{wording.day_label(entry.on)} · {entry.title}'
                    if entry.link:
                        ui.link(heading, entry.link).classes('text-sm font-medium').mark('timeline-entry')
                    else:
                        ui.label(heading).classes('text-sm font-medium').mark('timeline-entry')
                    if entry.detail:
                        ui.label(entry.detail).classes('text-sm text-grey-8 whitespace-pre-wrap break-words')
        if total > len(entries):
            ui.button(f'Show all {total:,}', on_click=expand).props('flat dense no-caps') \
                .mark('timeline-show-all')
