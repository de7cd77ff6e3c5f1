"""Import the history in a LinkedIn archive, preview it, store it, and undo it as a whole.

The steps, as for contacts (:mod:`~careernet_ui.services.imports`):

1. :func:`prepare_archive` opens the archive, reads Connections.csv and the history files, and
   plans both against the user's records. It touches no store, so a page runs it in a worker
   thread on lists it read on the event loop.
2. The user reads the preview (:func:`preview_lines`) and confirms.
3. :func:`store_archive` (or :func:`store_archive_in_batches`, which leaves the event loop to
   other pages between writes) adds the contacts, then the interactions and feedback, each
   tagged with the import's id, and records the import in the history kept in Settings.
4. :func:`undo_import` removes everything the import added.

Storing is idempotent: every history record's id comes from what it records, so a second
import of the same archive finds it all stored, writes nothing and records no import.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from careernet_ui.domain import Contact, Interaction, Settings
from careernet_ui.domain.errors import CareerNetError
from careernet_ui.domain.feedback import Feedback
from careernet_ui.domain.import_history import ImportEntry
from careernet_ui.domain.records import new_id, utc_now
from careernet_ui.importers import ImportPlan
from careernet_ui.importers.archive import MAX_UNCOMPRESSED, open_archive
from careernet_ui.importers.history_plan import HistoryPlan, plan_history
from careernet_ui.importers.keys import linkedin_key
from careernet_ui.importers.linkedin import parse_linkedin_text
from careernet_ui.importers.linkedin_history import HistoryKind, Identity, LinkedInHistory, read_history
from careernet_ui.importers.results import ParsedFile
from storage import Store

from .imports import PreparedImport, apply, replan

SOURCE = 'linkedin-archive'
BATCH_SIZE = 5000
"""History records per durable write in :func:`store_archive_in_batches`."""

PAUSE_SECONDS = 0.05
Progress = Callable[[int, int], None]


class NothingToUndo(CareerNetError):
    """The import is not in the history, or was undone already; nothing was changed."""


@dataclass(kw_only=True, slots=True)
class PreparedArchive:
    """An archive read and planned against the records as they were at ``revision`` of the store."""

    import_id: str
    label: str
    contacts: PreparedImport | None  # Connections.csv, when the archive has it
    history: LinkedInHistory
    plan: HistoryPlan
    revision: int
    contact_names: dict[str, str] = field(default_factory=dict)  # every contact's name by id, for the preview
    source: str = SOURCE  # what the import history calls it: linkedin-archive, calendar, mbox
    own_addresses: tuple[str, ...] = ()  # the user's e-mail addresses, recognised in a calendar or mailbox

    @property
    def new_contacts(self) -> int:
        """Contacts Connections.csv would add."""
        return len(self.contacts.plan.new) if self.contacts is not None else 0

    @property
    def has_work(self) -> bool:
        """Whether storing would change anything."""
        plan = self.contacts.plan if self.contacts is not None else None
        return bool(self.plan.records or (plan is not None and (plan.new or plan.updated)))


@dataclass(kw_only=True, slots=True)
class UndoneImport:
    """What undoing an import removed, and the contacts it kept because the user has used them since."""

    interactions: int = 0
    feedback: int = 0
    contacts: int = 0
    contacts_kept: int = 0


def prepare_archive(
    source: Path | bytes,
    *,
    contacts: Sequence[Contact],
    interactions: Sequence[Interaction],
    feedback: Sequence[Feedback],
    settings: Settings,
    today: date,
    revision: int = 0,
    label: str = '',
    max_uncompressed: int = MAX_UNCOMPRESSED,
    accept_stray_quotes: bool = False,
) -> PreparedArchive:
    """Read a LinkedIn archive (ZIP or folder) and plan it against the user's records; stores nothing.

    ``accept_stray_quotes``: the user saw the :class:`StrayQuoteError` about Connections.csv and
    chose to import anyway (see :func:`~careernet_ui.services.imports.prepare`).

    Raises:
        ImportFormatError: Not a LinkedIn export, a truncated or unsafe ZIP, or a ZIP bomb; the
            message says which and what to do.
        StrayQuoteError: A quote in Connections.csv opens a field that would swallow the rows after it.
    """
    files = open_archive(source, label=label, max_uncompressed=max_uncompressed)
    import_id = new_id()
    connections_text = files.get('connections.csv')
    parsed = (parse_linkedin_text(connections_text, accept_stray_quotes=accept_stray_quotes)
              if connections_text is not None else None)
    connection_keys = frozenset(
        key for row in (parsed.rows if parsed else []) for link in row.contact.links if (key := linkedin_key(link)))
    remembered = Identity(name=settings.own_name, profile=linkedin_key(settings.own_profile_url) or None)
    history = read_history(files, owner=remembered if remembered.profile else None, zone=_zone(settings.timezone),
                           connections=connection_keys)
    owner = history.owner.profile
    prepared_contacts = None
    if parsed is not None:
        parsed = _without_owner(parsed, owner)
        prepared_contacts = _tagged(replan(PreparedImport(parsed=parsed, plan=ImportPlan(), revision=revision),
                                           contacts, revision, today=today), import_id)
    everyone = {contact.id: contact for contact in contacts}
    if prepared_contacts is not None:
        everyone.update((match.merged.id, match.merged) for match in prepared_contacts.plan.updated)
        everyone.update((row.contact.id, row.contact) for row in prepared_contacts.plan.new)
    last: dict[str, date] = {}
    for interaction in interactions:
        if interaction.on > last.get(interaction.contact_id, date.min):
            last[interaction.contact_id] = interaction.on
    stored = {interaction.id for interaction in interactions} | {entry.id for entry in feedback}
    plan = plan_history(history.items, list(everyone.values()), stored_ids=stored, last_contact=last,
                        import_id=import_id, owner=owner)
    return PreparedArchive(import_id=import_id, label=files.label, contacts=prepared_contacts, history=history,
                           plan=plan, revision=revision,
                           contact_names={contact_id: contact.name for contact_id, contact in everyone.items()})


def store_archive(store: Store, prepared: PreparedArchive) -> ImportEntry | None:
    """Store the contacts and history the plan adds; returns the import's history entry (None if nothing changed)."""
    for _ in _store(store, prepared, batch_size=None):
        pass
    return _entry(store, prepared.import_id)


async def store_archive_in_batches(
    store: Store, prepared: PreparedArchive, *, progress: Progress | None = None, pause: float = PAUSE_SECONDS,
    batch_size: int = BATCH_SIZE,
) -> ImportEntry | None:
    """:func:`store_archive` in slices, leaving the event loop to other pages after each write.

    Call it on the event loop (TinyDB is not thread-safe); ``progress(done, total)`` follows each write.
    """
    for done, total in _store(store, prepared, batch_size=batch_size):
        if progress is not None:
            progress(done, total)
        await asyncio.sleep(pause)
    return _entry(store, prepared.import_id)


def undo_import(store: Store, import_id: str) -> UndoneImport:
    """Remove every record the import added and mark it undone in the history.

    A contact the import added is kept when the user has since edited it or recorded anything
    else about it (an interaction, feedback, a reference request, ...): undoing an import never
    takes the user's own work with it.

    Raises:
        NothingToUndo: No such import in the history, or it was undone already.
    """
    settings = store.settings
    entry = next((entry for entry in settings.import_history if entry.id == import_id), None)
    if entry is None or entry.undone:
        raise NothingToUndo('That import was undone already, or is not in the import history; nothing changed.')
    done = UndoneImport()
    with store.transaction():  # the whole import goes, with its history entry, or nothing does
        interactions = [i.id for i in store.interactions.all() if i.import_id == import_id]
        feedback = [f.id for f in store.feedback.all() if f.import_id == import_id]
        store.interactions.delete_many(interactions)
        store.feedback.delete_many(feedback)
        done.interactions, done.feedback = len(interactions), len(feedback)
        added = [contact for contact in store.contacts.all() if contact.import_id == import_id]
        if added:
            used = _contacts_in_use(store)
            removable = [c.id for c in added if c.id not in used and c.updated_at == c.created_at]
            store.contacts.delete_many(removable)
            done.contacts, done.contacts_kept = len(removable), len(added) - len(removable)
        history = tuple(replace(e, undone_at=utc_now()) if e.id == import_id else e for e in settings.import_history)
        store.save_settings(replace(settings, import_history=history))
    return done


def preview_lines(prepared: PreparedArchive) -> list[str]:
    """The preview as lines a person reads: what would be added, per kind and per contact, and who moves."""
    plan = prepared.plan
    lines = []
    if prepared.history.owner.profile:
        lines.append(f'You are {prepared.history.owner.name or "?"} ({prepared.history.owner.profile}); '
                     'you are never imported as a contact.')
    if prepared.own_addresses:
        lines.append(f'You are {", ".join(prepared.own_addresses)}; you are never imported as a contact.')
    if prepared.contacts is not None:
        cplan = prepared.contacts.plan
        lines.append(f'Connections.csv: {len(cplan.new):,} new contacts, {len(cplan.updated):,} updated, '
                     f'{len(cplan.unchanged):,} unchanged, {len(cplan.possible_duplicates):,} possible duplicates '
                     'skipped.')
    for kind in HistoryKind:
        if plan.per_kind[kind]:
            lines.append(f'{kind.label}: {plan.per_kind[kind]:,}')
    if plan.already_stored:
        lines.append(f'Already imported before: {plan.already_stored:,} (left as they are).')
    if plan.not_contacts:
        lines.append(f'Not imported: {sum(plan.not_contacts.values()):,} exchanges with '
                     f'{len(plan.not_contacts):,} people who are not contacts.')
    noise = prepared.history.noise
    if noise:
        lines.append('Left out: ' + '; '.join(f'{count:,} {reason}' for reason, count in sorted(noise.items())) + '.')
    return lines


def per_contact(prepared: PreparedArchive, limit: int = 20) -> list[tuple[str, int]]:
    """The contacts with the most new records, as ``(name, count)``, most first."""
    names = prepared.contact_names
    ranked = sorted(prepared.plan.per_contact.items(), key=lambda pair: (-pair[1], names.get(pair[0], '')))
    return [(names.get(contact_id, '?'), count) for contact_id, count in ranked[:limit]]


def _store(store: Store, prepared: PreparedArchive, *, batch_size: int | None) -> Iterator[tuple[int, int]]:
    plan = prepared.plan
    history_total = plan.records
    contact_total = prepared.new_contacts + (len(prepared.contacts.plan.updated) if prepared.contacts else 0)
    total = history_total + contact_total
    if not prepared.has_work:
        return
    # One transaction: the file gets the whole import or, if the write fails, none of it.
    with store.transaction():
        done = 0
        if prepared.contacts is not None and contact_total:
            apply(store, prepared.contacts)
            done += contact_total
            yield done, total
        present = {contact.id for contact in store.contacts.all()}  # one deleted since the preview gets nothing
        interactions = [i for i in plan.interactions if i.contact_id in present and i.id not in store.interactions]
        feedback = [f for f in plan.feedback if f.contact_id in present and f.id not in store.feedback]
        step = batch_size or max(len(interactions), 1)
        for start in range(0, len(interactions), step):
            batch = interactions[start : start + step]
            store.interactions.add_many(batch)
            done += len(batch)
            yield done, total
        if feedback:
            store.feedback.add_many(feedback)
            done += len(feedback)
            yield done, total
        counts = {'contacts': prepared.new_contacts, 'interactions': len(interactions), 'feedback': len(feedback)}
        owner = prepared.history.owner
        settings = store.settings
        entry = ImportEntry(id=prepared.import_id, source=prepared.source, label=prepared.label,
                            counts={kind: count for kind, count in counts.items() if count})
        store.save_settings(replace(
            settings,
            own_name=settings.own_name or owner.name,
            own_profile_url=settings.own_profile_url or (f'https://www.{owner.profile}' if owner.profile else ''),
            own_emails=tuple(dict.fromkeys([*settings.own_emails, *prepared.own_addresses])),
            import_history=(*settings.import_history, entry),
        ))


def _entry(store: Store, import_id: str) -> ImportEntry | None:
    return next((entry for entry in store.settings.import_history if entry.id == import_id), None)


def _contacts_in_use(store: Store) -> set[str]:
    """Contacts that something other than an import's own records points to."""
    used = {i.contact_id for i in store.interactions.all()}
    used.update(f.contact_id for f in store.feedback.all())
    used.update(r.contact_id for r in store.reference_requests.all())
    for introduction in store.introductions.all():
        used.add(introduction.advocate_id)
        if introduction.to_contact_id:
            used.add(introduction.to_contact_id)
    for accomplishment in store.accomplishments.all():
        used.update(accomplishment.witness_ids)
    return used


def _without_owner(parsed: ParsedFile, owner: str | None) -> ParsedFile:
    if owner is None:
        return parsed
    rows = [row for row in parsed.rows if all(linkedin_key(link) != owner for link in row.contact.links)]
    return replace(parsed, rows=rows)


def _tagged(prepared: PreparedImport, import_id: str) -> PreparedImport:
    """New contacts carry the import's id, so undoing the import can remove them.

    Records are frozen, so each row gets a tagged copy of its contact (the rows are this
    preparation's own).
    """
    plan = prepared.plan
    for row in [*plan.new, *(duplicate.row for duplicate in plan.possible_duplicates)]:
        row.contact = replace(row.contact, import_id=import_id, updated_at=row.contact.created_at)
    return prepared


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo('UTC')
