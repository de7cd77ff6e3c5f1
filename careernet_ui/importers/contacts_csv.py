"""A contacts CSV: a Google Contacts export or CareerNet's own template, told apart by the header."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from . import google_csv, template_csv
from .csv_quotes import checked_rows
from .errors import ImportFormatError
from .results import ParsedFile
from .rows import is_blank
from .source import DEFAULT_MAX_BYTES, ImportSource, read_text


def parse_contacts_csv(
    source: ImportSource, *, max_bytes: int = DEFAULT_MAX_BYTES, accept_stray_quotes: bool = False
) -> ParsedFile:
    """Read a Google Contacts CSV export or a CSV in CareerNet's template.

    The first non-blank row is the header. Google's columns (First Name, Last Name, Organization
    Name, E-mail 1 - Value, …) mean ``format='google_csv'``; a ``name`` column means the template,
    ``format='template_csv'`` (see :mod:`careernet_ui.importers.template_csv` for its columns).

    Args:
        source: The file's bytes, or its path.
        max_bytes: Refuse files larger than this.
        accept_stray_quotes: Read a field that looks like a stray quote's as it is, with a warning
            naming its line, instead of refusing the file (the user has looked and confirmed).

    Raises:
        ImportFormatError: The header is neither (or the file is not UTF-8 CSV text).
        StrayQuoteError: A quote opens a field that swallows the rows after it (nothing is imported).
        ImportTooLargeError: The file is larger than ``max_bytes``.
    """
    return parse_contacts_csv_text(read_text(source, max_bytes=max_bytes), accept_stray_quotes=accept_stray_quotes)


def parse_contacts_csv_text(text: str, *, accept_stray_quotes: bool = False) -> ParsedFile:
    """Read the text of a contacts CSV; see :func:`parse_contacts_csv`."""
    reader = csv.reader(io.StringIO(text, newline=''))
    try:
        header = _header(reader)
        google = google_csv.is_google_header([cell.strip().casefold() for cell in header])
        columns = [cell.strip().casefold() if google else template_csv.template_column(cell) for cell in header]
        if google:
            parsed, add_row = ParsedFile(format=google_csv.FORMAT), google_csv.add_google_row
        elif template_csv.is_template_header(columns):
            parsed, add_row = ParsedFile(format=template_csv.FORMAT), template_csv.add_template_row
            warning = template_csv.unknown_columns_warning(columns)
            if warning:
                parsed.warnings.append(warning)
        else:
            raise _unknown_header(header)
    except csv.Error as error:
        raise _unreadable(1, error) from None
    for line, cells in checked_rows(reader, parsed, text=text, body=text, first_line=1, accept=accept_stray_quotes,
                                    unreadable=_unreadable):
        row: dict[str, str] = {}
        for column, cell in zip(columns, cells, strict=False):
            row.setdefault(column, cell)
        add_row(parsed, line, row)
    return parsed


def _unreadable(line: int, error: csv.Error) -> ImportFormatError:
    return ImportFormatError(
        f'Line {line} cannot be read as CSV ({error}). Is this really a CSV file? '
        'Export it again as CSV and import the new file.'
    )


def _header(reader: Iterator[list[str]]) -> list[str]:
    for cells in reader:
        if not is_blank(cells):
            return cells
    raise ImportFormatError('The file has no header row: there is nothing to import.')


def _unknown_header(header: list[str]) -> ImportFormatError:
    shown = ', '.join(f'"{_shorten(cell.strip())}"' for cell in header[:8]) + (', …' if len(header) > 8 else '')
    template = ', '.join(template_csv.TEMPLATE_COLUMNS)
    return ImportFormatError(
        f'This CSV is not a contacts file CareerNet knows: its first row has the columns {shown}. '
        f'Expected either the CareerNet template (columns: {template}; only name is required) '
        'or a Google Contacts export (First Name, Last Name, Organization Name, E-mail 1 - Value, …).'
    )


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + '…'
