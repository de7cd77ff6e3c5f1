"""CareerNet's own CSV template, which is also what the CSV export writes.

The header row names the columns, in any order; only ``name`` is required::

    name,email,organisation,title,role,stage,tags
    Dana Okafor,dana@example.com,Acme Corp,Engineering Manager,supervisor,reference,former boss;acme

- ``email``: one address, or several separated by ``;``.
- ``role``: supervisor, colleague, mentor, client, peer, recruiter or other (empty = other).
- ``stage``: contact, potential_advocate, reference or advocate (empty = contact); the labels
  "Potential advocate" etc. are accepted too.
- ``tags``: separated by ``;``.
- Also read (the export writes them): ``phones`` and ``links`` (separated by ``;``), ``notes``,
  ``connected_on`` (2013-01-21).

A row with an unknown stage is skipped with a message naming the value and the allowed ones; an
unknown role keeps the person, with the default role (other) and a warning naming the value. A
list cell with a line break holds one value per line, ``;`` included: the export writes a list
that way, each value ending its line, when a value holds a ``;`` (a link like ``https://x.org/a;b``).
"""

from __future__ import annotations

import re
from functools import partial

from careernet_ui.domain.contacts import Contact, Role
from careernet_ui.domain.errors import ValidationError

from .csv_safety import restore
from .results import ParsedFile, SkippedRow
from .rows import add_draft, connection_date, role_from_text, split_list, stage_from_text, valid_emails

FORMAT = 'template_csv'
SOURCE = 'csv'
TEMPLATE_COLUMNS = ('name', 'email', 'organisation', 'title', 'role', 'stage', 'tags')
EXPORT_COLUMNS = (*TEMPLATE_COLUMNS, 'phones', 'links', 'notes', 'connected_on')
LIST_SEPARATOR = ';'

# Spellings people are likely to type in a header of their own.
_ALIASES = {
    'emails': 'email',
    'e-mail': 'email',
    'organization': 'organisation',
    'company': 'organisation',
    'phone': 'phones',
    'link': 'links',
    'url': 'links',
    'note': 'notes',
    'tag': 'tags',
    'connected on': 'connected_on',
}
_EMAIL_SEPARATORS = re.compile(r'[;,]')


def list_cell(values: tuple[str, ...]) -> str:
    """A list column's cell: values joined with ``"; "``, or each on a line if one holds a ``;``."""
    if any(LIST_SEPARATOR in value for value in values):
        return ''.join(value + '\n' for value in values)
    return (LIST_SEPARATOR + ' ').join(values)


def list_values(cell: str) -> tuple[str, ...]:
    """The values in a list column's cell (unstripped): one per line if it has a line break, else split at ``;``."""
    if '\n' in cell or '\r' in cell:
        return tuple(line.strip() for line in cell.splitlines() if line.strip())
    return split_list(cell, LIST_SEPARATOR)


def template_column(header: str) -> str:
    """The template column a header cell names (case and known spellings evened out), or the cell."""
    name = header.strip().casefold()
    return _ALIASES.get(name, name)


def is_template_header(columns: list[str]) -> bool:
    """Whether a header row (already passed through :func:`template_column`) is the template's."""
    return 'name' in columns


def unknown_columns_warning(columns: list[str]) -> str | None:
    """A file-level warning naming header cells the template does not use, if there are any."""
    unknown = [column for column in columns if column and column not in EXPORT_COLUMNS]
    if not unknown:
        return None
    return f'These columns are not part of the CareerNet template and were ignored: {", ".join(unknown)}.'


def add_template_row(parsed: ParsedFile, line: int, row: dict[str, str]) -> None:
    """Add one template row to ``parsed``: as a contact, or skipped with the reason.

    Args:
        parsed: Where the row goes.
        line: The 1-based line where the row starts.
        row: Cell text by template column name.
    """

    def cell(column: str) -> str:
        return restore(row.get(column, '')).strip()

    name = cell('name')
    warnings: list[str] = []
    try:
        role = role_from_text(cell('role'))
    except ValidationError as error:
        # A typo in the role is no reason to lose the person: they are kept with the default role.
        warnings.append(f'{error} Kept as "{Role.OTHER.label}"; change it on their page.')
        role = Role.OTHER
    try:
        stage = stage_from_text(cell('stage'))
    except ValidationError as error:
        parsed.skipped.append(SkippedRow(line=line, reason=str(error), name=name))
        return
    build = partial(
        Contact,
        name=name,
        emails=valid_emails(_EMAIL_SEPARATORS.split(cell('email')), warnings),
        organisation=cell('organisation'),
        title=cell('title'),
        role=role,
        stage=stage,
        tags=list_values(restore(row.get('tags', ''))),
        phones=list_values(restore(row.get('phones', ''))),
        links=list_values(restore(row.get('links', ''))),
        notes=cell('notes'),
        connected_on=connection_date(cell('connected_on'), 'connected_on', warnings),
        source=SOURCE,
    )
    add_draft(parsed, line, name, warnings, build)
