"""Consent to be listed as a reference: renew it before it lapses, and notice where it already has.

The seed: inform your references before you list them. A person's "OK to list me" may run until a
date. Two follow-ups keep it true:

- ``renew_consent``: a reference or advocate whose consent expires within ``RENEW_BEFORE_DAYS``
  (or someone listed on an open application), due that many days before it lapses;
- ``consent_lapsed``: someone listed on an open application (agreed, briefed, employer contacted,
  thanked) whose consent has lapsed: the employer may still call them. Due on the day it lapsed.

Either goes once the consent is renewed (a later expiry, or none).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from .. import wording
from ..contacts import Contact, Stage
from ..network import Network
from ..references import LISTED
from .followup import FollowUp
from .network_index import NetworkIndex

RENEW_CONSENT = 'renew_consent'
CONSENT_LAPSED = 'consent_lapsed'
RENEW_BEFORE_DAYS = 14

_KEEPERS = frozenset({Stage.REFERENCE, Stage.ADVOCATE})


def renew_consent(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Follow-up kind: ask to renew a consent to be listed a fortnight before it expires."""
    listed = _listed_on_open_applications(network)
    last_day = index.last_day
    for contact in network.contacts:
        consent = contact.consent
        if consent is None or consent.expires_on is None or consent.expires_on < today:
            continue
        if contact.stage not in _KEEPERS and contact.id not in listed:
            continue
        expires = consent.expires_on
        due = max(consent.given_on, expires - timedelta(days=RENEW_BEFORE_DAYS))
        if due > last_day:
            continue  # beyond the horizon (a stored decision only ever moves the due date later)
        yield FollowUp(
            id=f'{RENEW_CONSENT}:{contact.id}:{expires.isoformat()}',
            kind=RENEW_CONSENT,
            due=due,
            title=f"Ask {contact.name} to renew their OK to be listed (expires {wording.day_label(expires)})",
            reason=f'{contact.name} agreed to be listed as a reference until {wording.day_label(expires)}. Ask '
                   'before it lapses, so the next application does not list them without their say.',
            link=f'/contacts/{contact.id}',
            contact_id=contact.id,
            changed_at=contact.updated_at,
        )


def consent_lapsed(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Follow-up kind: a reference listed on an open application whose consent has lapsed."""
    listed = _listed_on_open_applications(network)
    for contact in network.contacts:
        consent = contact.consent
        companies = listed.get(contact.id)
        if not companies or consent is None or consent.expires_on is None or consent.expires_on >= today:
            continue
        yield FollowUp(
            id=f'{CONSENT_LAPSED}:{contact.id}:{consent.expires_on.isoformat()}',
            kind=CONSENT_LAPSED,
            due=consent.expires_on,
            title=f"{contact.name}'s OK to be listed lapsed: ask again ({', '.join(sorted(companies))})",
            reason=f'{contact.name} is listed as a reference on an open application, but agreed only until '
                   f'{wording.day_label(consent.expires_on)}. Ask again before the employer calls them.',
            link=f'/contacts/{contact.id}',
            contact_id=contact.id,
            changed_at=contact.updated_at,
        )


def consent_warning(contact: Contact, today: date) -> str | None:
    """What to say about ``contact``'s consent on a list of references, if anything is wrong with it.

    Args:
        contact: The reference.
        today: The day to judge.

    Returns:
        ``Consent lapsed on 30 Jun 2026``, ``No consent recorded``, or None when it is valid.
    """
    consent = contact.consent
    if consent is None:
        return 'No consent to be listed recorded'
    if consent.expires_on is not None and consent.expires_on < today:
        return f'Consent to be listed lapsed on {wording.day_label(consent.expires_on)}'
    return None


def _listed_on_open_applications(network: Network) -> dict[str, set[str]]:
    """The companies of the open applications each person is listed on."""
    open_applications = {a.id: a.company for a in network.applications if not a.is_closed}
    listed: dict[str, set[str]] = {}
    for request in network.reference_requests:
        company = open_applications.get(request.application_id)
        if company is not None and request.status in LISTED:
            listed.setdefault(request.contact_id, set()).add(company)
    return listed
