"""Logging what happened with a person."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Interaction, InteractionKind
from careernet_ui.domain.interaction_log import InteractionForm, new_interaction
from storage import Store


def log_interaction(
    store: Store,
    contact_id: str,
    kind: InteractionKind | str | None,
    on: date | None,
    note: str,
    today: date,
) -> Interaction:
    """Store an interaction with a contact; their keep-in-touch cycle restarts from its date.

    Args:
        store: The open store.
        contact_id: Whom it was with.
        kind: What it was.
        on: When it happened: not after ``today``.
        note: What was said or agreed.
        today: The current day.

    Returns:
        The stored interaction.

    Raises:
        NotFoundError: no such contact.
        ValidationError: an empty or unknown kind, a missing or future date, an over-long note;
            nothing is stored.
    """
    store.contacts.get(contact_id)
    interaction = new_interaction(contact_id=contact_id, kind=kind, on=on, note=note, today=today)
    return store.interactions.add(interaction)


def log_interaction_form(store: Store, contact_id: str, form: InteractionForm, today: date) -> Interaction:
    """Store the interaction the "Log interaction" dialog describes.

    Raises:
        NotFoundError: no such contact.
        ValidationError: naming the form field to fix; nothing is stored.
    """
    store.contacts.get(contact_id)
    return store.interactions.add(form.to_interaction(contact_id, today))
