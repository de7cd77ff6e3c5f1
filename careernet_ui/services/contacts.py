"""Operations on a contact that reach into other records."""

from __future__ import annotations

import dataclasses

from careernet_ui.domain import Contact
from storage import Store


def delete_contact(store: Store, contact_id: str) -> Contact:
    """Delete a contact and what exists only because of them; returns the deleted contact.

    Their interactions, feedback, reference requests, introductions they made and follow-up
    states go; accomplishments they witnessed stay, without them as a witness. One write: all
    of it or, when the write fails, none.
    """
    with store.transaction():
        contact = store.contacts.get(contact_id)
        store.interactions.delete_many(i.id for i in store.interactions if i.contact_id == contact_id)
        store.feedback.delete_many(f.id for f in store.feedback if f.contact_id == contact_id)
        store.reference_requests.delete_many(r.id for r in store.reference_requests if r.contact_id == contact_id)
        store.introductions.delete_many(i.id for i in store.introductions if i.advocate_id == contact_id)
        store.followup_states.delete_many(s.id for s in store.followup_states if contact_id in s.followup_id)
        store.accomplishments.update_many(
            dataclasses.replace(a, witness_ids=[w for w in a.witness_ids if w != contact_id])
            for a in store.accomplishments
            if contact_id in a.witness_ids
        )
        store.contacts.delete(contact_id)
    return contact
