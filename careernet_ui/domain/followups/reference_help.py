"""Follow-up kinds of the reference workflow: brief, thank, share the outcome, thank for an introduction.

The seed's advice, turned into reminders: inform a reference before they are contacted, show
appreciation afterwards, tell them how it went, and thank an advocate who opened a door. Each
follow-up disappears on its own when the record shows it was done (the request moved on, the
introduction was thanked), so the user rarely needs to tick anything off by hand.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Set
from datetime import date, datetime, timedelta

from .. import wording
from ..applications import Application, ApplicationStage
from ..contacts import Contact
from ..interactions import Interaction, InteractionKind
from ..network import Network
from ..reference_requests import ReferenceRequest, RequestStatus
from ..references import LISTED, closed_on
from ..thanks import settled_by_thank_yous, unbacked_help
from .followup import FollowUp
from .network_index import NetworkIndex

BRIEF_REFERENCE = 'brief_reference'
THANK_REFERENCE = 'thank_reference'
SHARE_OUTCOME = 'share_outcome'
SHARE_OFFER = 'share_offer'
THANK_INTRODUCTION = 'thank_introduction'
THANK_FOR_HELP = 'thank_for_help'

THANK_WITHIN_DAYS = 2
HELP_THANKS_WINDOW_DAYS = 30
"""Help logged by hand is owed a thank-you for this long: a reminder to thank someone for a reference
given a year ago (imported history, say) would only bury the ones that matter."""


def brief_reference(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """A reference who agreed but was not briefed: brief them the day before the next interview, or now.

    The next interview is the next one from ``today``: once an interview has passed, the brief
    moves to the one after it, or, with none scheduled, is due now (on the day they agreed,
    shown as overdue). An employer who called before the brief went out ends it (the request
    is then "employer contacted").
    """
    applications = {a.id: a for a in network.applications}
    for request in network.reference_requests:
        application = applications.get(request.application_id)
        contact = index.contacts.get(request.contact_id)
        if request.status is not RequestStatus.AGREED or application is None or contact is None:
            continue
        if application.is_closed:
            continue
        agreed = request.reached_on(RequestStatus.AGREED) or today
        upcoming = [day for day in application.interview_dates if day >= max(agreed, today)]
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
    """The employer contacted a reference: thank them within two days (a thank-you logged since settles it)."""
    applications = {a.id: a for a in network.applications}
    settled: frozenset[str] | None = None
    for request in network.reference_requests:
        contact = index.contacts.get(request.contact_id)
        application = applications.get(request.application_id)
        contacted = request.reached_on(RequestStatus.EMPLOYER_CONTACTED)
        if request.status is not RequestStatus.EMPLOYER_CONTACTED or contact is None or contacted is None:
            continue
        if settled is None:
            settled = settled_by_thank_yous(network, index)
        if f'request:{request.id}' in settled:
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


def _requests_by_application(network: Network) -> dict[str, list[ReferenceRequest]]:
    """The reference requests of each application, by its id, in stored order."""
    requests_of: dict[str, list[ReferenceRequest]] = {}
    for request in network.reference_requests:
        requests_of.setdefault(request.application_id, []).append(request)
    return requests_of


def share_outcome(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """An application closed: tell every listed reference, and the advocate who introduced you, how it went."""
    requests_of = _requests_by_application(network)
    closed_ones = [(application, closed) for application in network.applications
                   if (closed := closed_on(application)) is not None]
    last_told = _last_told(index, {application.introduced_by for application, _ in closed_ones})
    for application, closed in closed_ones:
        outcome = application.stage.label.lower()
        for request in requests_of.get(application.id, ()):
            contact = index.contacts.get(request.contact_id)
            if request.status not in LISTED or contact is None:
                continue
            yield _share(f'{SHARE_OUTCOME}:{request.id}', contact, application, closed, outcome,
                         max(request.updated_at, application.updated_at))
        advocate = index.contacts.get(application.introduced_by or '')
        if advocate is not None and not _told_since(last_told, advocate.id, closed):
            yield _share(f'{SHARE_OUTCOME}:{application.id}:{advocate.id}', advocate, application, closed, outcome,
                         application.updated_at)


def thank_introduction(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """An advocate made an introduction you have not thanked them for.

    Each introduction is thanked on its own: marked thanked, or settled by a thank-you logged on
    or after it (one thank-you settles one introduction, see ``thanks``).
    """
    settled: frozenset[str] | None = None
    for introduction in network.introductions:
        advocate = index.contacts.get(introduction.advocate_id)
        if advocate is None or introduction.thanked_on is not None:
            continue
        if settled is None:
            settled = settled_by_thank_yous(network, index)
        if f'introduction:{introduction.id}' in settled:
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


def thank_for_help(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Help logged by hand ("reference given", "introduction made") with no record behind it: thank them.

    A request reaching "employer contacted" or a recorded introduction has its own thank-you
    follow-up; this one is for help only an interaction records, logged within the last
    ``HELP_THANKS_WINDOW_DAYS``. A thank-you logged on or after it settles it (see ``thanks``).
    """
    settled: frozenset[str] | None = None
    since = today - timedelta(days=HELP_THANKS_WINDOW_DAYS)
    for interaction in unbacked_help(network, index):
        contact = index.contacts.get(interaction.contact_id)
        if contact is None or not since <= interaction.on <= today:
            continue
        if settled is None:
            settled = settled_by_thank_yous(network, index)
        if f'interaction:{interaction.id}' in settled:
            continue
        followup_id = f'{THANK_FOR_HELP}:{interaction.id}'
        memo = index.memo
        made = memo.recall(followup_id, (interaction, contact)) if memo is not None else None
        if made is None:
            made = (_thank_for_help(followup_id, interaction, contact),)
            if memo is not None:
                memo.remember(followup_id, (interaction, contact), made)
        yield from made


def _thank_for_help(followup_id: str, interaction: Interaction, contact: Contact) -> FollowUp:
    if interaction.kind is InteractionKind.REFERENCE_GIVEN:
        title = f'Thank {contact.name} for the reference'
        reason = (f'You logged a reference {contact.name} gave on {wording.day_label(interaction.on)}. A '
                  f'thank-you within {wording.days(THANK_WITHIN_DAYS)} shows you value their support.')
    else:
        title = f'Thank {contact.name} for the introduction'
        reason = (f'You logged an introduction {contact.name} made on {wording.day_label(interaction.on)}. '
                  'Thank them, and record whom they introduced you to on their page to see what it leads to.')
    return FollowUp(
        id=followup_id,
        kind=THANK_FOR_HELP,
        due=interaction.on + timedelta(days=THANK_WITHIN_DAYS),
        title=title,
        reason=reason,
        link=f'/contacts/{contact.id}',
        contact_id=contact.id,
        changed_at=max(interaction.updated_at, contact.updated_at),
    )


def share_offer(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """An application reached an offer: share the news with every listed reference and the introducing advocate.

    The final outcome is shared again when the application closes (``share_outcome``). Telling them
    (an update, a call, a message, any touch of that kind on or after the offer) settles it.
    """
    requests_of = _requests_by_application(network)
    offers: list[tuple[Application, date, list[Contact | None]]] = []
    for application in network.applications:
        offered = offer_on(application)
        if offered is None:
            continue
        people = [index.contacts.get(r.contact_id) for r in requests_of.get(application.id, ())
                  if r.status in LISTED or r.status is RequestStatus.OUTCOME_SHARED]
        people.append(index.contacts.get(application.introduced_by or ''))
        offers.append((application, offered, people))
    last_told = _last_told(index, {contact.id for _, _, people in offers for contact in people if contact is not None})
    for application, offered, people in offers:
        seen: set[str] = set()
        for contact in people:
            if contact is None or contact.id in seen or _told_since(last_told, contact.id, offered):
                continue
            seen.add(contact.id)
            yield FollowUp(
                id=f'{SHARE_OFFER}:{application.id}:{contact.id}',
                kind=SHARE_OFFER,
                due=offered,
                title=f'Tell {contact.name} about the {application.company} offer',
                reason=f'{application.company} made you an offer for the {application.position} role on '
                       f'{wording.day_label(offered)}. The people who vouched for you and opened the door want '
                       'to hear the good news first; tell them again once you decide.',
                link=f'/applications/{application.id}',
                contact_id=contact.id,
                changed_at=application.updated_at,
            )


def offer_on(application: Application) -> date | None:
    """When the application reached an offer, if it did (an accepted offer counts too)."""
    days = [change.on for change in application.stage_history if change.stage is ApplicationStage.OFFER]
    if days:
        return max(days)
    if application.stage is ApplicationStage.OFFER:
        return application.updated_at.date()
    return None


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


_TELLING = (InteractionKind.UPDATE_SENT, InteractionKind.THANK_YOU, InteractionKind.CALL, InteractionKind.COFFEE,
            InteractionKind.MEETING, InteractionKind.EMAIL, InteractionKind.MESSAGE)
"""The touches in which the user can have told someone the news."""


def _last_told(index: NetworkIndex, contact_ids: Set[str | None]) -> dict[str, date]:
    """The latest day up to today each of ``contact_ids`` had a telling touch, in one pass over those touches.

    Only the few people these kinds ask about are looked up: at 30,000 contacts, grouping every
    touch by person instead cost more than the rest of the kinds' work.
    """
    last: dict[str, date] = {}
    if not contact_ids:
        return last
    for kind in _TELLING:
        for touch in index.by_kind[kind]:
            contact_id = touch.contact_id
            if contact_id in contact_ids and (contact_id not in last or touch.on > last[contact_id]):
                last[contact_id] = touch.on
    return last


def _told_since(last_told: Mapping[str, date], contact_id: str, since: date) -> bool:
    told = last_told.get(contact_id)
    return told is not None and told >= since
