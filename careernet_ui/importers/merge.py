"""Fold what a file says about a person into the contact the user already has, losing nothing.

The rules, so that an import never undoes the user's own work:

- E-mail addresses, phone numbers, links and tags are united; none is ever removed.
- Organisation, title, connection date and notes are filled only when empty. When the file says
  something else, the user's value is kept and a warning says what the file had.
- Name, role, stage, stage history, how you met, keep-in-touch cadence and consent are the
  user's: never changed. A role or stage in the file that differs is reported as a warning.
- ``source`` says where the contact was first created and is never changed either: a contact
  added by hand that a file also lists was still added by hand (filling it in made re-importing
  CareerNet's own export "update" every contact added by hand).
- The id and creation time are kept; stamping ``updated_at`` is left to whoever stores the result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from careernet_ui.domain.contacts import Contact, Role, Stage
from careernet_ui.domain.errors import ValidationError

from .keys import email_key, organisation_key, phone_key, url_key


@dataclass(kw_only=True, slots=True)
class Merge:
    """The outcome of :func:`merge_contact`: the contact, the fields that changed, and warnings."""

    contact: Contact
    changed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def merge_contact(kept: Contact, incoming: Contact) -> Merge:
    """Add what ``incoming`` knows to ``kept`` under the rules above.

    Args:
        kept: The contact whose id, name and user-set fields win.
        incoming: The same person as read from a file.

    Returns:
        The merged contact (``kept`` itself when nothing changed), the names of the fields that
        changed, and warnings about values in the file that were not taken.
    """
    changes: dict[str, Any] = {}
    warnings: list[str] = []
    _unite(changes, 'emails', kept.emails, incoming.emails, email_key)
    _unite(changes, 'phones', kept.phones, incoming.phones, phone_key)
    _unite(changes, 'links', kept.links, incoming.links, url_key)
    _unite(changes, 'tags', kept.tags, incoming.tags, str.casefold)
    _fill(changes, warnings, 'organisation', kept.organisation, incoming.organisation, organisation_key)
    _fill(changes, warnings, 'title', kept.title, incoming.title, str.casefold)
    _fill_date(changes, warnings, kept, incoming)
    _fill_notes(changes, warnings, kept, incoming)
    _report_choice(warnings, 'role', kept.role, incoming.role, Role.OTHER)
    _report_choice(warnings, 'stage', kept.stage, incoming.stage, Stage.CONTACT)
    if not changes:
        return Merge(contact=kept, warnings=warnings)
    try:
        merged = replace(kept, **changes)
    except ValidationError as error:  # e.g. more than 100 e-mail addresses once united
        warnings.append(f'The details in the file were not added to {kept.name}: {error}')
        return Merge(contact=kept, warnings=warnings)
    return Merge(contact=merged, changed=list(changes), warnings=warnings)


def _unite(
    changes: dict[str, Any], name: str, kept: Sequence[str], incoming: Sequence[str], key: Callable[[str], str]
) -> None:
    known = {key(value) for value in kept}
    added: list[str] = []
    for value in incoming:
        value_key = key(value)
        if value_key not in known:
            known.add(value_key)
            added.append(value)
    if added:
        changes[name] = [*kept, *added]


def _fill(
    changes: dict[str, Any],
    warnings: list[str],
    name: str,
    kept: str,
    incoming: str,
    key: Callable[[str], str],
) -> None:
    if not incoming:
        return
    if not kept:
        changes[name] = incoming
    elif key(kept) != key(incoming):
        warnings.append(f'The file has {name} "{incoming}"; kept "{kept}".')


def _fill_date(changes: dict[str, Any], warnings: list[str], kept: Contact, incoming: Contact) -> None:
    if incoming.connected_on is None:
        return
    if kept.connected_on is None:
        changes['connected_on'] = incoming.connected_on
    elif kept.connected_on != incoming.connected_on:
        warnings.append(
            f'The file has connected on {incoming.connected_on.isoformat()}; kept {kept.connected_on.isoformat()}.'
        )


def _fill_notes(changes: dict[str, Any], warnings: list[str], kept: Contact, incoming: Contact) -> None:
    if not incoming.notes:
        return
    if not kept.notes:
        changes['notes'] = incoming.notes
    elif incoming.notes not in kept.notes:
        warnings.append(f'The file has other notes for {kept.name}; kept yours.')


def _report_choice(
    warnings: list[str], name: str, kept: Role | Stage, incoming: Role | Stage, default: Role | Stage
) -> None:
    # A file that says nothing about role or stage reads as the default: not worth a warning.
    if incoming is not default and incoming is not kept:
        warnings.append(f'The file has {name} "{incoming.value}"; kept "{kept.value}".')
