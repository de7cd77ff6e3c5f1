"""Follow-up kind: nudge someone who has not answered a request for feedback within 14 days.

A feedback entry asked on a day (``asked_on``) with nothing received yet (``received_on`` empty)
is due for a gentle nudge ``NUDGE_AFTER_DAYS`` after the asking. Recording the feedback (a
received date) ends it; so do done and dismiss, as for every kind. It lapses ``NUDGE_UNTIL_DAYS``
after the asking: a nudge about a request that old is awkward, and asking afresh works better.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from .. import wording
from ..network import Network
from .followup import FollowUp
from .network_index import NetworkIndex

FEEDBACK_NUDGE = 'feedback_nudge'
NUDGE_AFTER_DAYS = 14
NUDGE_UNTIL_DAYS = 90


def feedback_nudge_id(feedback_id: str) -> str:
    """The stable follow-up id of the nudge for one feedback request."""
    return f'{FEEDBACK_NUDGE}:{feedback_id}'


def feedback_nudge(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Follow-up kind: feedback asked for and not received, ``NUDGE_AFTER_DAYS`` after asking.

    Args:
        network: Everything stored.
        index: The network indexed for ``today``.
        today: The day to compute for.

    Yields:
        One nudge per unanswered request whose person is still a contact, due asked_on + 14 days,
        until asked_on + 90 days.
    """
    wait = timedelta(days=NUDGE_AFTER_DAYS)
    lapse = timedelta(days=NUDGE_UNTIL_DAYS)
    for feedback in network.feedback:
        asked = feedback.asked_on
        if asked is None or feedback.received_on is not None:
            continue
        due = asked + wait
        if due > index.last_day or today > asked + lapse:
            continue
        contact = index.contacts.get(feedback.contact_id)
        if contact is None:
            continue
        changed_at = feedback.updated_at
        if contact.updated_at.timestamp() > changed_at.timestamp():
            changed_at = contact.updated_at  # a renamed contact changes the title
        yield FollowUp(
            id=feedback_nudge_id(feedback.id),
            kind=FEEDBACK_NUDGE,
            due=due,
            title=f'Nudge {contact.name} about the feedback you asked for on {_asked_label(asked, due)}',
            reason=(
                f'You asked {contact.name} for feedback on {wording.day_label(asked)} and have not recorded '
                f'an answer. A short, friendly reminder is welcome; when they reply, record what they said.'
            ),
            link=f'/contacts/{contact.id}',
            contact_id=contact.id,
            changed_at=changed_at,
        )


def _asked_label(asked: date, due: date) -> str:
    # "3 Oct" reads best; the year is named only when the nudge falls in a later one. Judged
    # against the due date, not today, so the title (and its calendar event) never changes.
    label = wording.day_label(asked)
    return label if asked.year != due.year else label.rsplit(' ', 1)[0]
