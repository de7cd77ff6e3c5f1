"""Keep spreadsheet programs from running exported cells as formulas (OWASP "CSV injection").

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return may be run as a
formula when the CSV is opened in Excel, LibreOffice or Google Sheets. Such a cell is written with
a single quote in front, which spreadsheets show as text. CareerNet's own CSV reader takes that
quote off again, so an export imports back unchanged.
"""

from __future__ import annotations

FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')


def neutralize(cell: str) -> str:
    """The cell as it is safe to write: a quote in front when it could start a formula.

    A cell that already starts with quotes before a formula character gets one more, so that
    :func:`restore` gives back exactly the original text.

    >>> neutralize('=1+1'), neutralize("'=1+1"), neutralize("'quoted'")
    ("'=1+1", "''=1+1", "'quoted'")
    """
    if cell.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo :func:`neutralize`: drop the one quote it added, and nothing else."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
