"""Turning what a person typed into records: parsing that every form shares.

Forms hold strings exactly as typed; these functions parse them and raise
``ValidationError`` naming the field, so the UI can put the message under it.
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import ValidationError

_SEPARATORS = re.compile(r'[,;\n]+')


def split_list(text: str) -> list[str]:
    """Split "a, b; c" or one entry per line into ``['a', 'b', 'c']``."""
    return [part.strip() for part in _SEPARATORS.split(text or '') if part.strip()]


def parse_date(text: str, field: str, label: str, *, required: bool = False) -> date | None:
    """Parse an ISO date (YYYY-MM-DD); empty gives None unless ``required``."""
    text = (text or '').strip()
    if not text:
        if required:
            raise ValidationError(f'{label} is required.', field=field)
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = f'{label} "{text}" is not a date; use YYYY-MM-DD, e.g. 2026-03-14.'
        raise ValidationError(message, field=field) from None


def parse_int(text: str, field: str, label: str) -> int | None:
    """Parse a whole number; empty gives None."""
    text = (text or '').strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError(f'{label} "{text}" is not a whole number.', field=field) from None


def parse_float(text: str, field: str, label: str) -> float | None:
    """Parse a number such as ``1.2``, ``-40`` or ``1,200``; empty gives None."""
    text = (text or '').strip()
    if not text:
        return None
    try:
        return float(text.replace(',', '').replace('\u2212', '-'))
    except ValueError:
        raise ValidationError(f'{label} "{text}" is not a number.', field=field) from None
