"""A person's feedback log: their entries in order, and where each one stands, in words."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from . import wording
from .feedback import Feedback


def feedback_of(feedback: Iterable[Feedback], contact_id: str) -> list[Feedback]:
    """The feedback asked of or given by one person, latest first (by received, else asked, date)."""
    mine = [entry for entry in feedback if entry.contact_id == contact_id]
    mine.sort(key=lambda f: (f.received_on or f.asked_on or date.min, f.created_at, f.id), reverse=True)
    return mine


def status_line(feedback: Feedback, today: date) -> str:
    """Where a feedback entry stands, e.g. ``Asked 3 Oct 2026 · no answer yet (12 days)``."""
    parts = []
    if feedback.asked_on is not None:
        parts.append(f'Asked {wording.day_label(feedback.asked_on)}')
    if feedback.received_on is not None:
        parts.append(f'{"received" if parts else "Received"} {wording.day_label(feedback.received_on)}')
    elif feedback.asked_on is not None:
        waited = (today - feedback.asked_on).days
        parts.append(f'no answer yet ({wording.days(waited)})' if waited > 0 else 'no answer yet')
    return ' · '.join(parts)
