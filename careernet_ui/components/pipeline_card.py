"""One person on the pipeline board: who, where they work, when you last spoke, and two actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui.element import Element

from careernet_ui.domain import Contact, wording
from careernet_ui.domain.board import BoardCard
from careernet_ui.nicegui_compat import ReadAs

from .badges import badge_classes
from .plain_button import PLAIN_BUTTON_CLASSES

CARD_CLASS = 'careernet-card'
"""The class SortableJS drags by: only cards move, never a column's labels."""


class PipelineCard(ReadAs, Element, component='pipeline_card.js'):
    """A card on the board, drawn in the browser by one small component from its props.

    The board shows forty of these. As NiceGUI elements each card was five or six (a link, a
    label, a badge, two buttons), and the browser mounts each element before the page shows; one
    component per card makes the board measurably faster at 30,000 contacts (``bench.pages``,
    figures in bench/README.md). The buttons emit ``log`` and ``move``; the name is a plain link.
    NiceGUI's simulated user reads the name, the details and "Overdue" as the card's content.
    """

    def __init__(
        self,
        card: BoardCard,
        today: date,
        on_move: Callable[[Contact], None],
        on_log: Callable[[Contact], None],
        *,
        highlight: bool = False,
    ) -> None:
        """Make the card in the current container.

        Args:
            card: The person and where keeping in touch with them stands.
            today: The day "days ago" counts to.
            on_move: Called with the contact when "Move to…" is pressed.
            on_log: Called with the contact when "Log" is pressed.
            highlight: Outline the card: the user just moved or logged it, so they see where it went.
        """
        super().__init__()
        contact = card.contact
        self.contact = contact
        self._props.update(
            name=contact.name,
            href=f'/contacts/{contact.id}',
            # Each part is drawn in its own <bdi>: a Hebrew organisation beside an Arabic role does not scramble.
            parts=[part for part in (contact.role.label, contact.organisation) if part],
            last=_last_contact(card.catch_up.last_contact, today),
            overdue=card.catch_up.overdue,
            badgeClass=f"{badge_classes('negative')} absolute top-2 right-2",
            buttonClass=PLAIN_BUTTON_CLASSES,
        )
        self._props['data-contact'] = contact.id
        # Quasar's card classes give the look (its colour classes would win over a dark-mode one).
        self.classes(f'{CARD_CLASS} q-card dark:bg-[var(--q-dark)] flex flex-wrap items-center w-full p-2 '
                     'cursor-grab')
        if highlight:
            self.style('box-shadow: 0 0 0 2px var(--q-primary)')
        self.on('log', lambda: on_log(contact))
        self.on('move', lambda: on_move(contact))

    @property
    def overdue(self) -> bool:
        """Whether the catch-up with this person is overdue (the card shows a badge)."""
        return bool(self._props['overdue'])

    @property
    def details(self) -> str:
        """The role and organisation, then when you last spoke, as the card's second and third lines read."""
        return f"{' · '.join(self._props['parts'])}\n{self._props['last']}"

    def read_as(self) -> list[object]:
        """The name, the details and "Overdue" when it is."""
        props = self._props
        return [props['name'], self.details, 'Overdue' if props['overdue'] else None]


def _last_contact(last: date | None, today: date) -> str:
    if last is None:
        return 'Never contacted'
    days = (today - last).days
    ago = 'today' if days == 0 else f'{wording.days(days)} ago' if days > 0 else 'planned'
    return f'Last contact {wording.day_label(last)} ({ago})'
