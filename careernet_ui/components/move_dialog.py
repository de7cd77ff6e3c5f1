"""The keyboard way to move someone along the pipeline: choose a stage, add a note, Enter."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, Stage
from careernet_ui.services.pipeline import move_contact

from .feedback import attempt
from .form_errors import show_error
from .touch import autofocus


def open_move_dialog(ctx: AppContext, contact: Contact, on_moved: Callable[[Contact], object]) -> None:
    """Ask which stage ``contact`` moves to, and why; ``on_moved`` gets the stored contact."""
    options = {stage.value: stage.label for stage in Stage if stage is not contact.stage}

    def move() -> None:
        if not choice.value:
            show_error(choice, 'Choose the stage to move to.')
            return
        moved = attempt(lambda: move_contact(ctx.store, contact.id, choice.value, ctx.today(), note.value or ''),
                        lambda c: f'Moved {c.name} to {c.stage.label}.')
        if moved is not None:
            dialog.close()
            on_moved(moved)

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-md gap-2').mark('move-dialog'):
        dialog.on('hide', dialog.delete)  # one dialog per opening: do not keep closed ones in the page
        ui.label(f'Move {contact.name}').classes('text-lg font-semibold')
        ui.label(f'Now: {contact.stage.label}').classes('text-sm text-grey-8')
        choice = ui.select(options, label='Move to *').props(autofocus()).classes('w-full').mark('move-stage')
        note = ui.input('Why (optional)', placeholder='e.g. gave a reference to Initech') \
            .on('keydown.enter', move).classes('w-full').mark('move-note')
        # Keyboard path: once a stage is chosen (arrows, Enter) the note is next, so typing goes there.
        choice.on_value_change(lambda: note.run_method('focus'))
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('move-cancel')
            ui.button('Move', icon='arrow_forward', on_click=move).mark('move-save')
    dialog.open()
