"""The goal dialog: what you are aiming for, by when, and whether it is still open."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain.goals import Goal, GoalForm, GoalStatus
from careernet_ui.services.goals import save_goal

from .form_errors import discard_on_close
from .form_submit import FormFields, submit
from .touch import autofocus

STATUS_OPTIONS = {status.value: status.label for status in GoalStatus}


def open_goal_dialog(ctx: AppContext, existing: Goal | None, on_saved: Callable[[Goal], object]) -> None:
    """Show the dialog, empty for a new goal or pre-filled to edit ``existing``."""
    form = GoalForm.from_goal(existing) if existing else GoalForm()
    fields = FormFields(form, 'goal', lambda: save())
    field = fields.add

    def save() -> None:
        stored = submit(lambda: save_goal(ctx.store, form, existing.id if existing else None, ctx.today(),
                                          base=existing),
                        fields.inputs, lambda g: f'Saved the goal "{g.title}".')
        if stored is not None:
            dialog.close()
            on_saved(stored)

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-xl gap-2').mark('goal-dialog'):
        ui.label('Edit the goal' if existing else 'Set a goal').classes('text-xl font-semibold')
        field('title', ui.input('What you are aiming for *', placeholder='Lead a platform team')
              .props(autofocus()).classes('w-full'))
        with ui.row().classes('w-full gap-x-4 sm:flex-nowrap'):
            field('target_on', ui.input('By *', placeholder='YYYY-MM-DD').classes('grow sm:grow-0 sm:w-40'))
            if existing is not None:
                field('status', ui.select(STATUS_OPTIONS, label='Status').classes('grow sm:w-40'))
        field('detail', ui.textarea('Detail', placeholder='what it looks like, who could help')
              .props('autogrow').classes('w-full'))
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('goal-cancel')
            ui.button('Save', icon='save', on_click=save).mark('goal-save')
    discard_on_close(dialog).open()
