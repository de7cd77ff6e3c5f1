"""Contacts to a vCard 3.0 file, written by vobject.

Version 3.0 rather than 4.0 because more address books read it: Outlook and older Android phones
do not import 4.0, and Apple and Google Contacts read both.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import vobject

from careernet_ui.domain.contacts import Contact

from .portable_text import carriable


def contacts_to_vcard(contacts: Iterable[Contact]) -> str:
    """Write contacts as one vCard 3.0 text, one card each, in the given order.

    Each card has UID (the contact's id), FN, N, ORG, TITLE, EMAIL, TEL, URL, NOTE and CATEGORIES,
    plus X-CAREERNET-ROLE, X-CAREERNET-STAGE and X-CAREERNET-CONNECTED-ON, which other address
    books ignore and :func:`parse_vcard` reads back. Lines end in CRLF and long lines are folded,
    as the standard asks. No value holds a character a vCard reader chokes on (see :func:`carriable`).

    Args:
        contacts: The contacts to export.

    Returns:
        The vCard text.
    """
    return ''.join(_card(contact).serialize() for contact in contacts)


def _card(contact: Contact) -> Any:
    card = vobject.vCard()
    card.add('uid').value = contact.id
    name = _text(contact.name)
    card.add('fn').value = name
    given, _, family = name.rpartition(' ')
    card.add('n').value = vobject.vcard.Name(family=family, given=given) if given else vobject.vcard.Name(given=family)
    if contact.organisation:
        card.add('org').value = [_text(contact.organisation)]
    if contact.title:
        card.add('title').value = _text(contact.title)
    for email in contact.emails:
        line = card.add('email')
        line.value = _text(email)
        line.type_param = 'INTERNET'
    for phone in contact.phones:
        card.add('tel').value = _text(phone)
    for link in contact.links:
        card.add('url').value = _text(link)
    if contact.notes:
        card.add('note').value = _text(contact.notes)
    if contact.tags:
        card.add('categories').value = [_text(tag) for tag in contact.tags]
    card.add('x-careernet-role').value = contact.role.value
    card.add('x-careernet-stage').value = contact.stage.value
    if contact.connected_on is not None:
        card.add('x-careernet-connected-on').value = contact.connected_on.isoformat()
    return card


def _text(value: str) -> str:
    # vobject writes a newline as the two characters \n; anything else that breaks a line for a
    # reader, and controls, would be written as they are (see carriable).
    return carriable(value, multiline=True)
