"""Introductions advocates made: recording them, thanking for them."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Interaction, InteractionKind, Introduction
from careernet_ui.domain.forms.introduction import IntroductionForm
from careernet_ui.domain.introductions import thank_for
from storage import Store


def save_introduction(store: Store, form: IntroductionForm, existing_id: str | None, today: date, *,
                      base: Introduction | None = None) -> Introduction:
    """Validate the form against the stored contacts and applications, and store the introduction.

    Raises:
        ValidationError: the form is invalid (the error names the field); nothing is stored.
        NotFoundError: the introduction being edited was deleted meanwhile.
    """
    # ``base`` is the revision the form was built from: a save from another tab since is merged
    # field by field, or refused when both changed the same field.
    existing = store.introductions.get(existing_id) if existing_id else None
    if existing is not None and base is not None and base.id == existing.id:
        existing = base

    def application_label(application_id: str) -> str | None:
        application = store.applications.find(application_id)
        return f'{application.position} at {application.company}' if application else None

    introduction = form.to_introduction(existing, today, is_contact=store.contacts.__contains__,
                                        application_label=application_label)
    return store.introductions.put(introduction, base=existing if base is not None else None)


def thank_for_introduction(store: Store, introduction_id: str, on: date, today: date) -> Introduction:
    """The user thanked the advocate on ``on``: note it on the introduction and log a thank-you.

    Raises:
        NotFoundError: the introduction or the advocate no longer exists.
        ValidationError: ``on`` is in the future or before the introduction; nothing is stored.
    """
    introduction = store.introductions.get(introduction_id)
    store.contacts.get(introduction.advocate_id)
    with store.transaction():
        thanked = store.introductions.update(thank_for(introduction, on, today))
        store.interactions.add(Interaction(contact_id=introduction.advocate_id, kind=InteractionKind.THANK_YOU, on=on,
                                           note=f'Thanked them for the introduction to {introduction.to_whom}.'))
    return thanked


def delete_introduction(store: Store, introduction_id: str) -> Introduction:
    """Delete an introduction (the application it led to stays); returns it."""
    introduction = store.introductions.get(introduction_id)
    with store.transaction():
        store.followup_states.delete_many(s.id for s in store.followup_states if introduction_id in s.followup_id)
        store.introductions.delete(introduction_id)
    return introduction
