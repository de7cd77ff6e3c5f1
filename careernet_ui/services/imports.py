"""Bring contacts in from a file: read and plan (pure, safe in a worker thread), then store the plan.

The steps a page or the command line take:

1. :func:`prepare` reads the file and plans the merge against the user's contacts. It touches no
   store, so a page runs it in a worker thread while the UI keeps answering.
2. The user looks at the preview (:func:`~careernet_ui.services.import_summary.count`) and confirms.
3. :func:`apply` stores the plan in at most two durable writes (one for new contacts, one for
   updated ones); :func:`apply_in_batches` does the same in slices, yielding to the event loop
   between them so other pages keep answering during a 30,000-row import.

Storing is idempotent: a file imported twice plans only unchanged rows the second time, and an
all-unchanged plan writes nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from careernet_ui.domain import Contact, StageChange
from careernet_ui.importers import (
    DEFAULT_MAX_BYTES,
    ImportPlan,
    ImportSource,
    MatchedContact,
    ParsedFile,
    ParsedRow,
    merge_contact,
    parse_contacts_csv,
    parse_import,
    parse_linkedin_csv,
    parse_vcard,
    plan_import,
)
from storage import Store

from .import_summary import ImportSummary, Outcome, RowOutcome

Parser = Callable[..., ParsedFile]

# The formats a user can pick, by the name the command line and the page use.
PARSERS: dict[str, Parser] = {
    'auto': parse_import,
    'linkedin': parse_linkedin_csv,
    'vcard': parse_vcard,
    'csv': parse_contacts_csv,
}
FORMAT_LABELS: dict[str, str] = {
    'auto': 'Detect automatically',
    'linkedin': 'LinkedIn Connections.csv',
    'vcard': 'vCard (.vcf)',
    'csv': 'CSV (Google Contacts or template)',
}
QUOTED_FORMATS = frozenset({'auto', 'linkedin', 'csv'})
"""The formats that may be CSV, where a stray quote can swallow rows (see ``accept_stray_quotes``)."""
_T = TypeVar('_T')

PROGRESS = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each durable write of an import."""

BATCH_SIZE = 2000
"""Contacts per write in :func:`apply_in_batches`: short enough a pause of the event loop (bench/README.md)."""

PAUSE_SECONDS = 0.05
"""How long :func:`apply_in_batches` leaves the event loop to others after each write.

``asyncio.sleep(0)`` is not enough: it lets every other coroutine take one step, but a websocket
message, a heartbeat or an HTTP answer takes several, so with only that the browser saw the
progress bar jump and, on a loaded machine, missed heartbeats and reconnected mid-import.
"""


@dataclass(kw_only=True, slots=True)
class PreparedImport:
    """A file read and planned against the contacts as they were at ``revision`` of the store."""

    parsed: ParsedFile
    plan: ImportPlan
    revision: int


def prepare(
    kind: str,
    source: ImportSource,
    existing: Sequence[Contact],
    *,
    today: date,
    revision: int = 0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    accept_stray_quotes: bool = False,
) -> PreparedImport:
    """Read ``source`` as ``kind`` and plan it against ``existing``; stores nothing.

    Pure (no store, no UI), so it may run in a worker thread; pass ``store.contacts.all()`` and
    ``store.revision`` read on the event loop. Every contact the plan may add (new ones and
    possible duplicates) gets its pipeline history started on ``today`` here, off the event loop.

    Args:
        kind: One of :data:`PARSERS` (``'auto'``, ``'linkedin'``, ``'vcard'``, ``'csv'``).
        source: The file's bytes, or its path.
        existing: Every contact the user has.
        today: The day new contacts enter their pipeline stage, as when added by hand.
        revision: The store revision ``existing`` was read at (see :func:`is_stale`).
        max_bytes: Refuse files larger than this.
        accept_stray_quotes: The user saw the :class:`StrayQuoteError` and chose to import anyway:
            a CSV field that looks like a stray quote's is read as it is, and the parsed file's
            warnings name its line (the preview shows them; still nothing is stored here).

    Raises:
        ImportFormatError: The file cannot be read as ``kind``; the message says why and what to do.
        StrayQuoteError: A quote in a CSV opens a field that would swallow the rows after it.
        ValueError: ``kind`` is not a known format.
    """
    parser = PARSERS.get(kind)
    if parser is None:
        raise ValueError(f'Unknown import format "{kind}"; expected one of {", ".join(PARSERS)}.')
    options = {'accept_stray_quotes': True} if accept_stray_quotes and kind in QUOTED_FORMATS else {}
    parsed, plan = _plan(existing, parser(source, max_bytes=max_bytes, **options), today)
    return PreparedImport(parsed=parsed, plan=plan, revision=revision)


def replan(prepared: PreparedImport, existing: Sequence[Contact], revision: int, *, today: date) -> PreparedImport:
    """The same file planned again against the contacts as they are now (pure, like :func:`prepare`)."""
    parsed, plan = _plan(existing, prepared.parsed, today)
    return PreparedImport(parsed=parsed, plan=plan, revision=revision)


def is_stale(prepared: PreparedImport, store: Store) -> bool:
    """Whether the store changed since the plan was made (then :func:`replan` before applying)."""
    return prepared.revision != store.revision


def apply(store: Store, prepared: PreparedImport, *, include_duplicates: bool = False) -> ImportSummary:
    """Store the plan in one durable write.

    Args:
        store: Where the contacts go.
        prepared: The file and its plan (from :func:`prepare`).
        include_duplicates: Also add the possible duplicates, as new contacts.

    Returns:
        Every row's outcome. A plan with nothing new or updated writes nothing.

    Raises:
        OSError: The data file could not be written; nothing was imported.
    """
    summary = ImportSummary(blank_rows=prepared.parsed.blank_rows)
    for _ in _store(store, prepared, summary, include_duplicates=include_duplicates, batch_size=None):
        pass
    return summary


async def apply_in_batches(
    store: Store,
    prepared: PreparedImport,
    *,
    include_duplicates: bool = False,
    batch_size: int = BATCH_SIZE,
    progress: PROGRESS | None = None,
    pause: float = PAUSE_SECONDS,
) -> ImportSummary:
    """:func:`apply` in slices of ``batch_size`` contacts, leaving the event loop to others after each write.

    Call it on the event loop (TinyDB is not thread-safe). ``progress(done, total)`` is called
    after each write, then the loop is left to other pages and the browser for ``pause`` seconds.
    """
    summary = ImportSummary(blank_rows=prepared.parsed.blank_rows)
    steps = _store(store, prepared, summary, include_duplicates=include_duplicates, batch_size=batch_size)
    for done, total in steps:
        if progress is not None:
            progress(done, total)
        await asyncio.sleep(pause)
    return summary


def _store(
    store: Store,
    prepared: PreparedImport,
    summary: ImportSummary,
    *,
    include_duplicates: bool,
    batch_size: int | None,
) -> Iterator[tuple[int, int]]:
    """Write the plan, filling ``summary``; yields ``(done, total)`` after each durable write."""
    plan = prepared.plan
    rows = summary.rows
    rows += (
        RowOutcome(line=skipped.line, name=skipped.name, outcome=Outcome.SKIPPED, detail=skipped.reason)
        for skipped in prepared.parsed.skipped
    )
    rows += (_unchanged(match) for match in plan.unchanged)
    new = [(row, '') for row in plan.new]
    for duplicate in plan.possible_duplicates:
        if include_duplicates:
            new.append((duplicate.row, _included_note(duplicate.candidates)))
        else:
            rows.append(_skipped_duplicate(duplicate.row, duplicate.reason))
    total, done = len(new) + len(plan.updated), 0
    outcomes: list[RowOutcome] = []
    revision = store.revision
    # One transaction: the file gets every row or, if the write fails, none of them.
    with store.transaction():
        for batch in _slices(new, batch_size):
            store.contacts.add_many(row.contact for row, _ in batch)
            outcomes += (_imported(row, note) for row, note in batch)
            done += len(batch)
            yield done, total
        for matches in _slices(plan.updated, batch_size):
            changed: list[Contact] = []
            for match in matches:
                contact, outcome = _resolve(store, match)
                outcomes.append(outcome)
                if contact is not None:
                    changed.append(contact)
            if changed:
                store.contacts.update_many(changed)
            done += len(matches)
            yield done, total
    summary.writes += store.revision - revision
    rows += outcomes
    rows.sort(key=lambda row: row.line)


def _resolve(store: Store, match: MatchedContact) -> tuple[Contact | None, RowOutcome]:
    """What to store for a matched contact, given what the store holds now.

    The plan was made against ``match.existing``; if the user edited or deleted that contact since
    (in another tab, while the preview was open), their edit wins: the file's details are merged
    into the current contact instead, and a deleted contact is not brought back.
    """
    current = store.contacts.find(match.existing.id)
    line = match.lines[0]
    if current is None:
        reason = f'{match.existing.name} was deleted after the preview was made; not brought back.'
        return None, RowOutcome(line=line, name=match.existing.name, outcome=Outcome.SKIPPED, detail=reason)
    if current is match.existing:  # repositories hand out their cached instances: unchanged since the plan
        return match.merged, _updated(match, match.changed)
    merge = merge_contact(current, match.merged)
    if not merge.changed:
        return None, _unchanged(match)
    return merge.contact, _updated(match, merge.changed)


def _plan(existing: Sequence[Contact], parsed: ParsedFile, today: date) -> tuple[ParsedFile, ImportPlan]:
    """The plan, and ``parsed`` holding its new rows in place of the rows they were made from.

    Otherwise every new contact would be kept twice, as read and with its pipeline history (at
    tiny vCards that doubled what a file takes in memory). Planning the returned rows again (see
    :func:`replan`) gives the same plan: they already have their history.
    """
    plan = plan_import(existing, parsed.rows)
    entered: dict[int, ParsedRow] = {}
    for position, row in enumerate(plan.new):
        plan.new[position] = entered[id(row)] = _entering(row, today)
    for duplicate in plan.possible_duplicates:
        duplicate.row = entered[id(duplicate.row)] = _entering(duplicate.row, today)
    if entered:
        parsed = replace(parsed, rows=[entered.get(id(row), row) for row in parsed.rows])
    return parsed, plan


def _entering(row: ParsedRow, today: date) -> ParsedRow:
    """A new contact's pipeline history starts at its stage on the day it is imported, as when added by hand."""
    contact = row.contact
    if contact.stage_history:
        return row
    started = replace(contact, stage_history=(StageChange(on=today, to_stage=contact.stage),))
    return ParsedRow(line=row.line, contact=started, warnings=row.warnings)


def _imported(row: ParsedRow, note: str) -> RowOutcome:
    detail = ' '.join(part for part in (note, *row.warnings) if part)
    return RowOutcome(line=row.line, name=row.contact.name, outcome=Outcome.IMPORTED, detail=detail)


def _included_note(candidates: Sequence[Contact]) -> str:
    names = ', '.join(contact.name for contact in candidates[:3]) + (' and more' if len(candidates) > 3 else '')
    return f'Added as a new contact although it may be {names}, as you asked.'


def _updated(match: MatchedContact, changed: Sequence[str]) -> RowOutcome:
    fields = ', '.join(name.replace('_', ' ') for name in changed)
    detail = ' '.join([f'Matched by {match.matched_by}; added {fields}.', *match.warnings])
    return RowOutcome(line=match.lines[0], name=match.merged.name, outcome=Outcome.UPDATED, detail=detail,
                      conflicts=tuple(match.warnings))


def _unchanged(match: MatchedContact) -> RowOutcome:
    detail = ' '.join([f'Already up to date (matched by {match.matched_by}).', *match.warnings])
    return RowOutcome(line=match.lines[0], name=match.existing.name, outcome=Outcome.UNCHANGED, detail=detail,
                      conflicts=tuple(match.warnings))


def _skipped_duplicate(row: ParsedRow, reason: str) -> RowOutcome:
    return RowOutcome(line=row.line, name=row.contact.name, outcome=Outcome.SKIPPED, detail=reason)


def _slices(items: Sequence[_T], size: int | None) -> Iterator[Sequence[_T]]:
    step = size or len(items) or 1
    for start in range(0, len(items), step):
        yield items[start : start + step]

