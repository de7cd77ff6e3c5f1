"""Choosing one or several contacts in a network of any size: options are searched on the server as the user types.

A select holding 30,000 options would ship them all to the browser; this one holds the people
chosen plus at most ``CHOICES`` matches for what is typed (closest relationships first). The
suggestions for an empty field are found when the list first opens, not when the page is built.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from typing import Any

from nicegui import events, ui

from careernet_ui.domain import Contact, Stage
from careernet_ui.domain.contact_search import ContactQuery, ContactSort, search_contacts
from careernet_ui.nicegui_compat import method_call_in_browser

from .keyed_select import KeyedSelect

CHOICES = 20


def people_picker(
    people: Callable[[], Sequence[Contact]],
    find: Callable[[str], Contact | None],
    *,
    label: str,
    value: list[str] | str | None,
    multiple: bool,
    on_change: Callable[[Any], None] | None = None,
) -> KeyedSelect:
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
    select = KeyedSelect(_chosen(_ids(value), find), label=label, value=value, multiple=multiple,
                       with_input=True, clearable=True,
                       on_change=(lambda e: on_change(e.value)) if on_change else None)
    select.props('input-debounce=250')
    if multiple:
        select.props('use-chips')
    suggested = False

    def search(text: str) -> None:
        nonlocal suggested
        suggested = True
        select.set_options({**_chosen(_ids(select.value), find), **_matches(people(), text)})

    def suggest(_: events.GenericEventArguments) -> None:
        if not suggested:
            search('')

    def typed(text: str) -> None:
        if text.strip() and select.offers_label(text.strip()):
            return  # the option the arrow keys highlight, written into the field by Quasar: not a search
        search(text)
        no_match.set_text(f'No contact matches "{text.strip()}". Add them on the Contacts page.' if text.strip()
                          else 'No contacts yet. Add them on the Contacts page.')

    select.on('popup-show', suggest)
    select.on('input-value', lambda event: typed(str(event.args or '')))
    if multiple:
        # A chosen person's name typed so far would stay in the field and be searched with the next one.
        # Cleared in the browser: a round trip to the server would land after the next letters typed.
        select.on('add', js_handler=method_call_in_browser(select, 'updateInputValue', ''))
    with select.add_slot('no-option'):
        no_match = ui.label('No contacts yet. Add them on the Contacts page.').classes('px-4 py-2 text-grey-8') \
            .props('role=status')
    return select


def person_label(contact: Contact) -> str:
    """How a contact reads in a pick-list: name, and organisation to tell namesakes apart."""
    return f'{contact.name} · {contact.organisation}' if contact.organisation else contact.name


def _ids(value: list[str] | str | None) -> list[str]:
    return value if isinstance(value, list) else ([value] if value else [])


def _chosen(chosen: list[str], find: Callable[[str], Contact | None]) -> dict[str, str]:
    options: dict[str, str] = {}
    for contact_id in chosen:
        contact = find(contact_id)
        # A chosen person deleted meanwhile stays visible, so saving can say what is wrong.
        options[contact_id] = person_label(contact) if contact else f'(deleted contact {contact_id[:8]})'
    return options


def _matches(people: Sequence[Contact], text: str) -> dict[str, str]:
    if not text.strip():
        # Nothing typed: the closest relationships, without sorting everyone (30,000 at scale).
        closest = heapq.nsmallest(CHOICES, people, key=lambda c: (-_RANK[c.stage], c.name.casefold(), c.id))
        return {contact.id: person_label(contact) for contact in closest}
    found = search_contacts(people, ContactQuery(text=text, sort=ContactSort.STAGE, page_size=CHOICES))
    return {contact.id: person_label(contact) for contact in found.items}


_RANK = {stage: rank for rank, stage in enumerate(Stage)}
