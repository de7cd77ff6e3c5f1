"""What a parser hands back: the people it read, the rows it had to leave out, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from careernet_ui.domain.contacts import Contact
from careernet_ui.domain.records import utc_now


@dataclass(kw_only=True, slots=True)
class ParsedRow:
    """One person read from the file, not yet stored.

    ``line`` is the 1-based line of the file where the row (or card) starts. ``warnings`` are
    things the user may want to know that did not stop the import (a date that was dropped, an
    e-mail address that was not one).
    """

    line: int
    contact: Contact
    warnings: list[str] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class SkippedRow:
    """A row that could not become a contact. ``reason`` is fit to show the user."""

    line: int
    reason: str
    name: str = ''


@dataclass(kw_only=True, slots=True)
class ParsedFile:
    """Everything read from one file.

    ``format`` is one of ``'linkedin'``, ``'vcard'``, ``'google_csv'`` or ``'template_csv'``.
    ``warnings`` concern the whole file (for example columns that were ignored). ``read_at`` is
    every contact's creation and change time: one shared value, not two per contact.
    """

    format: str
    rows: list[ParsedRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    blank_rows: int = 0
    warnings: list[str] = field(default_factory=list)
    read_at: datetime = field(default_factory=utc_now)
