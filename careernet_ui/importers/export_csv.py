"""Contacts to CSV in CareerNet's template, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from careernet_ui.domain.contacts import Contact

from .csv_safety import neutralize
from .portable_text import carriable
from .template_csv import EXPORT_COLUMNS, list_cell


def contacts_to_csv(contacts: Iterable[Contact]) -> str:
    """Write contacts as CSV text with the template's columns plus phones, links, notes, connected_on.

    Lists (e-mail addresses, tags, phones, links) are joined with ``"; "``, or written one per line
    when a value holds a ``;`` (see :func:`list_cell`). Every cell that a
    spreadsheet could run as a formula is prefixed with a single quote; :func:`parse_contacts_csv`
    removes it again, so the file imports back to the same contacts. No cell holds a character
    a CSV reader chokes on (NUL and other controls: see :func:`carriable`). Rows keep the given order and
    lines end in CRLF (RFC 4180), so the same contacts always give the same text. Write it as
    UTF-8 (``'utf-8-sig'`` if it will be opened in Excel).

    Args:
        contacts: The contacts to export.

    Returns:
        The CSV text, header row first.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator='\r\n')
    writer.writerow(EXPORT_COLUMNS)
    for contact in contacts:
        writer.writerow(neutralize(carriable(cell, multiline=True)) for cell in _cells(contact))
    return buffer.getvalue()


def _cells(contact: Contact) -> list[str]:
    return [
        contact.name,
        list_cell(contact.emails),
        contact.organisation,
        contact.title,
        contact.role.value,
        contact.stage.value,
        list_cell(contact.tags),
        list_cell(contact.phones),
        list_cell(contact.links),
        contact.notes,
        contact.connected_on.isoformat() if contact.connected_on else '',
    ]
