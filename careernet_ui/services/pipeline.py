"""Moving people along the relationship pipeline."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Contact, Stage
from careernet_ui.domain.contacts import move_to_stage, note_last_move
from storage import Store


def move_contact(store: Store, contact_id: str, stage: Stage | str, on: date, note: str = '') -> Contact:
    """Move a contact to ``stage`` on ``on``, recording the dated change (and ``note``) in their history.

    Args:
        store: The open store.
        contact_id: Whom to move.
        stage: The stage to move to (a stage or its value, as a request carries it).
        on: The day of the move.
        note: Why, optionally (up to 500 characters).

    Returns:
        The stored contact; unchanged, and nothing written, when they are already at ``stage``.

    Raises:
        NotFoundError: no such contact (deleted in another tab, perhaps).
        ValidationError: an unknown stage or too long a note; nothing is stored.
    """
    contact = store.contacts.get(contact_id)
    moved = move_to_stage(contact, stage, on, note)
    if moved is contact:
        return contact
    return store.contacts.update(moved)


def note_move(store: Store, contact_id: str, note: str) -> Contact:
    """Say why the contact's latest move was made (a drag-and-drop move has no note).

    Raises:
        NotFoundError: no such contact.
        ValidationError: they never moved, or the note is too long; nothing is stored.
    """
    return store.contacts.update(note_last_move(store.contacts.get(contact_id), note))
