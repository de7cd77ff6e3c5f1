"""What an import did, row by row: the counts a person reads and the report they can download."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from enum import StrEnum

from careernet_ui.importers import ImportPlan, ParsedFile
from careernet_ui.importers.csv_safety import neutralize


class Outcome(StrEnum):
    """What happened to one row of the file."""

    IMPORTED = 'imported'
    UPDATED = 'updated'
    UNCHANGED = 'unchanged'
    SKIPPED = 'skipped'


@dataclass(kw_only=True, slots=True)
class RowOutcome:
    """One row (or card) of the file and what became of it. ``detail`` is fit to show the user."""

    line: int
    name: str
    outcome: Outcome
    detail: str = ''
    conflicts: tuple[str, ...] = ()
    """Values of the file that differ from what the user has and were not taken (already in ``detail``)."""


@dataclass(kw_only=True, slots=True)
class ImportCounts:
    """The preview: how many rows an import would add, update, leave alone or skip."""

    new: int
    updated: int
    unchanged: int
    possible_duplicates: int
    skipped: int
    blank_rows: int

    @property
    def rows(self) -> int:
        """Every row read, blank ones aside."""
        return self.new + self.updated + self.unchanged + self.possible_duplicates + self.skipped


@dataclass(kw_only=True, slots=True)
class ImportSummary:
    """What an import stored: every row's outcome in file order, and the blank rows it passed over.

    ``writes`` is how many durable writes it took (0 when the file changed nothing).
    """

    rows: list[RowOutcome] = field(default_factory=list)
    blank_rows: int = 0
    writes: int = 0

    @property
    def conflicting(self) -> list[RowOutcome]:
        """The matched rows whose file values differ from the user's and were left out."""
        return [row for row in self.rows if row.conflicts]

    @property
    def imported(self) -> int:
        """Contacts added."""
        return self._count(Outcome.IMPORTED)

    @property
    def updated(self) -> int:
        """Existing contacts the file added something to."""
        return self._count(Outcome.UPDATED)

    @property
    def unchanged(self) -> int:
        """Existing contacts the file had nothing new about."""
        return self._count(Outcome.UNCHANGED)

    @property
    def skipped(self) -> list[RowOutcome]:
        """The rows that were not stored, each with its reason."""
        return [row for row in self.rows if row.outcome is Outcome.SKIPPED]

    def _count(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows if row.outcome is outcome)


def count(parsed: ParsedFile, plan: ImportPlan) -> ImportCounts:
    """The preview counts of a parsed file and its plan."""
    return ImportCounts(
        new=len(plan.new),
        updated=len(plan.updated),
        unchanged=len(plan.unchanged),
        possible_duplicates=len(plan.possible_duplicates),
        skipped=len(parsed.skipped),
        blank_rows=parsed.blank_rows,
    )


def describe(counts: ImportCounts) -> str:
    """The preview in one sentence, e.g. ``"12 new, 3 updated, 40 unchanged, 1 possible duplicate, 2 skipped"``."""
    parts = [
        f'{counts.new:,} new',
        f'{counts.updated:,} updated',
        f'{counts.unchanged:,} unchanged',
        f'{counts.possible_duplicates:,} possible duplicate{"" if counts.possible_duplicates == 1 else "s"}',
        f'{counts.skipped:,} skipped',
    ]
    if counts.blank_rows:
        parts.append(f'{counts.blank_rows:,} blank row{"" if counts.blank_rows == 1 else "s"} ignored')
    return ', '.join(parts)


def summary_line(summary: ImportSummary) -> str:
    """The outcome in one sentence, e.g. ``"Imported 12, updated 3, unchanged 40, skipped 2."``."""
    return (
        f'Imported {summary.imported:,}, updated {summary.updated:,}, '
        f'unchanged {summary.unchanged:,}, skipped {len(summary.skipped):,}.'
    )


SUMMARY_COLUMNS = ('line', 'name', 'outcome', 'detail')


def summary_to_csv(summary: ImportSummary) -> str:
    """The summary as CSV text (one row per row of the file), safe to open in a spreadsheet.

    Names and reasons come from the imported file, so every cell that a spreadsheet could run as a
    formula is neutralised, as in the contacts export.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator='\r\n')
    writer.writerow(SUMMARY_COLUMNS)
    for row in summary.rows:
        writer.writerow(neutralize(cell) for cell in (str(row.line), row.name, row.outcome.value, row.detail))
    return buffer.getvalue()
