"""Operations on accomplishments that reach into other records: witnesses, feedback, shares."""

from __future__ import annotations

import dataclasses
from datetime import date

from careernet_ui.domain import (
    Accomplishment,
    Contact,
    Interaction,
    InteractionKind,
    Share,
    ValidationError,
    wording,
)
from careernet_ui.domain.accomplishment_search import AccomplishmentQuery, matching
from careernet_ui.domain.brag import brag_markdown
from careernet_ui.domain.forms.accomplishment import AccomplishmentForm
from careernet_ui.domain.updates import share_note
from storage import Store


def save_accomplishment(store: Store, form: AccomplishmentForm, existing_id: str | None, today: date, *,
                        base: Accomplishment | None = None) -> Accomplishment:
    """Validate the form against the stored contacts and store the accomplishment.

    Args:
        store: The open store.
        form: What the user typed and chose.
        existing_id: The accomplishment being edited, or None to add one.
        today: The user's today.

    Returns:
        The stored accomplishment.

    Raises:
        ValidationError: the form is invalid (the error names the field).
        NotFoundError: the accomplishment being edited was deleted meanwhile.
    """
    # ``base`` is the revision the form was built from: a save from another tab since is merged
    # field by field, or refused when both changed the same field.
    existing = store.accomplishments.get(existing_id) if existing_id else None
    if existing is not None and base is not None and base.id == existing.id:
        existing = base
    accomplishment = form.to_accomplishment(existing, today, is_contact=store.contacts.__contains__)
    return store.accomplishments.put(accomplishment, base=existing if base is not None else None)


def delete_accomplishment(store: Store, accomplishment_id: str) -> Accomplishment:
    """Delete an accomplishment; feedback that was linked to it stays, without the link.

    Returns:
        The deleted accomplishment.
    """
    accomplishment = store.accomplishments.get(accomplishment_id)
    with store.transaction():
        store.feedback.update_many(
            dataclasses.replace(f, accomplishment_ids=tuple(a for a in f.accomplishment_ids if a != accomplishment_id))
            for f in store.feedback
            if accomplishment_id in f.accomplishment_ids
        )
        store.accomplishments.delete(accomplishment_id)
    return accomplishment


def record_share(store: Store, accomplishment_id: str, contact_id: str, on: date, today: date) -> Accomplishment:
    """The user told ``contact_id`` about the accomplishment on ``on``: record it on both sides.

    The accomplishment gets a ``Share``, and the person's log an "update sent" interaction (which,
    like any interaction, resets their keep-in-touch cadence).

    Args:
        store: The open store.
        accomplishment_id: What was shared.
        contact_id: With whom.
        on: The day it was shared.
        today: The user's today; ``on`` may not be after it.

    Returns:
        The updated accomplishment.

    Raises:
        NotFoundError: the accomplishment or the contact no longer exists.
        ValidationError: ``on`` is in the future, or this share is already recorded.
    """
    accomplishment = store.accomplishments.get(accomplishment_id)
    contact = store.contacts.get(contact_id)
    if on > today:
        raise ValidationError(f'{wording.day_label(on)} is in the future: record a share once it is sent.',
                              field='on')
    if any(s.contact_id == contact_id and s.on == on for s in accomplishment.shared):
        raise ValidationError(f'Already recorded: shared with {contact.name} on {wording.day_label(on)}.',
                              field='on')
    with store.transaction():
        store.interactions.add(
            Interaction(contact_id=contact_id, kind=InteractionKind.UPDATE_SENT, on=on, note=share_note(accomplishment))
        )
        shared = sorted([*accomplishment.shared, Share(contact_id=contact_id, on=on)],
                        key=lambda s: (s.on, s.contact_id))
        return store.accomplishments.update(dataclasses.replace(accomplishment, shared=tuple(shared)))


def brag_document(store: Store, query: AccomplishmentQuery, today: date) -> tuple[str, int]:
    """The Markdown brag document of every accomplishment ``query`` matches (its paging is ignored).

    Args:
        store: The open store.
        query: The search text and filters (tag, year, witness) to apply.
        today: The export date.

    Returns:
        The document and how many accomplishments it holds.
    """
    chosen = matching(store.accomplishments, query)
    included = {a.id for a in chosen}
    linked = [f for f in store.feedback if included.intersection(f.accomplishment_ids)]
    # Only the people named, not a 30,000-entry dict of everyone.
    people: dict[str, Contact] = {}
    for contact_id in [w for a in chosen for w in a.witness_ids] + [f.contact_id for f in linked]:
        contact = store.contacts.find(contact_id)
        if contact is not None:
            people[contact_id] = contact
    return brag_markdown(chosen, people, today, feedback=linked), len(chosen)
