"""The log/edit accomplishment dialog, with validation messages under the fields."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Accomplishment
from careernet_ui.domain.forms.accomplishment import AccomplishmentForm
from careernet_ui.services.accomplishments import delete_accomplishment, save_accomplishment

from .feedback import confirm
from .form_errors import discard_on_close
from .form_submit import FormFields, submit
from .people_picker import people_picker
from .touch import autofocus
from .undo_toast import act_undoably


def open_accomplishment_dialog(
    ctx: AppContext,
    existing: Accomplishment | None,
    on_saved: Callable[[Accomplishment], object],
    *,
    on_deleted: Callable[[], object] | None = None,
) -> None:
    """Show the dialog; ``on_saved`` gets the stored accomplishment once it is on disk.

    Editing, and given ``on_deleted``, the dialog also offers Delete (after a confirmation); the
    callback runs once the accomplishment is gone.
    """
    form = (AccomplishmentForm.from_accomplishment(existing) if existing
            else AccomplishmentForm(on=ctx.today().isoformat()))
    fields = FormFields(form, 'accomplishment', lambda: save())
    field = fields.add

    def save() -> None:
        stored = submit(lambda: save_accomplishment(ctx.store, form, existing.id if existing else None, ctx.today(),
                                    base=existing),
                        fields.inputs, lambda a: f'Saved "{a.title}".')
        if stored is not None:
            dialog.close()
            on_saved(stored)

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-3xl gap-2').mark('accomplishment-dialog'):
        ui.label('Edit accomplishment' if existing else 'Log an accomplishment').classes('text-xl font-semibold')
        field('title', ui.input('Title *', placeholder='Cut checkout p95 latency').props(autofocus())
              .classes('w-full'))
        with ui.grid().classes('w-full grid-cols-1 sm:grid-cols-3 gap-x-4 gap-y-1'):
            field('on', ui.input('Date (or start) *', placeholder='YYYY-MM-DD'))
            field('until', ui.input('Until (for a period)', placeholder='YYYY-MM-DD'))
            field('evidence_url', ui.input('Evidence link', placeholder='https://…'))
            field('role', ui.input('Your role'))
            field('project', ui.input('Project'))
            field('organisation', ui.input('Organisation'))
        ui.label('Quantified result').classes('text-sm font-medium text-grey-8 mt-2')
        with ui.grid().classes('w-full grid-cols-2 sm:grid-cols-4 gap-x-4 gap-y-1'):
            metric = [
                field('metric_name', ui.input('Metric', placeholder='p95 latency')),
                field('metric_baseline', ui.input('Before (optional)', placeholder='800')),
                field('metric_value', ui.input('Value', placeholder='120')),
                field('metric_unit', ui.input('Unit (optional)', placeholder='ms')),
            ]
        preview = ui.label(_reads(form)).classes('text-sm text-grey-8').mark('accomplishment-metric-preview')
        for element in metric:
            element.on_value_change(lambda _: preview.set_text(_reads(form)))
        witnesses = people_picker(ctx.store.contacts.all, ctx.store.contacts.find, label='Witnesses: who saw it',
                                   value=list(form.witness_ids), multiple=True,
                                   on_change=lambda ids: setattr(form, 'witness_ids', list(ids or [])))
        fields.inputs['witness_ids'] = witnesses.classes('w-full').mark('accomplishment-witnesses')
        field('tags', ui.input('Skills and tags', placeholder='performance, python').classes('w-full'))
        field('description', ui.textarea('What you did').props('autogrow').classes('w-full'))
        with ui.row().classes('w-full justify-end gap-2'):
            if existing is not None and on_deleted is not None:
                ui.button('Delete', icon='delete', color='negative', on_click=lambda: confirm(
                    f'Delete "{existing.title}"? Feedback linked to it stays, without the link.', 'Delete',
                    lambda: _delete(ctx, existing, dialog, on_deleted))) \
                    .props('flat').mark('accomplishment-delete')
                ui.space()
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('accomplishment-cancel')
            ui.button('Save', icon='save', on_click=save).mark('accomplishment-save')
    discard_on_close(dialog).open()


def _delete(ctx: AppContext, accomplishment: Accomplishment, dialog: ui.dialog,
            on_deleted: Callable[[], object]) -> None:
    if act_undoably(ctx.store, lambda: delete_accomplishment(ctx.store, accomplishment.id),
                    f'Deleted "{accomplishment.title}".', on_deleted) is not None:
        dialog.close()


def _reads(form: AccomplishmentForm) -> str:
    preview = form.metric_preview()
    return f'Reads: {preview}' if preview else ''
