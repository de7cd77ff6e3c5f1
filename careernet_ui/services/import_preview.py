"""The preview table of an import: what will happen to each row, the rows that need a look first."""

from __future__ import annotations

from itertools import islice
from typing import Any

from .imports import PreparedImport

PREVIEW_LIMIT = 500
"""Rows shown in the preview; the summary after the import lists every row."""


def preview_rows(prepared: PreparedImport, limit: int = PREVIEW_LIMIT) -> list[dict[str, Any]]:
    """Table rows for the preview, at most ``limit``: new, updated, possible duplicates, skipped, unchanged.

    Unchanged rows come last because they need no decision; each row has a unique ``key``.
    """
    plan, parsed = prepared.plan, prepared.parsed
    rows = (
        *(_row(row.line, row.contact.name, row.contact.organisation, 'New', ' '.join(row.warnings))
          for row in plan.new),
        *(_row(match.lines[0], match.merged.name, match.merged.organisation, 'Update',
               ' '.join([f'Adds {", ".join(name.replace("_", " ") for name in match.changed)}.', *match.warnings]))
          for match in plan.updated),
        *(_row(duplicate.row.line, duplicate.row.contact.name, duplicate.row.contact.organisation,
               'Possible duplicate', duplicate.reason)
          for duplicate in plan.possible_duplicates),
        *(_row(skipped.line, skipped.name, '', 'Skipped', skipped.reason) for skipped in parsed.skipped),
        *(_row(match.lines[0], match.existing.name, match.existing.organisation, 'Unchanged', '')
          for match in plan.unchanged),
    )
    return list(islice(rows, limit))


def _row(line: int, name: str, organisation: str, action: str, detail: str) -> dict[str, Any]:
    return {'key': f'{action}:{line}', 'line': line, 'name': name, 'organisation': organisation,
            'action': action, 'detail': detail}
