"""Operations on a contact that reach into other records."""

from __future__ import annotations

import dataclasses
from datetime import date

from careernet_ui.domain import Contact
from careernet_ui.domain.forms.contact import ContactForm
from careernet_ui.importers.plan import plan_import
from careernet_ui.importers.results import ParsedRow
from storage import Store


def delete_contact(store: Store, contact_id: str) -> Contact:
    """Delete a contact and what exists only because of them; returns the deleted contact.

    Their interactions, feedback, reference requests, introductions they made, letters and follow-up
    states go; accomplishments they witnessed stay, without them as a witness. One write: all
    of it or, when the write fails, none.
    """
    with store.transaction():
        contact = store.contacts.get(contact_id)
        store.interactions.delete_many(i.id for i in store.interactions if i.contact_id == contact_id)
        store.feedback.delete_many(f.id for f in store.feedback if f.contact_id == contact_id)
        store.reference_requests.delete_many(r.id for r in store.reference_requests if r.contact_id == contact_id)
        store.introductions.delete_many(i.id for i in store.introductions if i.advocate_id == contact_id)
        store.letters.delete_many(letter.id for letter in store.letters if letter.contact_id == contact_id)
        store.followup_states.delete_many(s.id for s in store.followup_states if contact_id in s.followup_id)
        store.accomplishments.update_many(
            dataclasses.replace(a, witness_ids=tuple(w for w in a.witness_ids if w != contact_id))
            for a in store.accomplishments
            if contact_id in a.witness_ids
        )
        store.contacts.delete(contact_id)
    return contact


def existing_match(store: Store, contact: Contact) -> tuple[Contact, str] | None:
    """Someone already stored who is ``contact``, matched as the importer matches people.

    Same profile URL, same e-mail, or same name and organisation (see ``importers.plan``), so
    adding a person by hand does not quietly make a second copy of them.

    Args:
        store: The open store.
        contact: The person about to be added (not yet stored).

    Returns:
        The stored contact and how they matched (``'e-mail'``, ``'profile URL'``, ``'name and
        organisation'``), or None.
    """
    plan = plan_import(store.contacts.all(), [ParsedRow(line=1, contact=contact)])
    for matched in (*plan.updated, *plan.unchanged):
        return matched.existing, matched.matched_by
    for duplicate in plan.possible_duplicates:
        if duplicate.candidates:
            return duplicate.candidates[0], 'name and organisation'
    return None


def save_contact(store: Store, form: ContactForm, existing: Contact | None, today: date) -> Contact:
    """Store the contact the add/edit dialog describes.

    ``existing`` is the revision the dialog showed: a save from another tab since is merged or refused.

    Raises:
        ValidationError: A field is invalid (``field`` names it); nothing is stored.
        ConflictError: Another tab changed the same field since; nothing is stored.
    """
    return store.contacts.put(form.to_contact(existing, today), base=existing)
