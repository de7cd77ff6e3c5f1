"""Follow-up kinds of the reference workflow: brief, thank, share the outcome, thank for an introduction.

The seed's advice, turned into reminders: inform a reference before they are contacted, show
appreciation afterwards, tell them how it went, and thank an advocate who opened a door. Each
follow-up disappears on its own when the record shows it was done (the request moved on, the
introduction was thanked), so the user rarely needs to tick anything off by hand.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta

from . import wording
from .applications import Application, ReferenceRequest, RequestStatus
from .contacts import Contact
from .followups import FollowUp
from .interactions import Interaction, InteractionKind
from .network import Network
from .network_index import NetworkIndex
from .references import LISTED, closed_on

BRIEF_REFERENCE = 'brief_reference'
THANK_REFERENCE = 'thank_reference'
SHARE_OUTCOME = 'share_outcome'
THANK_INTRODUCTION = 'thank_introduction'

THANK_WITHIN_DAYS = 2


def brief_reference(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """A reference who agreed but was not briefed: brief them the day before the next interview, or now."""
    applications = {a.id: a for a in network.applications}
    for request in network.reference_requests:
        application = applications.get(request.application_id)
        contact = index.contacts.get(request.contact_id)
        if request.status is not RequestStatus.AGREED or application is None or contact is None:
            continue
        if application.is_closed:
            continue
        agreed = request.reached_on(RequestStatus.AGREED) or today
        upcoming = [day for day in application.interview_dates if day >= agreed]
        due = max(agreed, min(upcoming) - timedelta(days=1)) if upcoming else agreed
        before = f' before your interview on {wording.day_label(min(upcoming))}' if upcoming else ''
        yield FollowUp(
            id=f'{BRIEF_REFERENCE}:{request.id}',
            kind=BRIEF_REFERENCE,
            due=due,
            title=f'Brief {contact.name} for the {application.company} {application.position} role{before}',
            reason=f'{contact.name} agreed on {wording.day_label(agreed)} to be a reference. Tell them about the '
                   'position so they can prepare.',
            link=f'/applications/{application.id}/brief/{request.id}',
            contact_id=contact.id,
            changed_at=max(request.updated_at, application.updated_at),
        )


def thank_reference(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """The employer contacted a reference: thank them within two days."""
    applications = {a.id: a for a in network.applications}
    for request in network.reference_requests:
        contact = index.contacts.get(request.contact_id)
        application = applications.get(request.application_id)
        contacted = request.reached_on(RequestStatus.EMPLOYER_CONTACTED)
        if request.status is not RequestStatus.EMPLOYER_CONTACTED or contact is None or contacted is None:
            continue
        company = application.company if application else 'the employer'
        yield FollowUp(
            id=f'{THANK_REFERENCE}:{request.id}',
            kind=THANK_REFERENCE,
            due=contacted + timedelta(days=THANK_WITHIN_DAYS),
            title=f'Thank {contact.name} for the {company} reference',
            reason=f'{company} contacted {contact.name} on {wording.day_label(contacted)}. A thank-you within '
                   f'{wording.days(THANK_WITHIN_DAYS)} shows you value their support.',
            link=f'/applications/{request.application_id}' if application else f'/contacts/{contact.id}',
            contact_id=contact.id,
            changed_at=request.updated_at,
        )


def share_outcome(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """An application closed: tell every listed reference, and the advocate who introduced you, how it went."""
    requests_of: dict[str, list[ReferenceRequest]] = {}
    for request in network.reference_requests:
        requests_of.setdefault(request.application_id, []).append(request)
    for application in network.applications:
        closed = closed_on(application)
        if closed is None:
            continue
        outcome = application.stage.label.lower()
        for request in requests_of.get(application.id, ()):
            contact = index.contacts.get(request.contact_id)
            if request.status not in LISTED or contact is None:
                continue
            yield _share(f'{SHARE_OUTCOME}:{request.id}', contact, application, closed, outcome,
                         max(request.updated_at, application.updated_at))
        advocate = index.contacts.get(application.introduced_by or '')
        if advocate is not None and not _told_since(index, advocate.id, closed):
            yield _share(f'{SHARE_OUTCOME}:{application.id}:{advocate.id}', advocate, application, closed, outcome,
                         application.updated_at)


def thank_introduction(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """An advocate made an introduction you have not thanked them for."""
    thanks: Mapping[str, Sequence[Interaction]] | None = None
    for introduction in network.introductions:
        advocate = index.contacts.get(introduction.advocate_id)
        if advocate is None or introduction.thanked_on is not None:
            continue
        if thanks is None:
            # Only the thank-yous, grouped once: everyone's whole history would cost a pass over
            # the whole log (30 ms at 60,000 interactions).
            thanks = index.shared_groups(InteractionKind.THANK_YOU)
        if any(thanked.on >= introduction.on for thanked in thanks.get(advocate.id, ())):
            continue
        yield FollowUp(
            id=f'{THANK_INTRODUCTION}:{introduction.id}',
            kind=THANK_INTRODUCTION,
            due=introduction.on + timedelta(days=THANK_WITHIN_DAYS),
            title=f'Thank {advocate.name} for the introduction to {introduction.to_whom}',
            reason=f'{advocate.name} introduced you on {wording.day_label(introduction.on)}. Advocates keep '
                   'opening doors for people who show appreciation.',
            link=f'/contacts/{advocate.id}',
            contact_id=advocate.id,
            changed_at=introduction.updated_at,
        )


def _share(followup_id: str, contact: Contact, application: Application, closed: date, outcome: str,
           changed: datetime) -> FollowUp:
    return FollowUp(
        id=followup_id,
        kind=SHARE_OUTCOME,
        due=closed,
        title=f'Tell {contact.name} how the {application.company} application ended ({outcome})',
        reason=f'The {application.position} application at {application.company} closed on '
               f'{wording.day_label(closed)}. People who vouched for you want to know, and it keeps them '
               'in your corner for the next one.',
        link=f'/applications/{application.id}',
        contact_id=contact.id,
        changed_at=changed,
    )


def _told_since(index: NetworkIndex, contact_id: str, since: date) -> bool:
    told = (InteractionKind.UPDATE_SENT, InteractionKind.THANK_YOU, InteractionKind.CALL, InteractionKind.COFFEE,
            InteractionKind.MEETING, InteractionKind.EMAIL, InteractionKind.MESSAGE)
    return any(i.on >= since for i in index.history(contact_id) if i.kind in told)
