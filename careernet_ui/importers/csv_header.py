"""Read a CSV export by column name, wherever its header row is (exports often start with notes)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from .errors import ImportFormatError

HEADER_SEARCH_LINES = 50
_MAX_HEADER_LENGTH = 4000


def rows_by_name(text: str, required: Sequence[str], *, file: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row after the header as ``(line, {lower-case column name: stripped cell})``.

    The header is the first of the first :data:`HEADER_SEARCH_LINES` lines that names every column
    in ``required`` (case-insensitively); what comes before it (LinkedIn's "Notes:" paragraph) is
    skipped. Blank rows are skipped. Columns are found by name, never by position.

    Raises:
        ImportFormatError: No header names the required columns, or the CSV is broken; the message
            names ``file`` and the line.
    """
    found = _find_header(text, [column.casefold() for column in required])
    if found is None:
        raise ImportFormatError(
            f'{file} has no header row with {", ".join(required)} in its first {HEADER_SEARCH_LINES} lines; '
            'it is not the LinkedIn file of that name. Download your LinkedIn data again.'
        )
    header_line, offset, names = found
    reader = csv.reader(io.StringIO(text[offset:], newline=''))
    next(reader)
    lines_read = reader.line_num
    width = len(names)
    try:
        for cells in reader:
            line = header_line + lines_read
            lines_read = reader.line_num
            if not any(cells):
                continue
            if len(cells) < width:
                cells += [''] * (width - len(cells))
            yield line, {name: cell.strip() for name, cell in zip(names, cells, strict=False) if name}
    except csv.Error as error:
        raise ImportFormatError(
            f'Line {header_line + lines_read} of {file} cannot be read as CSV ({error}). '
            'Download your LinkedIn data again.'
        ) from None


def _find_header(text: str, required: list[str]) -> tuple[int, int, list[str]] | None:
    offset = 0
    for line_number in range(1, HEADER_SEARCH_LINES + 1):
        end = text.find('\n', offset)
        line = text[offset : end if end >= 0 else len(text)].rstrip('\r')
        if len(line) <= _MAX_HEADER_LENGTH and ',' in line:
            try:
                cells = next(csv.reader([line]))
            except (csv.Error, StopIteration):
                cells = []
            names = [cell.strip().casefold() for cell in cells]
            if all(column in names for column in required):
                # A repeated column keeps its first position, as readers of these files expect.
                return line_number, offset, [name if name not in names[:i] else '' for i, name in enumerate(names)]
        if end < 0:
            return None
        offset = end + 1
    return None
