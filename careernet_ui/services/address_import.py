"""Import meetings from a calendar file (and, with :mod:`~careernet_ui.importers.mbox_history`, mail).

The same steps as an archive (:mod:`~careernet_ui.services.archive_import`): prepare (pure, in
a worker thread), preview, :func:`~careernet_ui.services.archive_import.store_archive`, and
:func:`~careernet_ui.services.archive_import.undo_import`. The prepared import also ranks the
people the user meets or writes to most who are not contacts, to add with one click.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NotRequired, TypedDict, Unpack
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from careernet_ui.domain import Contact, Interaction, Settings
from careernet_ui.domain.contacts import new_contact
from careernet_ui.domain.records import new_id
from careernet_ui.importers.calendar_history import AddressHistory, read_calendar
from careernet_ui.importers.history_plan import Correspondent, plan_exchanges
from careernet_ui.importers.linkedin_history import HistoryKind, LinkedInHistory
from careernet_ui.importers.mbox_history import read_mbox
from storage import Store

from .archive_import import PreparedArchive

CALENDAR_SOURCE = 'calendar'
MBOX_SOURCE = 'mbox'


class PlannedAgainst(TypedDict):
    """What a calendar or mailbox import is planned against (the keywords both ``prepare_`` functions take)."""

    contacts: Sequence[Contact]
    interactions: Sequence[Interaction]
    settings: Settings
    today: date
    revision: NotRequired[int]  # the store's revision when reading began (0 when not given)
    label: NotRequired[str]  # the file's name as the user picked it


def prepare_calendar(source: Path | bytes, **against: Unpack[PlannedAgainst]) -> PreparedArchive:
    """Read an .ics file's past meetings and plan them against the user's contacts; stores nothing.

    Raises:
        ImportFormatError: Not an iCalendar file, or too large.
    """
    settings = against['settings']
    history = read_calendar(source, own_addresses=settings.own_emails, zone=zone_of(settings), today=against['today'])
    name = against.get('label') or (source.name if isinstance(source, Path) else 'calendar.ics')
    return _planned(history, HistoryKind.MEETINGS, CALENDAR_SOURCE, name, against)


def prepare_mbox(
    source: Path, *, progress: Callable[[int], None] | None = None, **against: Unpack[PlannedAgainst]
) -> PreparedArchive:
    """Read a mailbox's headers (streamed) and plan its e-mail days with contacts; stores nothing.

    ``progress`` is called with the bytes read so far, from the reading thread.

    Raises:
        ImportFormatError: Not a mailbox.
    """
    settings = against['settings']
    history = read_mbox(source, own_addresses=settings.own_emails, zone=zone_of(settings), progress=progress)
    history.exchanges = [exchange for exchange in history.exchanges if exchange.on <= against['today']]
    return _planned(history, HistoryKind.EMAILS, MBOX_SOURCE, against.get('label') or source.name, against)


def _planned(history: AddressHistory, kind: HistoryKind, source: str, label: str,
             against: PlannedAgainst) -> PreparedArchive:
    return prepared_from(history, kind, source, label, contacts=against['contacts'],
                         interactions=against['interactions'], revision=against.get('revision', 0))


def prepared_from(
    history: AddressHistory,
    kind: HistoryKind,
    source: str,
    label: str,
    *,
    contacts: Sequence[Contact],
    interactions: Sequence[Interaction],
    revision: int,
) -> PreparedArchive:
    """Plan exchanges read from a calendar or mailbox into a prepared import."""
    import_id = new_id()
    last: dict[str, date] = {}
    for interaction in interactions:
        if interaction.on > last.get(interaction.contact_id, date.min):
            last[interaction.contact_id] = interaction.on
    plan = plan_exchanges(history.exchanges, contacts, kind=kind, stored_ids={i.id for i in interactions},
                          last_contact=last, import_id=import_id)
    return PreparedArchive(
        import_id=import_id, label=label, contacts=None,
        history=LinkedInHistory(noise=history.noise, files=[label]), plan=plan, revision=revision,
        contact_names={contact.id: contact.name for contact in contacts}, source=source,
        own_addresses=history.own_addresses)


def add_correspondent(store: Store, person: Correspondent, *, today: date, source: str = '') -> Contact:
    """Add someone from the "not a contact" list as a contact (name and address), in one write.

    Importing the same file again then brings in their meetings or mail.
    """
    name = person.name.strip() or person.address.partition('@')[0]
    return store.contacts.add(new_contact(on=today, name=name, emails=(person.address,), source=source))


def zone_of(settings: Settings) -> ZoneInfo:
    """The user's time zone (UTC when the setting is not a zone name)."""
    try:
        return ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo('UTC')
