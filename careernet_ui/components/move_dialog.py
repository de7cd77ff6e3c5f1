"""The keyboard way to move someone along the pipeline: choose a stage, add a note, Enter."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, Stage
from careernet_ui.services.pipeline import move_contact, note_move
from careernet_ui.services.undo import Undo, combined, recorded

from .feedback import attempt
from .form_errors import show_error
from .touch import autofocus
from .undo_toast import act_undoably, undo_toast


def open_move_dialog(ctx: AppContext, contact: Contact, on_moved: Callable[[Contact], object],
                     on_undone: Callable[[], object] | None = None) -> None:
    """Ask which stage ``contact`` moves to, and why; ``on_moved`` gets the stored contact.

    The confirmation offers "Undo", which calls ``on_undone`` once the move is undone.
    """
    options = {stage.value: stage.label for stage in Stage if stage is not contact.stage}

    def move() -> None:
        if not choice.value:
            show_error(choice, 'Choose the stage to move to.')
            return
        moved = act_undoably(ctx.store,
                             lambda: move_contact(ctx.store, contact.id, choice.value, ctx.today(), note.value or ''),
                             lambda c: f'Moved {c.name} to {c.stage.label}.', None, on_undone=on_undone)
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


def open_note_dialog(ctx: AppContext, contact: Contact, move: Undo, on_noted: Callable[[Contact], object],
                     on_undone: Callable[[], object]) -> None:
    """Ask why ``contact`` just moved (by a drag, which has no note) and add it to that move.

    The confirmation's "Undo" undoes the move and the note together (``move`` is the move's undo).
    """
    def save() -> None:
        done = attempt(lambda: recorded(ctx.store, lambda: note_move(ctx.store, contact.id, note.value or '')))
        if done is None:
            return
        noted, note_undo = done
        dialog.close()
        undo_toast(ctx.store, f'Moved {noted.name} to {noted.stage.label}, with your note.',
                   combined(move, note_undo), on_undone)
        on_noted(noted)

    with ui.dialog() as dialog, ui.card().classes('w-full max-w-md gap-2').mark('note-dialog'):
        dialog.on('hide', dialog.delete)
        ui.label(f'Why did {contact.name} move to {contact.stage.label}?').classes('text-lg font-semibold')
        note = ui.input('Why', placeholder='e.g. gave a reference to Initech').props(autofocus()) \
            .on('keydown.enter', save).classes('w-full').mark('note-text')
        with ui.row().classes('w-full justify-end gap-2'):
            ui.button('Cancel', on_click=dialog.close).props('flat').mark('note-cancel')
            ui.button('Add note', on_click=save).mark('note-save')
    dialog.open()
