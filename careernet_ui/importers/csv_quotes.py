"""Catch a stray quote in a CSV before it silently swallows the rows after it.

A ``"`` at the start of a cell opens a quoted field that runs to the next ``"``: one stray
quote in row 2 of a 300-row file makes the rest of the file one cell, and the ``csv`` module
reads on without complaint ("1 row read"). A field that spans more lines than any note a
person writes, is longer than any field CareerNet keeps, or runs unclosed to the end of the
file is refused with the line where it opened, and nothing is imported, unless the user has
looked and chosen to import it anyway (``accept``): then the row is read as the csv module reads
it, and the file's warnings say which line it was.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from .errors import ImportFormatError, StrayQuoteError
from .results import ParsedFile
from .rows import is_blank

if TYPE_CHECKING:
    from _csv import Reader

MAX_FIELD_LINES = 20
"""A quoted field of more lines than this is taken for a stray quote (notes are rarely longer)."""
MAX_FIELD_CHARS = 25_000
"""Longer than the longest field CareerNet keeps (20,000 characters)."""


def physical_lines(text: str) -> int:
    """The lines the csv reader counts in ``text`` (it counts a final line break as ending a line)."""
    return text.count('\n') + (0 if text.endswith('\n') else 1)


def checked_rows(reader: Reader, parsed: ParsedFile, *, text: str, body: str, first_line: int, accept: bool,
                 unreadable: Callable[[int, csv.Error], ImportFormatError]) -> Iterator[tuple[int, list[str]]]:
    """The rows ``reader`` reads from ``body`` (the end of ``text``) after its header, each with its line in ``text``.

    Each row is checked for a runaway quote (:func:`check_fields`; with ``accept``, its warning goes
    to ``parsed.warnings``); a blank row is counted in ``parsed.blank_rows`` and not yielded. A row
    starts on ``first_line`` plus the lines the reader had read before it.

    Raises:
        ImportFormatError: what ``unreadable`` makes of the line where the csv module gave up, and why.
        StrayQuoteError: see :func:`check_fields`.
    """
    total_lines = physical_lines(body)
    lines_read = reader.line_num
    try:
        for cells in reader:
            line = first_line + lines_read
            lines_read = reader.line_num
            warning = check_fields(cells, line, text=text, last_row=lines_read >= total_lines, accept=accept)
            if warning:
                parsed.warnings.append(warning)
            if is_blank(cells):
                parsed.blank_rows += 1
                continue
            yield line, cells
    except csv.Error as error:
        raise unreadable(first_line + lines_read, error) from None


def check_fields(cells: Sequence[str], line: int, *, text: str, last_row: bool, accept: bool = False) -> str | None:
    """Refuse the row that starts on ``line`` when one of its cells looks like a runaway quote.

    Args:
        cells: The row as the ``csv`` reader returned it.
        line: The 1-based line of ``text`` where the row starts (where the quote opened).
        text: The text the reader reads.
        last_row: Whether the reader reached the end of the file with this row.
        accept: The user chose to import such a field as it is: return the warning instead of raising.

    Returns:
        None when the row looks right; with ``accept``, the warning naming the line otherwise.

    Raises:
        StrayQuoteError: A cell spans more than ``MAX_FIELD_LINES`` lines, is longer than
            ``MAX_FIELD_CHARS``, or is in the last row and its quote is never closed.
    """
    for cell in cells:
        breaks = cell.count('\n')
        unclosed = last_row and breaks > 0 and _unclosed(text, line)
        if breaks <= MAX_FIELD_LINES and len(cell) <= MAX_FIELD_CHARS and not unclosed:
            continue
        if unclosed:
            extent = 'runs to the end of the file'
        elif breaks > MAX_FIELD_LINES:
            extent = f'runs over {breaks + 1:,} lines'
        else:
            extent = f'is {len(cell):,} characters long'
        if accept:
            return (f'Line {line}: a field {extent} (a quote opened there and closes late or never); imported as '
                    'it is, because you chose to import anyway.')
        raise StrayQuoteError(
            f'Line {line}: a field {extent}, so a stray quote (") there would swallow the rows after it. '
            f'Nothing was imported. Close or remove that quote on line {line} (or shorten the field) and '
            'import the file again.',
            line=line,
        )
    return None


def _unclosed(text: str, line: int) -> bool:
    """Whether the row starting on ``line`` reaches the end of ``text`` inside a quoted field."""
    offset = 0
    for _ in range(line - 1):
        offset = text.index('\n', offset) + 1
    try:
        for _ in csv.reader(io.StringIO(text[offset:], newline=''), strict=True):
            pass
    except csv.Error:
        return True  # "unexpected end of data", or a quote out of place: either way, not a clean row
    return False
