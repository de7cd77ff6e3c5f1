"""Logging what happened with a person, and recording what it implies.

One action creates everything it implies, so nothing is entered twice:

- "reference given" by someone asked for an open application (agreed or briefed) moves that
  request to "employer contacted", on the same day: its thank-you follow-up follows;
- "introduction made" with whom they introduced the user to records the introduction;
- a thank-you records itself on what it thanked for (a request reaches "thanked", an introduction
  is marked thanked): the debt it settles (see ``domain.thanks``).

Each user action is one function here, so it can run in one store transaction.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from careernet_ui.domain import Interaction, InteractionKind, Introduction, RequestStatus
from careernet_ui.domain.followups.network_index import NetworkIndex
from careernet_ui.domain.interaction_log import InteractionForm, new_interaction
from careernet_ui.domain.references import advance
from careernet_ui.domain.thanks import settled_by_thank_yous
from storage import Store

# A reference given by someone in one of these steps is the employer's call they were waiting for.
_AWAITING_CALL = (RequestStatus.AGREED, RequestStatus.BRIEFED)


def log_interaction(
    store: Store,
    contact_id: str,
    kind: InteractionKind | str | None,
    on: date | None,
    note: str,
    today: date,
) -> Interaction:
    """Store an interaction with a contact, and what it implies; their keep-in-touch cycle restarts from its date.

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
    return _log(store, interaction, '', today)


def log_interaction_form(store: Store, contact_id: str, form: InteractionForm, today: date) -> Interaction:
    """Store the interaction the "Log interaction" dialog describes, and what it implies.

    Raises:
        NotFoundError: no such contact.
        ValidationError: naming the form field to fix; nothing is stored.
    """
    store.contacts.get(contact_id)
    return _log(store, form.to_interaction(contact_id, today), form.to_whom, today)


def _log(store: Store, interaction: Interaction, to_whom: str, today: date) -> Interaction:
    introduction = None
    if interaction.kind is InteractionKind.INTRODUCTION_MADE and to_whom.strip():
        # Built first: a bad "to whom" stores nothing.
        introduction = Introduction(advocate_id=interaction.contact_id, on=interaction.on, to_whom=to_whom)
    settled_before = (_settled(store, today) if interaction.kind is InteractionKind.THANK_YOU else frozenset())
    with store.transaction():  # the interaction and everything it implies: one write, or nothing
        stored = store.interactions.add(interaction)
        if introduction is not None:
            store.introductions.add(introduction)
        if interaction.kind is InteractionKind.REFERENCE_GIVEN:
            _employer_called(store, interaction, today)
        if interaction.kind is InteractionKind.THANK_YOU:
            _record_thanks(store, interaction, _settled(store, today) - settled_before, today)
    return stored


def _settled(store: Store, today: date) -> frozenset[str]:
    network = store.network()
    return settled_by_thank_yous(network, NetworkIndex.build(network, today))


def _employer_called(store: Store, interaction: Interaction, today: date) -> None:
    """The reference given is the call an open request was waiting for: the latest such request moves on."""
    open_applications = {a.id for a in store.applications if not a.is_closed}
    waiting = [r for r in store.reference_requests
               if r.contact_id == interaction.contact_id and r.status in _AWAITING_CALL
               and r.application_id in open_applications and r.history and r.history[-1].on <= interaction.on]
    if waiting:
        latest = max(waiting, key=lambda r: (r.history[-1].on, r.id))
        store.reference_requests.update(advance(latest, RequestStatus.EMPLOYER_CONTACTED, interaction.on, today))


def _record_thanks(store: Store, thank_you: Interaction, settled: frozenset[str], today: date) -> None:
    """Write the thank-you onto the record whose debt it settled, so that record shows it too."""
    for key in settled:
        source, _, record_id = key.partition(':')
        if source == 'request':
            request = store.reference_requests.find(record_id)
            if request is not None and request.status is RequestStatus.EMPLOYER_CONTACTED:
                store.reference_requests.update(advance(request, RequestStatus.THANKED, thank_you.on, today))
        elif source == 'introduction':
            introduction = store.introductions.find(record_id)
            if introduction is not None and introduction.thanked_on is None:
                store.introductions.update(dataclasses.replace(introduction, thanked_on=thank_you.on))
