"""Small reusable checks used by the domain dataclasses' ``__post_init__``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import TypeVar

from .errors import ValidationError

MAX_NAME = 200
MAX_LINE = 500
MAX_TEXT = 20_000
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)

# Deliberately simple: one @, no spaces, a dot in the domain. RFC 5322 in full accepts strings no
# person types on purpose, and a stricter rule would refuse real addresses.
_EMAIL = re.compile(r'^[^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;".]+$')

# Whitespace around any line break, as str.splitlines() knows them.
_LINE_BREAK = re.compile(r'\s*[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]\s*')

E = TypeVar('E', bound=Enum)


def required_text(value: str, field: str, label: str, *, limit: int = MAX_NAME) -> str:
    """Return ``value`` stripped, on one line; refuse it empty or longer than ``limit`` characters.

    Required texts are names and titles: a line break in one (pasted from a mail) would split a
    calendar event's title, so each run of whitespace holding a line break becomes one space.
    """
    if isinstance(value, str):
        value = _LINE_BREAK.sub(' ', value)
    text = optional_text(value, field, label, limit=limit)
    if not text:
        raise ValidationError(f'{label} is required.', field=field)
    return text


def optional_text(value: str, field: str, label: str, *, limit: int = MAX_LINE) -> str:
    """Return ``value`` stripped; refuse it longer than ``limit`` characters."""
    if not isinstance(value, str):
        raise ValidationError(f'{label} must be text, not {type(value).__name__}.', field=field)
    text = value.strip()
    if len(text) > limit:
        raise ValidationError(
            f'{label} is {len(text):,} characters long; the limit is {limit:,}.', field=field
        )
    return text


def text_list(values: Iterable[str], field: str, label: str, *, limit: int = MAX_LINE) -> list[str]:
    """Strip each entry, drop empty ones and duplicates (keeping order), and bound their length."""
    seen: dict[str, str] = {}  # casefolded -> the first spelling, in order
    for value in values:
        text = optional_text(value, field, label, limit=limit)
        if text:
            seen.setdefault(text.casefold(), text)
    if len(seen) > 100:
        raise ValidationError(f'{label}: at most 100 entries, got {len(seen)}.', field=field)
    return list(seen.values())


def email_list(values: Iterable[str], field: str = 'emails') -> list[str]:
    """Validate e-mail addresses: each must look like ``name@example.com``."""
    emails = text_list(values, field, 'E-mail', limit=254)
    for email in emails:
        if not _EMAIL.match(email):
            raise ValidationError(f'"{email}" is not an e-mail address (expected name@example.com).', field=field)
    return emails


def tag_list(values: Iterable[str], field: str = 'tags') -> list[str]:
    """Tags are short, lower-case labels."""
    return text_list((v.strip().lower() for v in values), field, 'Tag', limit=60)


def sane_date(value: date | None, field: str, label: str) -> date | None:
    """Refuse dates that cannot be real for a career (before 1900 or after 2100)."""
    if value is None:
        return None
    if not isinstance(value, date):
        raise ValidationError(f'{label} must be a date, not {value!r}.', field=field)
    if not EARLIEST <= value <= LATEST:
        raise ValidationError(
            f'{label} {value.isoformat()} is out of range ({EARLIEST.year}–{LATEST.year}).', field=field
        )
    return value


def not_after(value: date | None, limit: date, field: str, label: str) -> None:
    """Refuse a date after ``limit`` (used for things that already happened)."""
    if value is not None and value > limit:
        raise ValidationError(
            f'{label} {value.isoformat()} is in the future; use a date on or before {limit.isoformat()}.',
            field=field,
        )


def member(value: E | str, enum: type[E], field: str, label: str) -> E:
    """Coerce ``value`` into ``enum``; refuse unknown values and list the known ones."""
    if isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        known = ', '.join(str(m.value) for m in enum)
        raise ValidationError(f'Unknown {label} "{value}"; choose one of: {known}.', field=field) from None


def positive_days(value: int | None, field: str, label: str) -> int | None:
    """A number of days between 1 and 3650, or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3650:
        raise ValidationError(f'{label} must be a whole number of days from 1 to 3650, not {value!r}.', field=field)
    return value
