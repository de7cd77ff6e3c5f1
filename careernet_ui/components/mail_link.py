"""The "Open in e-mail" link of a draft, or, when the person has no address, where to add one."""

from __future__ import annotations

from nicegui import ui

from careernet_ui.domain import Contact


def no_email_note(contact: Contact, marker: str) -> ui.row:
    """Say ``contact`` has no e-mail and link to their page to add one (a mailto would have no recipient)."""
    with ui.row().classes('items-center gap-1').mark(marker) as row:
        ui.label(f'No e-mail for {contact.name}:').classes('text-sm').props('dir=auto')
        ui.link('add one', f'/contacts/{contact.id}').classes('text-sm').mark(f'{marker}-add')
    return row


def mail_link(contact: Contact, href: str, marker: str) -> ui.link:
    """The "Open in e-mail" link to ``href``, hidden (with ``no_email_note`` instead) when ``contact`` has no e-mail.

    The link is returned either way so a redraft can keep its ``href`` current.
    """
    link = ui.link('Open in e-mail', href).props('rel=noopener').mark(marker)
    if not contact.primary_email:
        link.set_visibility(False)
        no_email_note(contact, f'{marker}-none')
    return link
