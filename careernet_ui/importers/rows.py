"""Shared steps for turning one row or card into a contact draft, or into a reason it was skipped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar

from careernet_ui.domain import validation as v
from careernet_ui.domain.contacts import Contact, Role, Stage
from careernet_ui.domain.errors import ValidationError

from .results import ParsedFile, ParsedRow, SkippedRow

_MONTHS = {
    name: number
    for number, name in enumerate(
        ('jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'), 1
    )
}
_DATE_PARTS = re.compile(r'[\s,.-]+')
_Choice = TypeVar('_Choice', bound=StrEnum)


def add_draft(parsed: ParsedFile, line: int, name: str, warnings: list[str], build: Callable[..., Contact]) -> None:
    """Build the contact and add it to ``parsed``; a row the domain refuses is skipped with its reason.

    Args:
        parsed: Where the row (or the skipped row) goes.
        line: The 1-based line where the row starts.
        name: The person's name as read, to tell the user which row was skipped.
        warnings: Warnings collected while reading the row.
        build: Makes the Contact, given ``created_at`` and ``updated_at`` (the file's ``read_at``);
            its validation errors become the skip reason.
    """
    if not name.strip():
        parsed.skipped.append(SkippedRow(line=line, reason='This entry has no name; a contact needs one.'))
        return
    try:
        contact = build(created_at=parsed.read_at, updated_at=parsed.read_at)
    except ValidationError as error:
        parsed.skipped.append(SkippedRow(line=line, reason=str(error), name=name))
        return
    parsed.rows.append(ParsedRow(line=line, contact=contact, warnings=warnings))


def valid_emails(values: Iterable[str], warnings: list[str]) -> tuple[str, ...]:
    """The values that are e-mail addresses; each one that is not is dropped with a warning."""
    emails: list[str] = []
    for value in values:
        text = value.strip()
        if not text:
            continue
        try:
            v.email_list([text])
        except ValidationError as error:
            warnings.append(f'{error} It was left out.')
            continue
        emails.append(text)
    return tuple(emails)


def connection_date(text: str, label: str, warnings: list[str]) -> date | None:
    """Read a date such as "21 Jan 2013", "21 January 2013" or "2013-01-21".

    A date that cannot be read, or is outside 1900–2100, is dropped with a warning naming it.
    """
    text = text.strip()
    if not text:
        return None
    day = _parse_date(text)
    if day is None:
        warnings.append(f'{label} "{text}" is not a date (expected e.g. 21 Jan 2013); it was left out.')
    return day


@lru_cache(maxsize=8192)  # a large export repeats the same few thousand dates
def _parse_date(text: str) -> date | None:
    day: date | None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = _day_month_year(text)
    if day is None or not v.EARLIEST <= day <= v.LATEST:
        return None
    return day


def _day_month_year(text: str) -> date | None:
    parts = _DATE_PARTS.split(text)
    if len(parts) != 3 or not parts[0].isdigit() or not parts[2].isdigit() or len(parts[2]) != 4:
        return None
    month = _MONTHS.get(parts[1][:3].casefold())
    if month is None:
        return None
    try:
        return date(int(parts[2]), month, int(parts[0]))
    except ValueError:
        return None


def role_from_text(text: str) -> Role:
    """A role from its value or label ("Mentor", "mentor"); empty means ``Role.OTHER``.

    Raises:
        ValidationError: Unknown role; the message names it and lists the allowed ones.
    """
    return _choice(text, Role, 'role') if text.strip() else Role.OTHER


def stage_from_text(text: str) -> Stage:
    """A stage from its value or label ("Potential advocate", "potential_advocate"); empty means contact.

    Raises:
        ValidationError: Unknown stage; the message names it and lists the allowed ones.
    """
    return _choice(text, Stage, 'stage') if text.strip() else Stage.CONTACT


def _choice(text: str, enum: type[_Choice], label: str) -> _Choice:
    value = '_'.join(text.strip().casefold().replace('-', ' ').split())
    for member in enum:
        if member.value == value:
            return member
    allowed = ', '.join(member.value for member in enum)
    raise ValidationError(f'Unknown {label} "{text.strip()}"; use one of: {allowed}.', field=label)


def split_list(text: str, separator: str) -> tuple[str, ...]:
    """Split a cell holding several values; empty pieces are dropped."""
    return tuple(piece.strip() for piece in text.split(separator) if piece.strip())


def with_departments(notes: str, departments: Iterable[str]) -> str:
    """Keep an organisation's departments in the notes, since a contact has one organisation field."""
    units = [unit.strip() for unit in departments if unit.strip()]
    if not units:
        return notes
    line = 'Department: ' + ' — '.join(units)
    return f'{notes}\n\n{line}' if notes.strip() else line


def is_blank(cells: Iterable[str]) -> bool:
    """Whether a CSV row has nothing in it but empty cells."""
    return not any(cell.strip() for cell in cells)
