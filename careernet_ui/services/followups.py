"""Acting on a follow-up: done, dismissed, snoozed, or (for a stage suggestion) applied."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Contact, FollowUp, FollowUpState, ValidationError
from careernet_ui.domain.followups.actions import dismiss, mark_done, snooze
from careernet_ui.domain.followups.stage_suggestion import suggested_stage
from storage import Store

from .pipeline import move_contact


def complete_follow_up(store: Store, followup: FollowUp, today: date) -> FollowUpState:
    """Record that the user did ``followup``; it leaves the list until it next comes due."""
    return store.followup_states.put(mark_done(followup, today))


def dismiss_follow_up(store: Store, followup: FollowUp, today: date) -> FollowUpState:
    """Record that the user will not do ``followup`` this time."""
    return store.followup_states.put(dismiss(followup, today))


def snooze_follow_up(store: Store, followup: FollowUp, today: date, until: date) -> FollowUpState:
    """Hide ``followup`` until ``until``.

    Raises:
        ValidationError: ``until`` is not after ``today``; nothing is stored.
    """
    return store.followup_states.put(snooze(followup, today, until))


def bring_back(store: Store, followup_id: str) -> FollowUpState:
    """Forget the user's snooze or dismissal of a follow-up: it is due again as it was before.

    Returns:
        The decision that was forgotten.

    Raises:
        NotFoundError: there is no decision about it (brought back in another tab, perhaps).
    """
    state = store.followup_states.get(followup_id)
    store.followup_states.delete(followup_id)
    return state


def apply_stage_suggestion(store: Store, followup: FollowUp, today: date) -> Contact:
    """Move the contact a stage suggestion names to the suggested stage, noting the evidence.

    Returns:
        The stored contact.

    Raises:
        ValidationError: ``followup`` is not a stage suggestion.
        NotFoundError: its contact no longer exists.
    """
    stage = suggested_stage(followup)
    if stage is None or followup.contact_id is None:
        raise ValidationError(f'"{followup.title}" does not suggest a stage to move to.', field='followup')
    evidence, _, _ = followup.title.partition(': mark as')
    return move_contact(store, followup.contact_id, stage, today, note=f'Suggested: {evidence}'[:500])
