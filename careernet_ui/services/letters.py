"""Recommendation letters: asking, receiving, thanking, deleting."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain.letters import LetterForm, RecommendationLetter, received, thanked
from storage import Store


def save_letter(store: Store, contact_id: str, form: LetterForm, existing_id: str | None, today: date, *,
                base: RecommendationLetter | None = None) -> RecommendationLetter:
    """Validate the form against the stored contacts and applications, and store the letter request.

    Raises:
        ValidationError: the form is invalid (the error names the field); nothing is stored.
        NotFoundError: the contact, or the letter being edited, was deleted meanwhile.
    """
    store.contacts.get(contact_id)
    existing = store.letters.get(existing_id) if existing_id else None
    if existing is not None and base is not None and base.id == existing.id:
        existing = base

    def application_label(application_id: str) -> str | None:
        application = store.applications.find(application_id)
        return f'{application.position} at {application.company}' if application else None

    letter = form.to_letter(contact_id, existing, today, application_label=application_label)
    return store.letters.put(letter, base=existing if base is not None else None)


def mark_received(store: Store, letter_id: str, on: date, today: date) -> RecommendationLetter:
    """The letter came on ``on``.

    Raises:
        NotFoundError: the letter no longer exists.
        ValidationError: ``on`` is in the future or before it was asked; nothing is stored.
    """
    return store.letters.update(received(store.letters.get(letter_id), on, today))


def mark_thanked(store: Store, letter_id: str, on: date, today: date) -> RecommendationLetter:
    """The user thanked them for the letter on ``on`` (a touch, like any thank-you).

    Raises:
        NotFoundError: the letter no longer exists.
        ValidationError: ``on`` is in the future, or before the letter came; nothing is stored.
    """
    return store.letters.update(thanked(store.letters.get(letter_id), on, today))


def delete_letter(store: Store, letter_id: str) -> RecommendationLetter:
    """Delete a letter request and the decisions about its follow-ups; returns it.

    Raises:
        NotFoundError: it was already deleted.
    """
    letter = store.letters.get(letter_id)
    with store.transaction():
        store.followup_states.delete_many(s.id for s in store.followup_states if letter_id in s.followup_id)
        store.letters.delete(letter_id)
    return letter
