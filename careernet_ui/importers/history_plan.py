"""Turn the history read from an archive into records about the user's contacts, and preview them.

Pure: contacts and history in, records and counts out. Only people who are already contacts (or
arrive in the same archive's Connections.csv) get records: an exchange with anyone else is
counted under :attr:`HistoryPlan.not_contacts`, never turned into a contact silently.

Every record's id is derived from what it records (the conversation and day, the recommendation,
...), so importing the same archive again finds every record already stored and adds nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from careernet_ui.domain import validation as v
from careernet_ui.domain.accomplishments import RECOMMENDATION_SOURCE
from careernet_ui.domain.contacts import Contact, Stage
from careernet_ui.domain.feedback import Feedback
from careernet_ui.domain.interactions import ENDORSEMENT_SOURCE, Direction, Interaction, InteractionKind

from .calendar_history import Exchange
from .keys import email_key, linkedin_key, name_key, organisation_key
from .linkedin_history import HistoryItem, HistoryKind, Person

MOVES_SHOWN = 20
SOURCES = {
    HistoryKind.MESSAGES: 'linkedin-messages',
    HistoryKind.RECOMMENDATION_RECEIVED: RECOMMENDATION_SOURCE,
    HistoryKind.RECOMMENDATION_GIVEN: RECOMMENDATION_SOURCE,
    HistoryKind.ENDORSEMENT_RECEIVED: ENDORSEMENT_SOURCE,
    HistoryKind.ENDORSEMENT_GIVEN: ENDORSEMENT_SOURCE,
    HistoryKind.INVITATION: 'linkedin-invitations',
    HistoryKind.MEETINGS: 'calendar',
    HistoryKind.EMAILS: 'mbox',
}
CORRESPONDENTS_SHOWN = 20
_NOTE_LIMIT = 2000


@dataclass(kw_only=True, slots=True)
class LastContactMove:
    """How one contact's "last contact" moves if the import is stored."""

    contact: Contact
    before: date | None
    after: date

    @property
    def days(self) -> int | None:
        """Days it moves forward; None when the contact had never been contacted."""
        return None if self.before is None else (self.after - self.before).days


@dataclass(kw_only=True, slots=True)
class Correspondent:
    """Someone the user meets or writes to who is not a contact: a candidate to add."""

    address: str
    name: str
    count: int
    last: date


@dataclass(kw_only=True, slots=True)
class HistoryPlan:
    """The records an import would add, and what a preview shows of them."""

    interactions: list[Interaction] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    per_kind: Counter[HistoryKind] = field(default_factory=Counter)
    per_contact: Counter[str] = field(default_factory=Counter)  # new records by contact id
    already_stored: int = 0  # found stored by an earlier import of the same archive
    not_contacts: Counter[str] = field(default_factory=Counter)  # exchanges with people who are not contacts
    moves: list[LastContactMove] = field(default_factory=list)  # the largest first, at most MOVES_SHOWN
    may_be_advocates: list[Contact] = field(default_factory=list)  # wrote a recommendation; not yet Advocate
    correspondents: list[Correspondent] = field(default_factory=list)  # the most frequent people who are not contacts

    @property
    def records(self) -> int:
        """How many records the import would add."""
        return len(self.interactions) + len(self.feedback)


def plan_history(
    items: Iterable[HistoryItem],
    contacts: Sequence[Contact],
    *,
    stored_ids: frozenset[str] | set[str],
    last_contact: Mapping[str, date],
    import_id: str,
    owner: str | None = None,
) -> HistoryPlan:
    """Match each exchange to a contact and make the records to add.

    Args:
        items: What the archive's history files hold.
        contacts: Every contact, including those the same import adds from Connections.csv.
        stored_ids: Ids of the interactions and feedback already stored (re-importing adds nothing).
        last_contact: Each contact's last contact day before the import, by contact id.
        import_id: Written on every record, so the import can be undone as a whole.
        owner: The user's own profile key; their own name never becomes anyone's record.
    """
    index = ContactIndex(contacts)
    plan = HistoryPlan()
    latest: dict[str, date] = {}
    recommended: dict[str, Contact] = {}
    for item in items:
        if owner is not None and item.person.profile == owner:
            continue
        contact = index.match(item.person)
        if contact is None:
            plan.not_contacts[item.person.name or item.person.profile or '?'] += 1
            continue
        record_id = _record_id(item)
        if record_id in stored_ids:
            plan.already_stored += 1
            continue
        if item.kind is HistoryKind.RECOMMENDATION_RECEIVED:
            plan.feedback.append(Feedback(
                id=record_id, contact_id=contact.id, received_on=item.on,
                text=item.text[: v.MAX_TEXT] or 'Wrote you a LinkedIn recommendation.',
                source=SOURCES[item.kind], import_id=import_id))
            if contact.stage is not Stage.ADVOCATE:
                recommended.setdefault(contact.id, contact)
        else:
            plan.interactions.append(_interaction(item, record_id, contact.id, import_id))
        plan.per_kind[item.kind] += 1
        plan.per_contact[contact.id] += 1
        if item.on > latest.get(contact.id, date.min):
            latest[contact.id] = item.on
    plan.moves = _moves(index, latest, last_contact)
    plan.may_be_advocates = sorted(recommended.values(), key=lambda contact: contact.name.casefold())
    return plan


def plan_exchanges(
    exchanges: Iterable[Exchange],
    contacts: Sequence[Contact],
    *,
    kind: HistoryKind,
    stored_ids: frozenset[str] | set[str],
    last_contact: Mapping[str, date],
    import_id: str,
) -> HistoryPlan:
    """Match exchanges known by e-mail address (meetings, mail) to contacts and make the records to add.

    An address matches a contact when it is one of the contact's addresses (case-insensitively).
    One record per contact per day: two meetings with Dana on one day are one touch. The people
    who are not contacts are ranked by how often they appear, with the last day seen.
    """
    by_address: dict[str, Contact] = {}
    for person in contacts:
        for email in person.emails:
            by_address.setdefault(email_key(email), person)
    plan = HistoryPlan()
    latest: dict[str, date] = {}
    days: dict[tuple[str, date], list[Exchange]] = {}
    strangers: dict[str, Correspondent] = {}
    for exchange in exchanges:
        contact = by_address.get(exchange.address)
        if contact is None:
            known = strangers.get(exchange.address)
            if known is None:
                strangers[exchange.address] = Correspondent(address=exchange.address, name=exchange.name, count=1,
                                                            last=exchange.on)
            else:
                known.count += 1
                known.last = max(known.last, exchange.on)
                known.name = known.name or exchange.name
            plan.not_contacts[exchange.name or exchange.address] += 1
            continue
        days.setdefault((contact.id, exchange.on), []).append(exchange)
    index = ContactIndex(contacts)
    interaction_kind = InteractionKind.MEETING if kind is HistoryKind.MEETINGS else InteractionKind.EMAIL
    for (contact_id, on), same_day in days.items():
        record_id = _exchange_id(kind, same_day[0].address, on)
        if record_id in stored_ids:
            plan.already_stored += 1
            continue
        plan.interactions.append(Interaction(
            id=record_id, contact_id=contact_id, kind=interaction_kind, on=on, note=_exchange_note(kind, same_day),
            direction=_direction(same_day), source=SOURCES[kind], import_id=import_id))
        plan.per_kind[kind] += 1
        plan.per_contact[contact_id] += 1
        if on > latest.get(contact_id, date.min):
            latest[contact_id] = on
    plan.moves = _moves(index, latest, last_contact)
    plan.correspondents = sorted(strangers.values(), key=lambda c: (-c.count, -c.last.toordinal(), c.address))[
        :CORRESPONDENTS_SHOWN]
    return plan


def _exchange_id(kind: HistoryKind, address: str, on: date) -> str:
    natural = f'{kind.value}|{address}|{on.isoformat()}'
    return hashlib.sha1(natural.encode('utf-8'), usedforsecurity=False).hexdigest()[:32]


def _exchange_note(kind: HistoryKind, exchanges: Sequence[Exchange]) -> str:
    titles = list(dict.fromkeys(exchange.title for exchange in exchanges if exchange.title))
    if kind is HistoryKind.MEETINGS:
        return ('Meeting: ' + '; '.join(titles) if titles else 'Meeting (from your calendar).')[:_NOTE_LIMIT]
    count = len(exchanges)
    return (f'{count} e-mail{"" if count == 1 else "s"}' + (': ' + '; '.join(titles) if titles else '.'))[:_NOTE_LIMIT]


def _direction(exchanges: Sequence[Exchange]) -> Direction:
    directions = {exchange.direction for exchange in exchanges} - {Direction.UNKNOWN}
    if len(directions) == 1:
        return directions.pop()
    return Direction.BOTH if directions else Direction.UNKNOWN


class ContactIndex:
    """Contacts by LinkedIn profile, by name and organisation, and by name alone."""

    def __init__(self, contacts: Sequence[Contact]) -> None:
        self.by_id = {contact.id: contact for contact in contacts}
        self.by_profile: dict[str, Contact] = {}
        self.by_name_and_organisation: dict[tuple[str, str], list[Contact]] = {}
        self.by_name: dict[str, list[Contact]] = {}
        for contact in contacts:
            for link in contact.links:
                key = linkedin_key(link)
                if key is not None:
                    self.by_profile.setdefault(key, contact)
            # "Kwame Mensah, PhD" in Connections.csv is "Kwame Mensah" in a recommendation.
            for name in dict.fromkeys((name_key(contact.name), name_key(contact.name.partition(',')[0]))):
                self.by_name.setdefault(name, []).append(contact)
                if contact.organisation:
                    pair = (name, organisation_key(contact.organisation))
                    self.by_name_and_organisation.setdefault(pair, []).append(contact)

    def match(self, person: Person) -> Contact | None:
        """The contact ``person`` is: by profile; else by name and company; else by a name only one contact has.

        A profile that matches nobody falls back to the name, because messages.csv often names a
        profile by its opaque id (``/in/ACoAAB…``) where Connections.csv has the readable one.
        """
        if person.profile is not None:
            found = self.by_profile.get(person.profile)
            if found is not None:
                return found
        if not person.name:
            return None
        name = name_key(person.name)
        if person.company:
            same = self.by_name_and_organisation.get((name, organisation_key(person.company)), [])
            if len(same) == 1:
                return same[0]
        named = self.by_name.get(name, [])
        return named[0] if len(named) == 1 else None


def _interaction(item: HistoryItem, record_id: str, contact_id: str, import_id: str) -> Interaction:
    kind = InteractionKind.MESSAGE
    if item.kind is HistoryKind.MESSAGES:
        parts = [f'{count} {what}' for count, what in ((item.sent, 'sent'), (item.received, 'received')) if count]
        note = f'LinkedIn messages: {", ".join(parts)}.' + (f' Conversation: {item.title}' if item.title else '')
    elif item.kind is HistoryKind.RECOMMENDATION_GIVEN:
        kind = InteractionKind.OTHER
        note = 'You wrote them a LinkedIn recommendation.'
    elif item.kind is HistoryKind.ENDORSEMENT_RECEIVED:
        kind = InteractionKind.OTHER
        note = f'Endorsed you on LinkedIn for {item.text}.'
    elif item.kind is HistoryKind.ENDORSEMENT_GIVEN:
        kind = InteractionKind.OTHER
        note = f'You endorsed them on LinkedIn for {item.text}.'
    else:
        who = 'You invited them' if item.direction is Direction.SENT else 'They invited you'
        note = f'{who} to connect on LinkedIn: “{item.text}”'
    return Interaction(id=record_id, contact_id=contact_id, kind=kind, on=item.on, note=note[:_NOTE_LIMIT],
                       direction=item.direction, source=SOURCES[item.kind], import_id=import_id)


def _record_id(item: HistoryItem) -> str:
    """A stable id from what the record is: the same exchange in a later export gets the same id."""
    person = item.person.profile or f'{name_key(item.person.name)}@{organisation_key(item.person.company)}'
    natural = f'{item.kind.value}|{person}|{item.key}'
    return hashlib.sha1(natural.encode('utf-8'), usedforsecurity=False).hexdigest()[:32]


def _moves(index: ContactIndex, latest: Mapping[str, date], before: Mapping[str, date]) -> list[LastContactMove]:
    moves = [
        LastContactMove(contact=index.by_id[contact_id], before=before.get(contact_id), after=after)
        for contact_id, after in latest.items()
        if before.get(contact_id) is None or after > before[contact_id]
    ]
    moves.sort(key=lambda move: (move.before is not None, -(move.days or 0), -move.after.toordinal(),
                                 move.contact.name.casefold()))
    return moves[:MOVES_SHOWN]
