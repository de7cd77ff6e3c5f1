"""Storing feedback asked of and given by contacts, checked against the stored records."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Feedback
from careernet_ui.domain.forms.feedback import FeedbackForm
from storage import Store


def save_feedback(store: Store, form: FeedbackForm, existing_id: str | None, today: date, *,
                  base: Feedback | None = None) -> Feedback:
    """Validate the form against the stored contacts and accomplishments, and store the feedback.

    Args:
        store: The open store.
        form: What the user typed and chose.
        existing_id: The feedback being edited, or None to add an entry.
        today: The user's today.

    Returns:
        The stored feedback.

    Raises:
        ValidationError: the form is invalid (the error names the field); nothing is stored.
        NotFoundError: the feedback being edited was deleted meanwhile.
    """
    # ``base`` is the revision the form was built from: a save from another tab since is merged
    # field by field, or refused when both changed the same field.
    existing = store.feedback.get(existing_id) if existing_id else None
    if existing is not None and base is not None and base.id == existing.id:
        existing = base
    feedback = form.to_feedback(existing, today, is_contact=store.contacts.__contains__,
                                is_accomplishment=store.accomplishments.__contains__)
    return store.feedback.put(feedback, base=existing if base is not None else None)


def delete_feedback(store: Store, feedback_id: str) -> Feedback:
    """Delete one feedback entry; returns it."""
    feedback = store.feedback.get(feedback_id)
    store.feedback.delete(feedback_id)
    return feedback
