"""One person on the pipeline board: who, where they work, when you last spoke, and two actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import ui
from nicegui.element import Element
from nicegui.elements.mixins.text_element import TextElement

from careernet_ui.domain import Contact, wording
from careernet_ui.domain.board import BoardCard

from .badges import BADGE_CLASSES
from .plain_button import PlainButton
from .plain_link import PlainLink

CARD_CLASS = 'careernet-card'
"""The class SortableJS drags by: only cards move, never a column's labels."""


def pipeline_card(
    card: BoardCard,
    today: date,
    on_move: Callable[[Contact], None],
    on_log: Callable[[Contact], None],
    *,
    highlight: bool = False,
) -> Element:
    """Render ``card``; the buttons call ``on_move`` / ``on_log`` with its contact.

    ``highlight`` outlines a card the user just moved or logged, so they see where it went.

    Kept to five or six plain elements: a column shows dozens of these and the board must stay
    light at 30,000 contacts.
    """
    contact = card.contact
    status = card.catch_up
    # A plain <div> in a card's look, not a Quasar card, and no rows: a column shows dozens of
    # these, and every element and Quasar component costs the browser time before the page shows.
    # Flex-wrap lays it out: name and details take a line each, the buttons share the last one.
    # Quasar's card classes give the look (its colour classes would win over a dark-mode one).
    with Element('div').classes(f'{CARD_CLASS} q-card dark:bg-[var(--q-dark)] flex flex-wrap items-center w-full '
                                'p-2 cursor-grab') \
            .props(f'data-contact={contact.id}').mark('pipeline-card', f'card-{contact.id}') as element:
        if highlight:
            element.style('box-shadow: 0 0 0 2px var(--q-primary)')
        # The overdue badge sits in the top corner; the name leaves it room.
        # draggable=false: a link drags its URL, not the card, unless told otherwise.
        PlainLink(contact.name, f'/contacts/{contact.id}').props('draggable=false') \
            .classes('font-medium truncate w-full' + (' pr-16' if status.overdue else '')) \
            .mark('card-name')
        if status.overdue:
            TextElement(tag='span', text='Overdue').props('aria-label="Catch-up overdue"') \
                .classes(f'{BADGE_CLASSES} bg-negative absolute top-2 right-2').mark('card-overdue')
        details = ' · '.join(part for part in (contact.role.label, contact.organisation) if part)
        # One label for both lines: every element counts when a board shows dozens of cards.
        ui.label(f'{details}\n{_last_contact(status.last_contact, today)}') \
            .classes('text-xs text-grey-8 whitespace-pre-line w-full').mark('card-details')
        PlainButton('Log', lambda: on_log(contact), aria_label=f'Log an interaction with {contact.name}') \
            .classes('ml-auto').mark('card-log', f'log-{contact.id}')
        PlainButton('Move to…', lambda: on_move(contact), aria_label=f'Move {contact.name} to another stage') \
            .mark('card-move', f'move-{contact.id}')
    return element


def _last_contact(last: date, today: date) -> str:
    days = (today - last).days
    ago = 'today' if days == 0 else f'{wording.days(days)} ago' if days > 0 else 'planned'
    return f'Last contact {wording.day_label(last)} ({ago})'

