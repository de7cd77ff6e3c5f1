"""Google Contacts' CSV export ("Google CSV"), in its current and its older column layout.

Current: ``First Name, Middle Name, Last Name, Organization Name, Organization Title,
Organization Department, Notes, Labels, E-mail 1 - Value, Phone 1 - Value, Website 1 - Value``.
Older: ``Name, Given Name, Family Name, Group Membership, Organization 1 - Name,
Organization 1 - Title``, same e-mail, phone and website columns. Several values in one cell are
separated by `` ::: ``. Outlook's CSV columns (``Company``, ``Job Title``, ``E-mail Address``,
``Mobile Phone``, ``Categories``, ``Web Page``) are read too, since Outlook shares the name columns.

The department, when there is one, is kept in the notes ("Department: …"), as for vCards.
"""

from __future__ import annotations

import re
from functools import partial

from careernet_ui.domain.contacts import Contact

from .results import ParsedFile
from .rows import add_draft, split_list, valid_emails, with_departments

FORMAT = 'google_csv'
SOURCE = 'google'
VALUE_SEPARATOR = ':::'
# Any of these in the header means a Google (or Outlook) contacts export.
MARKER_COLUMNS = frozenset(
    {
        'first name',
        'last name',
        'given name',
        'family name',
        'organization name',
        'organization 1 - name',
        'e-mail 1 - value',
        'group membership',
        'labels',
    }
)
# Google's own groups, not labels a person chose.
_SYSTEM_LABELS = frozenset({'mycontacts', 'starred', 'my contacts'})
_EMAIL_COLUMN = re.compile(r'^(e-mail \d+ - value|e-mail( \d+)? address)$')
_PHONE_COLUMN = re.compile(r'^(phone \d+ - value|.* phone( \d+)?)$')
_WEBSITE_COLUMN = re.compile(r'^(website \d+ - value|web page)$')


def is_google_header(columns: list[str]) -> bool:
    """Whether a header row (cells stripped and case-folded) is a Google or Outlook contacts export."""
    return not MARKER_COLUMNS.isdisjoint(columns)


def add_google_row(parsed: ParsedFile, line: int, row: dict[str, str]) -> None:
    """Add one Google Contacts row to ``parsed``: as a contact, or skipped with the reason.

    Args:
        parsed: Where the row goes.
        line: The 1-based line where the row starts.
        row: Cell text by case-folded column name, in the file's column order.
    """

    def cell(*columns: str) -> str:
        for column in columns:
            text = row.get(column, '').strip()
            if text:
                return text
        return ''

    warnings: list[str] = []
    name = _name(row)
    build = partial(
        Contact,
        name=name,
        organisation=cell('organization name', 'organization 1 - name', 'company'),
        title=cell('organization title', 'organization 1 - title', 'job title'),
        emails=valid_emails(_values(row, _EMAIL_COLUMN), warnings),
        phones=_values(row, _PHONE_COLUMN),
        links=_values(row, _WEBSITE_COLUMN),
        tags=_labels(cell('labels', 'group membership'), cell('categories')),
        notes=with_departments(
            cell('notes'), [cell('organization department', 'organization 1 - department', 'department')]
        ),
        source=SOURCE,
    )
    add_draft(parsed, line, name, warnings, build)


def _name(row: dict[str, str]) -> str:
    def joined(*columns: str) -> str:
        return ' '.join(part for part in (row.get(column, '').strip() for column in columns) if part)

    return (
        joined('first name', 'middle name', 'last name')
        or joined('name')
        or joined('given name', 'additional name', 'family name')
        or joined('nickname')
        or joined('file as')
    )


def _values(row: dict[str, str], column: re.Pattern[str]) -> tuple[str, ...]:
    """Every value in the columns whose name matches, in column order, ``:::`` lists split."""
    return tuple(value for name, text in row.items() if column.match(name)
                 for value in split_list(text, VALUE_SEPARATOR))


def _labels(labels: str, categories: str) -> tuple[str, ...]:
    tags = [label.removeprefix('* ').strip() for label in split_list(labels, VALUE_SEPARATOR)]
    tags += split_list(categories, ';')
    return tuple(tag for tag in tags if tag.casefold() not in _SYSTEM_LABELS)
