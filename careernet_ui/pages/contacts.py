"""The contacts list: search, filter, sort and page through everyone, on the server."""

from __future__ import annotations

from nicegui import ui

from careernet_ui.components.badges import stage_badge
from careernet_ui.components.contact_dialog import ROLE_OPTIONS, STAGE_OPTIONS, open_contact_dialog
from careernet_ui.components.frame import frame
from careernet_ui.components.isolated_text import isolated_line
from careernet_ui.components.pager import pager
from careernet_ui.components.touch import FILTER_CLASSES, SEARCH_CLASSES, autofocus
from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, Role, Stage
from careernet_ui.domain.contact_search import ContactQuery, ContactSort, search_contacts

SORT_OPTIONS = {sort.value: sort.label for sort in ContactSort}


def register(ctx: AppContext) -> None:
    """Register ``/contacts``."""

    @ui.page('/contacts')
    def contacts_page() -> None:
        query = ContactQuery()
        with frame(ctx, 'Contacts'):
            if not len(ctx.store.contacts):
                _empty_state(ctx)
                return
            with ui.row().classes('w-full items-end gap-3'):
                ui.input('Search', placeholder='name, organisation, tag or e-mail',
                         on_change=lambda e: _set(query, text=e.value or '')) \
                    .props(f'clearable {autofocus()} debounce=250 stack-label').classes(SEARCH_CLASSES) \
                    .mark('contacts-search')
                ui.select({'': 'Any role', **ROLE_OPTIONS}, value='', label='Role',
                          on_change=lambda e: _set(query, role=Role(e.value) if e.value else None)) \
                    .classes(f'{FILTER_CLASSES} sm:w-40').mark('contacts-role')
                ui.select({'': 'Any stage', **STAGE_OPTIONS}, value='', label='Stage',
                          on_change=lambda e: _set(query, stage=Stage(e.value) if e.value else None)) \
                    .classes(f'{FILTER_CLASSES} sm:w-48').mark('contacts-stage')
                ui.select(SORT_OPTIONS, value=query.sort.value, label='Sort by',
                          on_change=lambda e: _set(query, sort=ContactSort(e.value))) \
                    .classes(f'{FILTER_CLASSES} sm:w-44').mark('contacts-sort')
                ui.button('Add contact', icon='person_add',
                          on_click=lambda: open_contact_dialog(ctx, None, _open_contact)) \
                    .mark('add-contact')

            @ui.refreshable
            def results() -> None:
                page = search_contacts(ctx.store.contacts.all(), query)
                if not page.items:
                    ui.label('No contact matches. Try fewer words, or clear the filters.') \
                        .classes('text-grey-7').mark('contacts-no-match')
                    return
                with ui.column().classes('w-full gap-0').mark('contacts-list'):
                    for contact in page.items:
                        _contact_row(contact)
                pager(page, lambda step: _turn(query, step), marker='contacts-count')

            def _set(q: ContactQuery, **changes: object) -> None:
                for name, value in changes.items():
                    setattr(q, name, value)
                q.page = 1
                results.refresh()

            def _turn(q: ContactQuery, step: int) -> None:
                q.page += step
                results.refresh()

            results()


def _contact_row(contact: Contact) -> None:
    # One line on a wide screen; on a phone the name and details take the first line, the rest wraps below.
    with ui.row().classes('w-full items-center gap-x-3 gap-y-1 py-2 border-b border-gray-200 sm:flex-nowrap'):
        with ui.column().classes('gap-0 grow min-w-0 basis-full sm:basis-0'):
            ui.link(contact.name, f'/contacts/{contact.id}').classes('font-medium break-words') \
                .props('dir=auto').mark('contact-link')
            if contact.title or contact.organisation:
                isolated_line((contact.title, contact.organisation)).classes('text-sm text-grey-7 truncate') \
                    .mark('contact-details')
        ui.label(contact.role.label).classes('text-sm sm:w-24')
        stage_badge(contact.stage)
        if contact.tags:
            ui.label(', '.join(contact.tags[:3])).classes('text-xs text-grey-7 w-32 truncate')


def _empty_state(ctx: AppContext) -> None:
    with ui.card().classes('w-full items-start gap-3 p-6').mark('contacts-empty'):
        ui.label('No contacts yet').classes('text-xl font-semibold')
        ui.label(
            'Start with the people who know your work best: a former manager, a mentor, a client, '
            'a colleague you shipped something with. Each of them is a potential reference or advocate.'
        )
        ui.button('Add your first contact', icon='person_add',
                  on_click=lambda: open_contact_dialog(ctx, None, _open_contact)) \
            .mark('add-contact')
        ui.link('or import your LinkedIn connections', '/import').mark('contacts-import-link')


def _open_contact(contact: Contact) -> None:
    ui.navigate.to(f'/contacts/{contact.id}')
