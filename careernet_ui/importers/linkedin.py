"""LinkedIn's Connections.csv: a "Notes:" preamble, then one row per connection.

The export looks like this (older exports have no URL column; e-mail addresses are mostly empty
because people hide them)::

    Notes:
    "When exporting your connection data, you may notice that some of the email addresses ..."

    First Name,Last Name,URL,Email Address,Company,Position,Connected On
    Dana,Okafor,https://www.linkedin.com/in/dana-okafor,,Initech,Staff Engineer,21 Jan 2013
"""

from __future__ import annotations

import csv
import io
from functools import partial

from careernet_ui.domain.contacts import Contact

from .csv_quotes import checked_rows
from .errors import ImportFormatError
from .results import ParsedFile
from .rows import add_draft, connection_date, valid_emails
from .source import DEFAULT_MAX_BYTES, ImportSource, read_text

FORMAT = 'linkedin'
COLUMNS = ('First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On')
REQUIRED_COLUMNS = ('First Name', 'Last Name', 'Connected On')
HEADER_SEARCH_LINES = 50
# The preamble is one short paragraph; a longer line cannot be the header and is not worth parsing.
_MAX_HEADER_LENGTH = 2000


def parse_linkedin_csv(
    source: ImportSource, *, max_bytes: int = DEFAULT_MAX_BYTES, accept_stray_quotes: bool = False
) -> ParsedFile:
    """Read a LinkedIn Connections.csv export.

    Each connection becomes a contact with name = first + last name, organisation = Company,
    title = Position, the e-mail address if shown, links = [profile URL], ``connected_on`` and
    ``source='linkedin'``. Blank rows are counted and skipped; a date that cannot be read is
    dropped with a warning on that row, the person is kept.

    Args:
        source: The Connections.csv's bytes, or its path.
        max_bytes: Refuse files larger than this.
        accept_stray_quotes: Read a field that looks like a stray quote's as it is, with a warning
            naming its line, instead of refusing the file (the user has looked and confirmed).

    Raises:
        ImportFormatError: The file is not a LinkedIn Connections.csv (or not UTF-8 text).
        StrayQuoteError: A quote opens a field that swallows the rows after it (nothing is imported).
        ImportTooLargeError: The file is larger than ``max_bytes``.
    """
    return parse_linkedin_text(read_text(source, max_bytes=max_bytes), accept_stray_quotes=accept_stray_quotes)


def parse_linkedin_text(text: str, *, accept_stray_quotes: bool = False) -> ParsedFile:
    """Read the text of a LinkedIn Connections.csv; see :func:`parse_linkedin_csv`."""
    header = _find_header(text)
    if header is None:
        raise ImportFormatError(
            'This does not look like a LinkedIn Connections.csv: no header row with '
            f'{", ".join(REQUIRED_COLUMNS)} was found in the first {HEADER_SEARCH_LINES} lines. '
            'On LinkedIn, go to Settings → Data privacy → Get a copy of your data, choose Connections, '
            'and import the Connections.csv from the archive you receive.'
        )
    header_line, offset, columns = header
    # Where each column we read is, in the order _add_row unpacks them; None when it is missing.
    indexes = [columns.get(column.casefold()) for column in COLUMNS]
    parsed = ParsedFile(format=FORMAT)
    body = text[offset:]
    reader = csv.reader(io.StringIO(body, newline=''))
    next(reader)  # the header, already read
    for line, cells in checked_rows(reader, parsed, text=text, body=body, first_line=header_line,
                                    accept=accept_stray_quotes, unreadable=_unreadable):
        _add_row(parsed, line, indexes, cells)
    return parsed


def _unreadable(line: int, error: csv.Error) -> ImportFormatError:
    return ImportFormatError(
        f'Line {line} of this LinkedIn export cannot be read as CSV ({error}). '
        'Export Connections.csv from LinkedIn again and import the new file.'
    )


def _add_row(parsed: ParsedFile, line: int, indexes: list[int | None], cells: list[str]) -> None:
    first, last, url, email, company, position, connected = (
        cells[index].strip() if index is not None and index < len(cells) else '' for index in indexes
    )
    warnings: list[str] = []
    name = f'{first} {last}'.strip()
    build = partial(
        Contact,
        name=name,
        organisation=company,
        title=position,
        emails=valid_emails([email], warnings),
        links=(url,) if url else (),
        connected_on=connection_date(connected, 'Connected On', warnings),
        source=FORMAT,
    )
    add_draft(parsed, line, name, warnings, build)


def has_linkedin_header(text: str) -> bool:
    """Whether LinkedIn's header row is within the first lines of ``text``."""
    return _find_header(text) is not None


def _find_header(text: str) -> tuple[int, int, dict[str, int]] | None:
    """The header's 1-based line number, its offset in ``text``, and each column's index by name."""
    offset = 0
    for line_number in range(1, HEADER_SEARCH_LINES + 1):
        end = text.find('\n', offset)
        line = text[offset : end if end >= 0 else len(text)].rstrip('\r')
        columns = _header_columns(line)
        if columns is not None:
            return line_number, offset, columns
        if end < 0:
            break
        offset = end + 1
    return None


def _header_columns(line: str) -> dict[str, int] | None:
    if len(line) > _MAX_HEADER_LENGTH or ',' not in line:
        return None
    try:
        cells = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return None
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        columns.setdefault(cell.strip().casefold(), index)
    if all(column.casefold() in columns for column in REQUIRED_COLUMNS):
        return columns
    return None
