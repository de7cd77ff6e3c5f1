"""Seek regular feedback: ask each person at a stage with a feedback cadence, every so often.

The seed: "Seek regular feedback", and "seek their advice and feedback" from advocates. Settings
hold a feedback cadence per stage (none until the user sets one; every 180 days suits references
and advocates). Someone is due to be asked that many days after feedback last went either way with them
(feedback asked for or given, recorded or logged as "feedback asked"), or, never asked, after
they reached their stage. Asking (or recording feedback) starts a new cycle; the follow-up id
names the due date, so marking one done or dismissing it never hides the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from .. import wording
from ..interactions import InteractionKind
from ..network import Network
from .followup import FollowUp
from .network_index import NetworkIndex

ASK_FEEDBACK = 'ask_feedback'


def ask_feedback(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Follow-up kind: ask for feedback when a person's feedback cadence comes due."""
    every = network.settings.feedback_days
    if not any(every.values()):
        return
    last: dict[str, date] = {}
    for feedback in network.feedback:
        for day in (feedback.asked_on, feedback.received_on):
            if day is not None and day <= today and day > last.get(feedback.contact_id, date.min):
                last[feedback.contact_id] = day
    for interaction in index.by_kind[InteractionKind.FEEDBACK_ASKED]:
        if interaction.on > last.get(interaction.contact_id, date.min):
            last[interaction.contact_id] = interaction.on
    for contact in network.contacts:
        days = every.get(contact.stage)
        if days is None:
            continue
        asked = last.get(contact.id)
        since = asked if asked is not None else (
            max(change.on for change in contact.stage_history) if contact.stage_history else contact.created_at.date())
        due = since + timedelta(days=days)
        if due > index.last_day:
            continue
        before = (f'You last asked for or got feedback on {wording.day_label(asked)}.' if asked is not None
                  else 'You have not asked them for feedback yet.')
        yield FollowUp(
            id=f'{ASK_FEEDBACK}:{contact.id}:{due.isoformat()}',
            kind=ASK_FEEDBACK,
            due=due,
            title=f'Ask {contact.name} for feedback',
            reason=f'{contact.stage.label}s: ask for feedback every {wording.days(days)}. {before} What they say '
                   'shows you value their view, and gives them concrete examples to vouch for.',
            link=f'/contacts/{contact.id}',
            contact_id=contact.id,
            changed_at=contact.updated_at,
        )
