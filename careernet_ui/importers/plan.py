"""Decide, before anything is stored, what an import will do to the user's contacts.

:func:`plan_import` is pure and linear: the existing contacts are indexed once in dicts, then
each incoming row is looked up. An incoming person is the same as an existing contact when,
in this order:

1. a profile URL matches (see :func:`keys.profile_key`: scheme, ``www.``, query, trailing slash
   and LinkedIn's letter case do not matter);
2. an e-mail address matches, ignoring case;
3. the name matches (accents, case and spacing aside) and so does the organisation (legal forms
   such as "Inc." aside), unless both have LinkedIn profiles and they differ.

A key shared by several existing contacts matches none of them: the row becomes a possible
duplicate instead of being merged into the wrong person. So does a row whose name matches an
existing contact at another organisation. Possible duplicates are not imported by default; to add
one anyway, store ``duplicate.row.contact`` as a new contact.

Rows of the same file with the same profile URL or e-mail address are merged first, so a file
that lists someone twice creates one contact. Importing the same file twice changes nothing the
second time: every row is then unchanged (or a possible duplicate, as before).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from careernet_ui.domain.contacts import Contact

from .keys import email_key, name_key, organisation_key, profile_key
from .merge import merge_contact
from .results import ParsedRow

_URL_KEY = 'url:'
_EMAIL_KEY = 'email:'
_LINKEDIN_KEY = _URL_KEY + 'linkedin.com/'


@dataclass(kw_only=True, slots=True)
class MatchedContact:
    """An existing contact the file also lists.

    ``merged`` is what to store (same id); ``changed`` names the fields that differ from
    ``existing`` and is empty when the import changes nothing. ``lines`` are the file's lines that
    matched, ``matched_by`` says how (``'profile URL'``, ``'e-mail'``, ``'name and organisation'``).
    """

    existing: Contact
    merged: Contact
    changed: list[str]
    lines: list[int]
    matched_by: str
    warnings: list[str] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class PossibleDuplicate:
    """A row that may be someone the user already has; the user decides. ``reason`` names them."""

    row: ParsedRow
    candidates: list[Contact]
    reason: str


@dataclass(kw_only=True, slots=True)
class ImportPlan:
    """What importing a file would do: add ``new``, store ``updated``, leave the rest alone.

    ``unchanged`` lists matched contacts the file adds nothing to; ``possible_duplicates`` are
    skipped unless the user includes them.
    """

    new: list[ParsedRow] = field(default_factory=list)
    updated: list[MatchedContact] = field(default_factory=list)
    unchanged: list[MatchedContact] = field(default_factory=list)
    possible_duplicates: list[PossibleDuplicate] = field(default_factory=list)


def plan_import(existing: Sequence[Contact], incoming: Sequence[ParsedRow]) -> ImportPlan:
    """Match the file's rows to the user's contacts and say what importing them would change.

    Args:
        existing: Every contact the user has.
        incoming: The rows a parser read (``ParsedFile.rows``).

    Returns:
        The plan; nothing is stored. New contacts come with fresh ids, updated ones keep theirs.
    """
    index = _ContactIndex(existing)
    plan = ImportPlan()
    matches: dict[str, MatchedContact] = {}  # by existing contact id, in the file's order
    for row, keys in _merge_within_file(incoming):
        identity = _Identity.of(row.contact, keys)
        found, matched_by, ambiguous = index.match(identity)
        if found is not None:
            _record_match(matches, found, row, matched_by)
            continue
        candidates = _unique([*ambiguous, *index.same_name(identity)])
        if candidates:
            plan.possible_duplicates.append(
                PossibleDuplicate(row=row, candidates=candidates, reason=_reason(candidates))
            )
        else:
            plan.new.append(row)
    for match in matches.values():
        (plan.updated if match.changed else plan.unchanged).append(match)
    return plan


def merge_within_file(rows: Iterable[ParsedRow]) -> list[ParsedRow]:
    """The rows with those sharing a profile URL or e-mail address merged into the first of them.

    Args:
        rows: Rows as read from one file.

    Returns:
        One row per person, at the line of their first row; a merged row's warnings say which
        lines were folded into it.
    """
    return [row for row, _ in _merge_within_file(rows)]


def _merge_within_file(rows: Iterable[ParsedRow]) -> list[tuple[ParsedRow, list[str]]]:
    """:func:`merge_within_file`, with each person's identity keys (worked out once, they are slow)."""
    people: list[ParsedRow] = []
    people_keys: list[list[str]] = []
    by_key: dict[str, int] = {}
    for row in rows:
        keys = _identity_keys(row.contact)
        position = next((by_key[key] for key in keys if key in by_key), None)
        if position is None:
            position = len(people)
            people.append(row)
            people_keys.append(keys)
        else:
            first = people[position]
            merge = merge_contact(first.contact, row.contact)
            note = f'Line {row.line} lists the same person (same e-mail or profile URL); merged into line {first.line}.'
            people[position] = ParsedRow(
                line=first.line, contact=merge.contact, warnings=[*first.warnings, note, *row.warnings, *merge.warnings]
            )
            keys = people_keys[position] = _identity_keys(merge.contact)
        for key in keys:
            by_key.setdefault(key, position)
    return list(zip(people, people_keys, strict=True))
    return people


class _Identity(NamedTuple):
    """What a contact is matched on, worked out once per contact."""

    keys: list[str]
    name: str
    organisation: str
    linkedin: frozenset[str]

    @classmethod
    def of(cls, contact: Contact, keys: list[str] | None = None) -> _Identity:
        keys = _identity_keys(contact) if keys is None else keys
        return cls(
            keys=keys,
            name=name_key(contact.name),
            organisation=organisation_key(contact.organisation),
            linkedin=frozenset(key for key in keys if key.startswith(_LINKEDIN_KEY)),
        )

    def is_someone_else_than(self, other: _Identity) -> bool:
        """Both have LinkedIn profiles and none is shared: two people with the same name."""
        return bool(self.linkedin) and bool(other.linkedin) and self.linkedin.isdisjoint(other.linkedin)


class _ContactIndex:
    """The user's contacts by every key they can be matched on."""

    def __init__(self, contacts: Iterable[Contact]) -> None:
        self._by_key: defaultdict[str, list[Contact]] = defaultdict(list)
        self._by_name: defaultdict[str, list[Contact]] = defaultdict(list)
        self._by_name_and_organisation: defaultdict[tuple[str, str], list[Contact]] = defaultdict(list)
        self._identities: dict[str, _Identity] = {}
        for contact in contacts:
            identity = self._identities[contact.id] = _Identity.of(contact)
            for key in identity.keys:
                self._by_key[key].append(contact)
            if identity.name:
                self._by_name[identity.name].append(contact)
                self._by_name_and_organisation[identity.name, identity.organisation].append(contact)

    def match(self, identity: _Identity) -> tuple[Contact | None, str, list[Contact]]:
        """The one existing contact that is this person and how it matched, or None and any
        contacts that share a key with it (more than one, so none can be chosen)."""
        ambiguous: list[Contact] = []
        for key in identity.keys:
            found = self._by_key.get(key, [])
            if len(found) == 1:
                return found[0], 'e-mail' if key.startswith(_EMAIL_KEY) else 'profile URL', []
            ambiguous += found
        found = self._not_someone_else(
            self._by_name_and_organisation.get((identity.name, identity.organisation), []), identity
        )
        if len(found) == 1 and not ambiguous:
            return found[0], 'name and organisation', []
        return None, '', ambiguous + found

    def same_name(self, identity: _Identity) -> list[Contact]:
        """Existing contacts with this name that are not known to be someone else."""
        return self._not_someone_else(self._by_name.get(identity.name, []), identity)

    def _not_someone_else(self, contacts: list[Contact], identity: _Identity) -> list[Contact]:
        return [contact for contact in contacts if not self._identities[contact.id].is_someone_else_than(identity)]


def _identity_keys(contact: Contact) -> list[str]:
    """Profile URLs first (they name one person), then e-mail addresses."""
    urls = (profile_key(link) for link in contact.links)
    return [*(_URL_KEY + key for key in urls if key), *(_EMAIL_KEY + email_key(email) for email in contact.emails)]


def _record_match(matches: dict[str, MatchedContact], found: Contact, row: ParsedRow, matched_by: str) -> None:
    match = matches.get(found.id)
    if match is None:
        merge = merge_contact(found, row.contact)
        matches[found.id] = MatchedContact(
            existing=found,
            merged=merge.contact,
            changed=merge.changed,
            lines=[row.line],
            matched_by=matched_by,
            warnings=[*row.warnings, *merge.warnings],
        )
        return
    # A second row for the same contact (e.g. a vCard per e-mail address): fold it in as well.
    merge = merge_contact(match.merged, row.contact)
    match.merged = merge.contact
    match.changed = list(dict.fromkeys([*match.changed, *merge.changed]))
    match.lines.append(row.line)
    match.warnings += [*row.warnings, *merge.warnings]


def _unique(contacts: Iterable[Contact]) -> list[Contact]:
    return list({contact.id: contact for contact in contacts}.values())


def _reason(candidates: Sequence[Contact]) -> str:
    people = ' and '.join(
        f'{contact.name} ({contact.organisation})' if contact.organisation else contact.name
        for contact in candidates[:3]
    )
    more = f' and {len(candidates) - 3} more' if len(candidates) > 3 else ''
    return f'Possible duplicate of {people}{more}: skipped. Include it to add it as a new contact.'
