"""The "Log interaction" dialog, opened from the contact page, a pipeline card or a next action."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, Interaction, InteractionKind
from careernet_ui.domain.interaction_log import KIND_OPTIONS, InteractionForm
from careernet_ui.services.interactions import log_interaction_form

from .form_submit import submit
from .touch import autofocus


def open_log_dialog(ctx: AppContext, contact: Contact, on_logged: Callable[[Interaction], object]) -> None:
    """Ask what happened with ``contact``; ``on_logged`` gets the interaction once it is on disk.

    Bad input keeps the dialog open with the message under the field and stores nothing.
    """
    today = ctx.today()
    form = InteractionForm.for_today(today)
    inputs: dict[str, ui.select | ui.input | ui.textarea] = {}

    def save() -> None:
        stored = submit(lambda: log_interaction_form(ctx.store, contact.id, form, today), inputs,
                        lambda interaction: f'Logged: {interaction.kind.label} with {contact.name}.')
        if stored is not None:
            dialog.close()
            on_logged(stored)

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-lg gap-2').mark('log-dialog'):
        dialog.on('hide', dialog.delete)  # one dialog per opening: do not keep closed ones in the page
        ui.label(f'Log an interaction with {contact.name}').classes('text-lg font-semibold')
        inputs['kind'] = ui.select(KIND_OPTIONS, label='What happened *').bind_value(form, 'kind') \
            .props(autofocus()).classes('w-full').mark('log-kind')
        inputs['on'] = ui.input('When *', placeholder='YYYY-MM-DD').bind_value(form, 'on') \
            .on('keydown.enter', save).classes('w-full').mark('log-date')
        # An introduction logged here is recorded as one too: whom they introduced you to.
        inputs['to_whom'] = ui.input('Introduced you to (records the introduction)',
                                     placeholder='a person, a team, an opportunity') \
            .bind_value(form, 'to_whom').bind_visibility_from(form, 'kind', backward=_is_introduction) \
            .classes('w-full').mark('log-to-whom')
        inputs['note'] = ui.textarea('Note', placeholder='What you talked about, what you agreed') \
            .bind_value(form, 'note').props('autogrow').classes('w-full').mark('log-note')
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('log-cancel')
            ui.button('Log', icon='check', on_click=save).mark('log-save')
    dialog.open()


def _is_introduction(kind: str) -> bool:
    return kind == InteractionKind.INTRODUCTION_MADE.value

