"""The add/edit application dialog, with validation messages under the fields."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Application, ApplicationStage, Stage
from careernet_ui.domain.forms.application import SOURCE_SUGGESTIONS, ApplicationForm
from careernet_ui.services.applications import save_application

from .contact_select import contact_select
from .form_submit import FormFields, submit
from .touch import autofocus

APPLICATION_STAGE_OPTIONS = {stage.value: stage.label for stage in ApplicationStage}
ADVOCATE_FIRST = (Stage.ADVOCATE, Stage.POTENTIAL_ADVOCATE, Stage.REFERENCE)



def open_application_dialog(ctx: AppContext, existing: Application | None,
                            on_saved: Callable[[Application], object]) -> None:
    """Show the dialog; ``on_saved`` gets the stored application once it is on disk."""
    form = ApplicationForm.from_application(existing) if existing else ApplicationForm()
    form.stage_on = ctx.today().isoformat()
    fields = FormFields(form, 'application', lambda: save())
    field = fields.add

    def save() -> None:
        stored = submit(lambda: save_application(ctx.store, form, existing.id if existing else None, ctx.today(),
                                    base=existing),
                        fields.inputs, lambda a: f'Saved {a.position} at {a.company}.')
        if stored is not None:
            dialog.close()
            on_saved(stored)

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-2xl gap-2').mark('application-dialog'):
        ui.label('Edit application' if existing else 'Add an application').classes('text-xl font-semibold')
        with ui.grid().classes('w-full grid-cols-1 sm:grid-cols-2 gap-x-4 gap-y-1'):
            field('company', ui.input('Company *').props(autofocus()))
            field('position', ui.input('Position *'))
            field('job_url', ui.input('Job link', placeholder='https://…'))
            field('source', ui.input('Source', placeholder='Job board, recruiter, introduction…',
                                     autocomplete=list(SOURCE_SUGGESTIONS)))
            field('stage', ui.select(APPLICATION_STAGE_OPTIONS, label='Stage'))
            field('stage_on', ui.input('Stage changed on' if existing else 'Since', placeholder='YYYY-MM-DD'))
        field('introduced_by', contact_select(ctx, 'Introduced by (optional)', value=form.introduced_by,
                                              prefer=ADVOCATE_FIRST).classes('w-full'))
        field('interview_dates', ui.input('Interview dates', placeholder='YYYY-MM-DD, YYYY-MM-DD').classes('w-full'))
        field('notes', ui.textarea('Notes').props('autogrow').classes('w-full'))
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('application-cancel')
            ui.button('Save', icon='save', on_click=save).mark('application-save')
    dialog.open()
