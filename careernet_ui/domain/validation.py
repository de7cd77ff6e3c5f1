"""Small reusable checks used by the domain dataclasses' ``__post_init__``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from typing import TypeVar

from .errors import ValidationError
from .records import Stamped

MAX_NAME = 200
MAX_LINE = 500
MAX_TEXT = 20_000
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)

# Text is valid Unicode scalar values (no lone surrogates) without C0/C1 controls: a surrogate
# cannot be encoded as UTF-8, so one in a name breaks every page and export that shows it, and a
# NUL or ESC makes CareerNet's own exports unreadable by the next program. Multi-line fields (the
# long ones, limit MAX_TEXT) may also hold TAB and newline. The line and paragraph separators
# U+2028/U+2029 break lines for str.splitlines (and so for vobject): newlines in a multi-line
# field, refused in a one-line field.
_BAD_IN_LINE = re.compile('[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]')
_BAD_IN_TEXT = re.compile('[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]')
_NEWLINES = str.maketrans({'\r': '\n', '\u2028': '\n', '\u2029': '\n'})
# A record id: what new_id() makes (32 hex digits), or a short slug (tests, derived follow-up ids).
_ID = re.compile(r'[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}')

# Deliberately simple: one @, no spaces, a dot in the domain. RFC 5322 in full accepts strings no
# person types on purpose, and a stricter rule would refuse real addresses.
_EMAIL = re.compile(r'^[^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;".]+$')

# Whitespace around any line break, as str.splitlines() knows them.
# A line break typed or pasted into a name; other breaks (VT, NEL, U+2028 …) are controls, refused.
_LINE_BREAK = re.compile(r'[ \t]*[\r\n]+[ \t]*')

E = TypeVar('E', bound=Enum)


def required_text(value: str, field: str, label: str, *, limit: int = MAX_NAME) -> str:
    """Return ``value`` stripped, on one line; refuse it empty or longer than ``limit`` characters.

    Required texts are names and titles: a line break in one (pasted from a mail) would split a
    calendar event's title, so each run of whitespace holding a line break becomes one space.
    """
    if isinstance(value, str) and not value.isprintable():  # a printable string holds no line break
        value = _LINE_BREAK.sub(' ', value)
    text = optional_text(value, field, label, limit=limit)
    if not text:
        raise ValidationError(f'{label} is required.', field=field)
    return text


def optional_text(value: str, field: str, label: str, *, limit: int = MAX_LINE) -> str:
    """Return ``value`` stripped; refuse it longer than ``limit`` characters or holding a bad character.

    Fields whose limit is ``MAX_TEXT`` are multi-line: they keep TAB and newline (a carriage
    return becomes a newline). Every other field is one line: no control character at all.
    """
    if value.__class__ is str and value.isprintable():
        # The common case, checked in C: no control, surrogate, line or paragraph separator (all
        # "non-printable" to Unicode), so nothing to refuse and no line break to normalise.
        text = value.strip()
        if len(text) <= limit:
            return text
    if not isinstance(value, str):
        raise ValidationError(f'{label} must be text, not {type(value).__name__}.', field=field)
    multiline = limit >= MAX_TEXT
    if multiline:
        value = value.replace('\r\n', '\n').translate(_NEWLINES)
    bad = (_BAD_IN_TEXT if multiline else _BAD_IN_LINE).search(value)
    if bad is not None:
        raise ValidationError(f'{label} holds {_describe(bad.group())} at character {bad.start() + 1}: '
                              'remove it and try again.', field=field)
    text = value.strip()
    if len(text) > limit:
        raise ValidationError(
            f'{label} is {len(text):,} characters long; the limit is {limit:,}.', field=field
        )
    return text


def record_id(value: object, field: str = 'id', label: str = 'Id') -> str:
    """Refuse anything but an id in CareerNet's own format (what ``new_id`` makes, or a short slug)."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValidationError(f'{label} must be an id of letters, digits and "-_.:@" (at most 200), '
                              f'not {shown(value)}.', field=field)
    return value


def optional_id(value: object, field: str, label: str) -> str | None:
    """``record_id``, or None."""
    return None if value is None else record_id(value, field, label)


def id_list(values: object, field: str, label: str) -> list[str]:
    """A list of record ids, duplicates dropped (keeping order)."""
    if not isinstance(values, list | tuple):
        raise ValidationError(f'{label} must be a list of ids, not {type(values).__name__}.', field=field)
    return list(dict.fromkeys(record_id(value, field, label) for value in values))


def stamps(record: Stamped) -> None:
    """Check the id and the creation and change times every stored record carries."""
    record_id(record.id)
    if record.created_at.__class__ is datetime and record.updated_at.__class__ is datetime:
        return  # the common case, without a loop
    for name in ('created_at', 'updated_at'):
        if not isinstance(getattr(record, name), datetime):
            raise ValidationError(f'{name} must be a date and time, not {shown(getattr(record, name))}.',
                                  field=name)


def typed(value: object, kind: type | tuple[type, ...], field: str, label: str) -> None:
    """Refuse a value of the wrong JSON type (a list where a number belongs, say)."""
    if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
        raise ValidationError(f'{label} has the wrong type ({type(value).__name__}).', field=field)


def text_list(values: Iterable[str], field: str, label: str, *, limit: int = MAX_LINE) -> tuple[str, ...]:
    """Strip each entry, drop empty ones and duplicates (keeping order), and bound their length."""
    if values.__class__ is tuple or values.__class__ is list:
        if len(values) < 2:  # most lists (a person's e-mail, phone, link): no duplicates to drop
            text = optional_text(values[0], field, label, limit=limit) if values else ''
            return (text,) if text else ()
    elif isinstance(values, str) or not isinstance(values, Iterable):
        raise ValidationError(f'{label}: expected a list, not {type(values).__name__}.', field=field)
    seen: dict[str, str] = {}  # casefolded -> the first spelling, in order
    for value in values:
        text = optional_text(value, field, label, limit=limit)
        if text:
            seen.setdefault(text.casefold(), text)
    if len(seen) > 100:
        raise ValidationError(f'{label}: at most 100 entries, got {len(seen)}.', field=field)
    return tuple(seen.values())


def email_list(values: Iterable[str], field: str = 'emails') -> tuple[str, ...]:
    """Validate e-mail addresses: each must look like ``name@example.com``."""
    emails = text_list(values, field, 'E-mail', limit=254)
    for email in emails:
        if not _EMAIL.match(email):
            raise ValidationError(f'"{email}" is not an e-mail address (expected name@example.com).', field=field)
    return emails


def tag_list(values: Iterable[str], field: str = 'tags') -> tuple[str, ...]:
    """Tags are short, lower-case labels."""
    if values.__class__ is tuple or values.__class__ is list:
        if not values:
            return ()
    elif isinstance(values, str) or not isinstance(values, Iterable):  # (an ABC check: slow, so not first)
        raise ValidationError(f'Tags: expected a list, not {type(values).__name__}.', field=field)
    return text_list([v.strip().lower() if isinstance(v, str) else v for v in values], field, 'Tag', limit=60)


def sane_date(value: date | None, field: str, label: str) -> date | None:
    """Refuse dates that cannot be real for a career (before 1900 or after 2100)."""
    if value is None:
        return None
    if not isinstance(value, date):
        raise ValidationError(f'{label} must be a date, not {shown(value)}.', field=field)
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
        quoted = f'"{value[:60]}"' if isinstance(value, str) else shown(value)
        raise ValidationError(f'Unknown {label} {quoted}; choose one of: {known}.', field=field) from None


def positive_days(value: int | None, field: str, label: str) -> int | None:
    """A number of days between 1 and 3650, or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3650:
        raise ValidationError(f'{label} must be a whole number of days from 1 to 3650, not {shown(value)}.',
                              field=field)
    return value


# Quick checks: whether a value is already what the check above it would return, unchanged.
#
# A record read from the data file is nearly always valid and in normal form, since CareerNet
# wrote it. The records of the big tables (Contact, Interaction, StageChange) ask these first, in
# one expression (``_is_normal``), and only when one says no run the checks above, field by field,
# which normalise and explain. At 30,000 contacts that takes a third of the records' validation
# off opening the file (0.3 s to 0.2 s). Each holds only when the full check would return the
# value as it is; tests/domain/test_quick_checks.py tries that on generated records.


def is_plain(value: object, limit: int) -> bool:
    """Whether ``optional_text`` returns ``value`` unchanged: printable, stripped, at most ``limit`` long."""
    return value.__class__ is str and value.isprintable() and len(value) <= limit and value == value.strip()


def is_plain_list(values: object, limit: int) -> bool:
    """Whether ``text_list`` returns ``values`` unchanged: a tuple of plain, non-empty, distinct entries."""
    if values.__class__ is not tuple:
        return False
    for entry in values:
        if entry == '' or not is_plain(entry, limit):
            return False
    return len(values) < 2 or (len(values) <= 100 and len({entry.casefold() for entry in values}) == len(values))


def is_email_list(values: tuple[str, ...]) -> bool:
    """Whether ``email_list`` returns ``values`` unchanged."""
    return is_plain_list(values, 254) and all(_EMAIL.match(email) for email in values)


def is_tag_list(values: tuple[str, ...]) -> bool:
    """Whether ``tag_list`` returns ``values`` unchanged."""
    return is_plain_list(values, 60) and all(tag == tag.lower() for tag in values)


def is_record_id(value: object) -> bool:
    """Whether ``record_id`` accepts ``value``."""
    return value.__class__ is str and _ID.fullmatch(value) is not None


def is_stamped(record: Stamped) -> bool:
    """Whether ``stamps`` accepts ``record``."""
    return (record.created_at.__class__ is datetime and record.updated_at.__class__ is datetime
            and is_record_id(record.id))


def is_sane_date(value: object) -> bool:
    """Whether ``sane_date`` accepts ``value``, a date (None is for the caller to allow)."""
    return value.__class__ is date and EARLIEST <= value <= LATEST


def shown(value: object) -> str:
    """A bad value as a message quotes it: short, and safe for huge numbers and deep lists."""
    if isinstance(value, str):
        text = repr(value)
    elif isinstance(value, bool | float | date) or value is None:
        text = str(value)
    elif isinstance(value, int):
        text = str(value) if value.bit_length() < 200 else 'a number too large to be one'
    else:
        return f'a {type(value).__name__}'
    return text if len(text) <= 60 else text[:57] + '...'


def _describe(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return f'a lone surrogate (U+{code:04X}, not a character)'
    if code in (0x2028, 0x2029):
        return f'a line break (U+{code:04X})'
    return f'a control character (U+{code:04X})'
