"""The ask/record feedback dialog: who, when asked, when received, what they said, themes, links."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Feedback, wording
from careernet_ui.domain.accomplishment_search import linkable
from careernet_ui.domain.forms.feedback import FeedbackForm
from careernet_ui.services.feedback import save_feedback

from .form_errors import discard_on_close
from .form_submit import FormFields, submit
from .people_picker import people_picker
from .touch import autofocus


def open_feedback_dialog(
    ctx: AppContext,
    form: FeedbackForm,
    existing: Feedback | None,
    on_saved: Callable[[Feedback], object],
    *,
    title: str,
    choose_person: bool = False,
) -> None:
    """Show the dialog pre-filled from ``form``; ``on_saved`` gets the stored feedback once it is on disk.

    Args:
        ctx: The app.
        form: The starting values (asking today, receiving today, or an entry being edited).
        existing: The feedback being edited, or None for a new entry.
        on_saved: Called with the stored feedback.
        title: The dialog's heading.
        choose_person: Offer a contact picker (from an accomplishment); otherwise the person is fixed.
    """
    fields = FormFields(form, 'feedback', lambda: save())
    field = fields.add
    person = ctx.store.contacts.find(form.contact_id)

    def save() -> None:
        stored = submit(lambda: save_feedback(ctx.store, form, existing.id if existing else None, ctx.today(),
                                    base=existing),
                        fields.inputs, lambda _: 'Feedback saved.')
        if stored is not None:
            dialog.close()
            on_saved(stored)

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-2xl gap-2').mark('feedback-dialog'):
        ui.label(title).classes('text-xl font-semibold')
        if choose_person:
            picker = people_picker(ctx.store.contacts.all, ctx.store.contacts.find, label='From whom *',
                                    value=form.contact_id or None, multiple=False,
                                    on_change=lambda chosen: setattr(form, 'contact_id', chosen or ''))
            fields.inputs['contact_id'] = picker.classes('w-full').mark('feedback-contact')
        elif person is not None:
            ui.label(f'From {person.name}').classes('text-grey-8').mark('feedback-person')
        with ui.grid().classes('w-full grid-cols-1 sm:grid-cols-2 gap-x-4 gap-y-1'):
            field('asked_on', ui.input('Asked on', placeholder='YYYY-MM-DD').props(autofocus()))
            field('received_on', ui.input('Received on (empty while you wait)', placeholder='YYYY-MM-DD'))
        field('text', ui.textarea('What they said (quotable)').props('autogrow').classes('w-full'))
        field('themes', ui.input('Themes', placeholder='communication, ownership'))
        options = {a.id: f'{a.title} ({wording.day_label(a.on)})'
                   for a in linkable(ctx.store.accomplishments.all(), form.contact_id or None)}
        for linked in form.accomplishment_ids:
            options.setdefault(linked, _linked_label(ctx, linked))
        fields.inputs['accomplishment_ids'] = ui.select(options, label='About these accomplishments', multiple=True,
                                                 with_input=True, value=list(form.accomplishment_ids)) \
            .bind_value(form, 'accomplishment_ids').props('use-chips').classes('w-full') \
            .mark('feedback-accomplishments')
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('feedback-cancel')
            ui.button('Save', icon='save', on_click=save).mark('feedback-save')
    discard_on_close(dialog).open()


def _linked_label(ctx: AppContext, accomplishment_id: str) -> str:
    accomplishment = ctx.store.accomplishments.find(accomplishment_id)
    return accomplishment.title if accomplishment else f'(deleted accomplishment {accomplishment_id[:8]})'
