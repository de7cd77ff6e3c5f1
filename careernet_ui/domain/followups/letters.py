"""Follow-up kinds for recommendation letters: a nudge while one has not come, a thank-you once it has.

A letter asked for ``NUDGE_AFTER_DAYS`` ago that has not come gets "Ask <name> about the
recommendation letter", due that day (not before). A letter that came gets "Thank <name> for the
recommendation letter", due the day it came, until the user thanks them: on the letter itself, or
with any thank-you touch with them (logged, or implied by another record) on or after that day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from .. import wording
from ..interactions import InteractionKind
from ..network import Network
from .followup import FollowUp
from .network_index import NetworkIndex

LETTER_NUDGE = 'letter_nudge'
THANK_FOR_LETTER = 'thank_for_letter'
NUDGE_AFTER_DAYS = 14


def letter_nudge(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Follow-up kind: a letter asked for ``NUDGE_AFTER_DAYS`` ago (or more) that has not come."""
    if not network.letters:
        return
    names = {contact.id: contact.name for contact in network.contacts}
    for letter in network.letters:
        name = names.get(letter.contact_id)
        if letter.received_on is not None or name is None:
            continue
        due = letter.asked_on + timedelta(days=NUDGE_AFTER_DAYS)
        if due > index.last_day:
            continue
        yield FollowUp(
            id=f'{LETTER_NUDGE}:{letter.id}',
            kind=LETTER_NUDGE,
            due=due,
            title=f'Ask {name} about the recommendation letter for {letter.purpose}',
            reason=f'You asked on {wording.day_label(letter.asked_on)} and no letter has come. A friendly nudge '
                   'helps: offer your brief, the deadline, and the points you hope they will cover.',
            link=f'/contacts/{letter.contact_id}',
            contact_id=letter.contact_id,
            changed_at=letter.updated_at,
        )


def letter_thanks(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Follow-up kind: thank someone for a letter that came, until a thank-you on or after that day."""
    if not network.letters:
        return
    names = {contact.id: contact.name for contact in network.contacts}
    thank_yous: dict[str, date] = {}
    for touch in index.by_kind[InteractionKind.THANK_YOU]:
        if touch.on > thank_yous.get(touch.contact_id, date.min):
            thank_yous[touch.contact_id] = touch.on
    for letter in network.letters:
        name = names.get(letter.contact_id)
        came = letter.received_on
        if came is None or letter.thanked_on is not None or name is None or came > index.last_day:
            continue
        if thank_yous.get(letter.contact_id, date.min) >= came:
            continue
        yield FollowUp(
            id=f'{THANK_FOR_LETTER}:{letter.id}',
            kind=THANK_FOR_LETTER,
            due=came,
            title=f'Thank {name} for the recommendation letter',
            reason=f'Their letter for {letter.purpose} came on {wording.day_label(came)}. A letter takes an '
                   'evening to write: thank them, and tell them how it goes.',
            link=f'/contacts/{letter.contact_id}',
            contact_id=letter.contact_id,
            changed_at=letter.updated_at,
        )
