"""Choosing one or several contacts in a network of any size: options are searched on the server as the user types.

A select holding 30,000 options would ship them all to the browser; this one holds the people
chosen plus at most ``CHOICES`` matches for what is typed (closest relationships first).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from nicegui import events, ui

from careernet_ui.domain import Contact
from careernet_ui.domain.contact_search import ContactQuery, ContactSort, search_contacts

CHOICES = 20


def people_picker(
    people: Callable[[], Sequence[Contact]],
    find: Callable[[str], Contact | None],
    *,
    label: str,
    value: list[str] | str | None,
    multiple: bool,
    on_change: Callable[[Any], None] | None = None,
) -> ui.select:
    """A select of contacts whose options follow the text typed into it.

    Args:
        people: The contacts to choose from (called on each search, so it sees new ones).
        find: Looks a contact up by id, to label the ones already chosen.
        label: The field's label.
        value: The chosen id(s): a list when ``multiple``, else an id or None.
        multiple: Whether several people can be chosen.
        on_change: Called with the new value (a list of ids, or an id or None).

    Returns:
        The select; its ``value`` is the chosen id(s).
    """
    select = ui.select(_options(people(), '', _ids(value), find), label=label, value=value, multiple=multiple,
                       with_input=True, clearable=True,
                       on_change=(lambda e: on_change(e.value)) if on_change else None)
    select.props('input-debounce=250')
    if multiple:
        select.props('use-chips')

    def search(event: events.GenericEventArguments) -> None:
        select.set_options(_options(people(), str(event.args or ''), _ids(select.value), find))

    select.on('input-value', search)
    return select


def person_label(contact: Contact) -> str:
    """How a contact reads in a pick-list: name, and organisation to tell namesakes apart."""
    return f'{contact.name} · {contact.organisation}' if contact.organisation else contact.name


def _ids(value: list[str] | str | None) -> list[str]:
    return value if isinstance(value, list) else ([value] if value else [])


def _options(people: Sequence[Contact], text: str, chosen: list[str], find: Callable[[str], Contact | None]
             ) -> dict[str, str]:
    options: dict[str, str] = {}
    for contact_id in chosen:
        contact = find(contact_id)
        # A chosen person deleted meanwhile stays visible, so saving can say what is wrong.
        options[contact_id] = person_label(contact) if contact else f'(deleted contact {contact_id[:8]})'
    found = search_contacts(people, ContactQuery(text=text, sort=ContactSort.STAGE, page_size=CHOICES))
    for contact in found.contacts:
        options.setdefault(contact.id, person_label(contact))
    return options
