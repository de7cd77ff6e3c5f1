"""The record-an-introduction dialog: who introduced you, to whom, when, and what came of it."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Introduction
from careernet_ui.domain.forms.introduction import IntroductionForm
from careernet_ui.services.introductions import save_introduction

from .application_dialog import ADVOCATE_FIRST
from .contact_select import contact_select
from .form_submit import FormFields, submit
from .touch import autofocus


def open_introduction_dialog(ctx: AppContext, existing: Introduction | None, on_saved: Callable[[Introduction], object],
                             *, advocate_id: str | None = None, application_id: str | None = None,
                             fixed_advocate: bool = False) -> None:
    """Show the dialog, pre-filled with the advocate or the application it is opened from.

    ``fixed_advocate`` (from the advocate's own page) leaves out the choice of who introduced you.
    """
    form = IntroductionForm.from_introduction(existing) if existing else IntroductionForm(
        advocate_id=advocate_id, application_id=application_id, on=ctx.today().isoformat())
    fields = FormFields(form, 'introduction', lambda: save())
    field = fields.add
    applications = {a.id: f'{a.position} at {a.company}'
                    for a in sorted(ctx.store.applications, key=lambda a: (a.company.casefold(), a.id))}

    def save() -> None:
        stored = submit(lambda: save_introduction(ctx.store, form, existing.id if existing else None, ctx.today(),
                                    base=existing),
                        fields.inputs, lambda i: f'Recorded the introduction to {i.to_whom}.')
        if stored is not None:
            dialog.close()
            on_saved(stored)

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-xl gap-2').mark('introduction-dialog'):
        ui.label('Edit the introduction' if existing else 'Record an introduction').classes('text-xl font-semibold')
        if not fixed_advocate or existing is not None:
            field('advocate_id', contact_select(ctx, 'Introduced by *', value=form.advocate_id,
                                                prefer=ADVOCATE_FIRST).classes('w-full'))
        field('to_whom', ui.input('Introduced you to', placeholder='a person, a team, an opportunity')
              .props(autofocus()).classes('w-full'))
        with ui.row().classes('w-full gap-x-4 sm:flex-nowrap'):
            field('on', ui.input('On', placeholder='YYYY-MM-DD').classes('grow sm:grow-0 sm:w-40'))
            field('application_id', ui.select(applications, label='Led to the application (optional)',
                                              clearable=True).classes('grow basis-full sm:basis-0'))
        field('outcome', ui.textarea('What came of it', placeholder='a call, an interview, an offer…')
              .props('autogrow').classes('w-full'))
        ui.label('Leave "Introduced you to" empty to name the application.').classes('text-xs text-grey-7')
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('introduction-cancel')
            ui.button('Save', icon='save', on_click=save).mark('introduction-save')
    dialog.open()
