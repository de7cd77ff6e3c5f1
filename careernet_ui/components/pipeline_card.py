"""One person on the pipeline board: who, where they work, when you last spoke, and two actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import ui

from careernet_ui.domain import Contact, wording
from careernet_ui.domain.board import BoardCard

CARD_CLASS = 'careernet-card'
"""The class SortableJS drags by: only cards move, never a column's labels."""


def pipeline_card(
    card: BoardCard,
    today: date,
    on_move: Callable[[Contact], None],
    on_log: Callable[[Contact], None],
) -> ui.card:
    """Render ``card``; the buttons call ``on_move`` / ``on_log`` with its contact.

    Kept to a handful of elements: a column shows dozens of these and the board must stay light
    at 30,000 contacts.
    """
    contact = card.contact
    status = card.catch_up
    with ui.card().classes(f'{CARD_CLASS} w-full p-2 gap-0 cursor-grab') \
            .props(f'data-contact={contact.id}').mark('pipeline-card', f'card-{contact.id}') as element:
        with ui.row().classes('w-full items-center gap-1 no-wrap'):
            # draggable=false: a link drags its URL, not the card, unless told otherwise.
            ui.link(contact.name, f'/contacts/{contact.id}').props('draggable=false') \
                .classes('font-medium grow min-w-0 truncate').mark('card-name')
            if status.overdue:
                ui.badge('Overdue', color='negative').props('aria-label="Catch-up overdue"').mark('card-overdue')
        details = ' · '.join(part for part in (contact.role.label, contact.organisation) if part)
        ui.label(details).classes('text-xs text-grey-8 truncate w-full')
        ui.label(_last_contact(status.last_contact, today)).classes('text-xs text-grey-7').mark('card-last')
        with ui.row().classes('w-full justify-end gap-0'):
            log = ui.button(icon='add_comment', on_click=lambda: on_log(contact)) \
                .props('flat dense round size=sm').tooltip('Log interaction').mark('card-log', f'log-{contact.id}')
            log.props['aria-label'] = f'Log an interaction with {contact.name}'
            move = ui.button('Move to…', on_click=lambda: on_move(contact)) \
                .props('flat dense no-caps size=sm').mark('card-move', f'move-{contact.id}')
            move.props['aria-label'] = f'Move {contact.name} to another stage'
    return element


def _last_contact(last: date, today: date) -> str:
    days = (today - last).days
    ago = 'today' if days == 0 else f'{wording.days(days)} ago' if days > 0 else 'planned'
    return f'Last contact {wording.day_label(last)} ({ago})'

