"""A select for one contact that searches on the server, so 30,000 people never reach the browser."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nicegui import ui
from nicegui.events import GenericEventArguments

from careernet_ui.context import AppContext
from careernet_ui.domain import Stage
from careernet_ui.domain.contact_choice import REFERENCE_STAGES, choice_label, choose_contacts

from .keyed_select import KeyedSelect


def contact_select(ctx: AppContext, label: str, *, value: str | None = None,
                   prefer: Sequence[Stage] = REFERENCE_STAGES,
                   on_change: Callable[[str | None], None] | None = None) -> KeyedSelect:
    """A searchable select of contacts whose value is a contact id (or None).

    It offers the few best matches for what is typed (people at the ``prefer`` stages first)
    and always keeps the chosen person among its options.
    """
    def options(text: str) -> dict[str, str]:
        found = {c.id: choice_label(c) for c in choose_contacts(ctx.store.contacts, text, prefer=prefer)}
        chosen = ctx.store.contacts.find(select.value) if select.value else None
        return {chosen.id: choice_label(chosen), **found} if chosen else found

    def search(event: GenericEventArguments) -> None:
        text = str(event.args or '').strip()
        if text and select.offers_label(text):
            # Quasar writes the option the arrow keys highlight into the field: not a search, and
            # searching for it ("Dana Okafor · Acme (Advocate)") would empty the list under the keyboard.
            return
        select.set_options(options(text))
        no_match.set_text(f'No contact matches "{text}". Add them on the Contacts page.' if text
                          else 'No contacts yet. Add them on the Contacts page.')

    def changed(value: str | None) -> None:
        # Quasar can leave the menu open over what comes below once a choice is made; leaving the input closes it.
        select.run_method('blur')
        if on_change is not None:
            on_change(value)

    select = KeyedSelect({}, label=label, with_input=True, clearable=True, on_change=lambda e: changed(e.value))
    select.set_options(options(''), value=value if value in ctx.store.contacts else None)
    select.props('input-debounce=250 hint="Type a name or organisation"')
    select.on('input-value', search)
    with select.add_slot('no-option'):
        no_match = ui.label('No contacts yet. Add them on the Contacts page.').classes('px-4 py-2 text-grey-8') \
            .props('role=status')
    return select
