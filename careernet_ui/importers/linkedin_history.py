"""The history in a LinkedIn archive: messages, recommendations, endorsements and invitations.

Pure: text in, :class:`LinkedInHistory` out. Each exchange names the other person by profile
(normalised with :func:`~careernet_ui.importers.keys.linkedin_key`) or, where LinkedIn gives no
URL (recommendations), by name and company. Matching people to contacts is
:mod:`~careernet_ui.importers.history_plan`'s job.

Noise is dropped here and counted: sponsored conversations, "LinkedIn Member" senders, spam,
and system bodies such as "Message request accepted".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from enum import StrEnum
from functools import lru_cache

from careernet_ui.domain.interactions import Direction

from . import keys
from .archive import ArchiveFiles
from .csv_header import rows_by_name

MESSAGE_COLUMNS = ('CONVERSATION ID', 'FROM', 'SENDER PROFILE URL', 'RECIPIENT PROFILE URLS', 'DATE', 'CONTENT')
RECOMMENDATION_COLUMNS = ('First Name', 'Last Name', 'Text', 'Creation Date')
ENDORSEMENT_COLUMNS = ('Endorsement Date', 'Skill Name')
INVITATION_COLUMNS = ('From', 'To', 'Sent At', 'Direction')

_Row = tuple[int, dict[str, str]]
_NOISE_FOLDERS = frozenset({'spam', 'sponsored', 'trash'})
_NOISE_SENDERS = frozenset({'', 'linkedin member', 'linkedin', 'linkedin premium', 'sponsored'})
_SYSTEM_BODIES = re.compile(
    r'^(message request accepted\.?|you accepted .{0,120}message request\.?|.{0,120} accepted your message request\.?'
    r'|you are now connected.{0,120}|this message has been deleted\.?|.{0,120} is now a connection\.?)$',
    re.IGNORECASE | re.DOTALL,
)
_URL_SEPARATORS = re.compile(r'[;,\s]+')
_US_DATE = re.compile(r'^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*([AP]M)?)?$',
                      re.IGNORECASE)


class HistoryKind(StrEnum):
    """What an exchange read from the archive is."""

    MESSAGES = 'messages'
    RECOMMENDATION_RECEIVED = 'recommendation_received'
    RECOMMENDATION_GIVEN = 'recommendation_given'
    ENDORSEMENT_RECEIVED = 'endorsement_received'
    ENDORSEMENT_GIVEN = 'endorsement_given'
    INVITATION = 'invitation'
    MEETINGS = 'meetings'
    EMAILS = 'emails'

    @property
    def label(self) -> str:
        """The kind as shown in a preview."""
        return _LABELS[self]


_LABELS = {
    HistoryKind.MESSAGES: 'Message days',
    HistoryKind.RECOMMENDATION_RECEIVED: 'Recommendations received',
    HistoryKind.RECOMMENDATION_GIVEN: 'Recommendations given',
    HistoryKind.ENDORSEMENT_RECEIVED: 'Endorsements received',
    HistoryKind.ENDORSEMENT_GIVEN: 'Endorsements given',
    HistoryKind.INVITATION: 'Invitations with a message',
    HistoryKind.MEETINGS: 'Meetings',
    HistoryKind.EMAILS: 'E-mail days',
}


@dataclass(frozen=True, slots=True)
class Person:
    """The other person of an exchange, as the archive names them."""

    name: str
    profile: str | None = None  # linkedin_key of their profile URL
    company: str = ''


@dataclass(kw_only=True, slots=True)
class HistoryItem:
    """One exchange with one person on one day (a conversation day, a recommendation, ...)."""

    kind: HistoryKind
    on: date
    person: Person
    direction: Direction
    key: str  # stable across exports: what makes the same exchange the same record on re-import
    text: str = ''  # a recommendation's text, the skills endorsed, an invitation's message
    sent: int = 0  # messages the user sent that day in that conversation
    received: int = 0
    title: str = ''  # the conversation's title


@dataclass(kw_only=True, slots=True)
class Identity:
    """The user as their own archive names them."""

    name: str = ''
    profile: str | None = None


@dataclass(kw_only=True, slots=True)
class LinkedInHistory:
    """Everything read from the archive's history files."""

    items: list[HistoryItem] = field(default_factory=list)
    owner: Identity = field(default_factory=Identity)
    noise: Counter[str] = field(default_factory=Counter)  # dropped rows by reason
    files: list[str] = field(default_factory=list)  # the history files found


def read_history(
    files: ArchiveFiles, *, owner: Identity | None = None, zone: tzinfo = UTC, connections: frozenset[str] = frozenset()
) -> LinkedInHistory:
    """Read every history file the archive has.

    Args:
        files: The archive's CSV texts.
        owner: Who the user is, when known from an earlier import (Settings); else recognised here.
        zone: The user's time zone: a message sent at 23:30 UTC belongs to the next day in Tokyo.
        connections: The profile keys in Connections.csv (the user is never one of their own connections).

    Raises:
        ImportFormatError: A history file is not the LinkedIn file of that name, or is broken CSV.
    """
    history = LinkedInHistory()
    messages = files.get('messages.csv')
    invitations = files.get('invitations.csv')
    invitation_rows = list(rows_by_name(invitations, INVITATION_COLUMNS, file='Invitations.csv')) if invitations else []
    message_rows = list(rows_by_name(messages, MESSAGE_COLUMNS, file='messages.csv')) if messages else []
    history.owner = owner if owner is not None and owner.profile else _recognise_owner(
        message_rows, invitation_rows, connections)
    if messages is not None:
        history.files.append('messages.csv')
        _read_messages(history, message_rows, zone)
    for name, kind in (('Recommendations_Received.csv', HistoryKind.RECOMMENDATION_RECEIVED),
                       ('Recommendations_Given.csv', HistoryKind.RECOMMENDATION_GIVEN)):
        text = files.get(name)
        if text is not None:
            history.files.append(name)
            _read_recommendations(history, text, name, kind)
    for name, kind in (('Endorsement_Received_Info.csv', HistoryKind.ENDORSEMENT_RECEIVED),
                       ('Endorsement_Given_Info.csv', HistoryKind.ENDORSEMENT_GIVEN)):
        text = files.get(name)
        if text is not None:
            history.files.append(name)
            _read_endorsements(history, text, name, kind, zone)
    if invitations is not None:
        history.files.append('Invitations.csv')
        _read_invitations(history, invitation_rows)
    return history


def _recognise_owner(
    messages: list[_Row], invitations: list[_Row], connections: frozenset[str]
) -> Identity:
    """The user: the inviter of their outgoing invitations, else whoever is in the most conversations.

    LinkedIn never labels the archive's owner. Invitations say it outright (Direction OUTGOING means
    the user is the inviter); otherwise the user is the one person in every conversation, and
    never among their own connections.
    """
    for _, row in invitations:
        direction = row.get('direction', '').upper()
        side = 'from' if direction == 'OUTGOING' else 'to' if direction == 'INCOMING' else ''
        url = row.get('inviterprofileurl' if side == 'from' else 'inviteeprofileurl', '') if side else ''
        profile = linkedin_key(url) if url else None
        if profile:
            return Identity(name=row.get(side, ''), profile=profile)
    seen: Counter[str] = Counter()
    names: dict[str, str] = {}
    conversations: dict[str, set[str]] = {}
    for _, row in messages:
        people = conversations.setdefault(row.get('conversation id', ''), set())
        sender = linkedin_key(row.get('sender profile url', ''))
        if sender:
            people.add(sender)
            names.setdefault(sender, row.get('from', ''))
        people.update(key for url in _split_urls(row.get('recipient profile urls', '')) if (key := linkedin_key(url)))
    for people in conversations.values():
        seen.update(people)
    if not seen:
        return Identity()
    ranked = sorted(seen.items(), key=lambda pair: (-pair[1], pair[0] in connections, pair[0]))
    profile = ranked[0][0]
    return Identity(name=names.get(profile, ''), profile=profile)


def _read_messages(history: LinkedInHistory, rows: list[tuple[int, dict[str, str]]], zone: tzinfo) -> None:
    owner = history.owner.profile
    days: dict[tuple[str, date, str], HistoryItem] = {}
    noise = history.noise
    for _, row in rows:
        reason = _message_noise(row)
        if reason:
            noise[reason] += 1
            continue
        on = day_of(row['date'], zone)
        if on is None:
            noise['messages with a date that cannot be read'] += 1
            continue
        sender = linkedin_key(row.get('sender profile url', ''))
        conversation = row.get('conversation id', '')
        if owner is not None and sender == owner:
            recipients = [(key, name) for key, name in _recipients(row) if key != owner]
            people, direction = recipients, Direction.SENT
        else:
            people, direction = [(sender, row.get('from', ''))] if sender else [], Direction.RECEIVED
        if not people:
            noise['messages with no one else in them'] += 1
            continue
        for profile, name in people:
            slot = (conversation, on, profile)
            item = days.get(slot)
            if item is None:
                item = days[slot] = HistoryItem(
                    kind=HistoryKind.MESSAGES, on=on, person=Person(name=name, profile=profile), direction=direction,
                    key=f'{conversation}|{on.isoformat()}', title=row.get('conversation title', ''))
            elif item.direction is not direction:
                item.direction = Direction.BOTH
            if direction is Direction.SENT:
                item.sent += 1
            else:
                item.received += 1
            if name and not item.person.name:
                item.person = Person(name=name, profile=profile)
    history.items.extend(days.values())


def _message_noise(row: dict[str, str]) -> str:
    if row.get('folder', '').casefold() in _NOISE_FOLDERS:
        return 'spam and sponsored messages'
    if row.get('conversation title', '').casefold().startswith('sponsored'):
        return 'spam and sponsored messages'
    if row.get('from', '').casefold() in _NOISE_SENDERS and not row.get('sender profile url'):
        return 'messages from "LinkedIn Member" or LinkedIn itself'
    content = row.get('content', '')
    if not content and not row.get('attachments'):
        return 'empty messages'
    if len(content) < 200 and _SYSTEM_BODIES.match(content):
        return 'system messages ("Message request accepted")'
    return ''


def _recipients(row: dict[str, str]) -> list[tuple[str, str]]:
    urls = _split_urls(row.get('recipient profile urls', ''))
    names = [name.strip() for name in row.get('to', '').split(';')] if ';' in row.get('to', '') else [row.get('to', '')]
    if len(names) != len(urls):
        names = [''] * len(urls) if len(urls) > 1 else [row.get('to', '')] * len(urls)
    return [(key, name) for url, name in zip(urls, names, strict=True) if (key := linkedin_key(url))]


def _split_urls(text: str) -> list[str]:
    if ';' not in text and ',' not in text and ' ' not in text.strip():
        return [text.strip()] if text.strip() else []
    return [part for part in _URL_SEPARATORS.split(text) if part]


def _read_recommendations(history: LinkedInHistory, text: str, file: str, kind: HistoryKind) -> None:
    direction = Direction.RECEIVED if kind is HistoryKind.RECOMMENDATION_RECEIVED else Direction.SENT
    for _, row in rows_by_name(text, RECOMMENDATION_COLUMNS, file=file):
        if row.get('status', '').upper() in {'PENDING', 'DECLINED', 'REJECTED'}:
            history.noise['recommendations not accepted'] += 1
            continue
        on = day_of(row['creation date'], UTC)
        name = person_name(row['first name'], row['last name'])
        if on is None or not name:
            history.noise[f'rows of {file} without a name or date'] += 1
            continue
        company = row.get('company', '')
        history.items.append(HistoryItem(
            kind=kind, on=on, person=Person(name=name, company=company), direction=direction,
            key=f'{on.isoformat()}|{name}|{company}|{row["text"][:200]}', text=row['text']))


def _read_endorsements(history: LinkedInHistory, text: str, file: str, kind: HistoryKind, zone: tzinfo) -> None:
    received = kind is HistoryKind.ENDORSEMENT_RECEIVED
    role = 'endorser' if received else 'endorsee'
    grouped: dict[tuple[str, date], HistoryItem] = {}
    for _, row in rows_by_name(text, ENDORSEMENT_COLUMNS, file=file):
        if row.get('endorsement status', '').upper() in {'REJECTED', 'HIDDEN', 'PENDING'}:
            history.noise['endorsements not accepted'] += 1
            continue
        if role + ' public url' not in row and 'endorser public url' in row:
            role = 'endorser'  # some exports of the given file name the columns as in the received one
        profile = linkedin_key(row.get(f'{role} public url', ''))
        on = day_of(row['endorsement date'], zone)
        name = person_name(row.get(f'{role} first name', ''), row.get(f'{role} last name', ''))
        if on is None or profile is None:
            history.noise[f'rows of {file} without a profile or date'] += 1
            continue
        item = grouped.get((profile, on))
        if item is None:
            item = grouped[profile, on] = HistoryItem(
                kind=kind, on=on, person=Person(name=name, profile=profile),
                direction=Direction.RECEIVED if received else Direction.SENT, key=on.isoformat())
        skill = row['skill name']
        if skill and skill not in item.text.split(', '):
            item.text = f'{item.text}, {skill}' if item.text else skill
    history.items.extend(grouped.values())


def _read_invitations(history: LinkedInHistory, rows: list[tuple[int, dict[str, str]]]) -> None:
    for _, row in rows:
        message = row.get('message', '')
        if not message:
            history.noise['invitations without a message'] += 1
            continue
        outgoing = row.get('direction', '').upper() == 'OUTGOING'
        url = row.get('inviteeprofileurl' if outgoing else 'inviterprofileurl', '')
        profile = linkedin_key(url) if url else None
        on = day_of(row['sent at'], UTC)
        if on is None or profile is None:
            history.noise['invitations without a profile or date'] += 1
            continue
        history.items.append(HistoryItem(
            kind=HistoryKind.INVITATION, on=on, person=Person(name=row.get('to' if outgoing else 'from', ''),
                                                              profile=profile),
            direction=Direction.SENT if outgoing else Direction.RECEIVED, key=on.isoformat(), text=message))


# A big archive names the same few thousand profiles in hundreds of thousands of rows.
linkedin_key = lru_cache(maxsize=1 << 16)(keys.linkedin_key)


def day_of(text: str, zone: tzinfo) -> date | None:
    """The day of a LinkedIn timestamp, in ``zone`` when the timestamp has a zone.

    Reads ``2024-06-18 11:59:53 UTC`` (messages), ``2026/03/21 02:06:52 UTC`` (endorsements),
    ``04/15/24, 09:25 PM`` (recommendations) and ``4/6/26, 2:12 PM`` (invitations; no zone, so
    the day as written). None when it is none of these.
    """
    text = text.strip()
    if not text:
        return None
    match = _US_DATE.match(text)
    if match:
        month, day, year = (int(part) for part in match.group(1, 2, 3))
        try:
            return date(year + 2000 if year < 100 else year, month, day)
        except ValueError:
            return None
    stamp = text.replace('/', '-')
    utc = stamp.upper().endswith(' UTC')
    if utc:
        stamp = stamp[:-4]
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if utc and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone)
    return moment.date()


def person_name(first: str, last: str) -> str:
    """"First Last" without the credentials LinkedIn keeps after a comma ("Okafor, PhD, PMP")."""
    last = last.partition(',')[0]
    return ' '.join(f'{first} {last}'.split())
