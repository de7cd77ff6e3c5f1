"""The confirmation toast with "Undo": one for every undoable action (done, snooze, delete, move...).

``act_undoably`` runs a service call recorded (``services.undo``), and confirms it in a toast at the
bottom of the page with an "Undo" button (and any other actions, such as "Add note" after a drag):
for ``UNDO_SECONDS`` at least, longer while the keyboard is in it. It is a status region (a screen
reader reads the message), its buttons are ordinary focusable buttons, and Ctrl+Z (⌘Z) outside a
text field presses "Undo". It sits in the page's flow, sticky at the bottom of the window: scrolled
to the end, the page's last row is above it, not under it. A new toast replaces the previous one.

When the action leaves the page (deleting a contact from its own page), ``carry`` hands the toast
to the page it goes to: the frame shows it there (``show_carried``).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from nicegui import context, events, ui

from careernet_ui.services.undo import Undo, recorded, undo
from storage import Store

from .feedback import attempt

T = TypeVar('T')
Callback = Callable[[], object]

UNDO_SECONDS = 15.0
"""How long the toast stays (at least 10 s, as promised), counted again when the keyboard leaves it."""

CARRY_SECONDS = 60.0
"""How long a toast handed to the next page waits to be shown."""

UNDO_PARAMETER = 'undo'
"""The query parameter naming a carried toast."""


def act_undoably(store: Store, action: Callable[[], T], message: str | Callable[[T], str],
                 on_change: Callback | None, *, on_undone: Callback | None = None) -> T | None:
    """Run ``action`` (a service call); confirm it with an "Undo" toast, or show why it failed.

    Args:
        store: The store ``action`` writes to.
        action: The service call.
        message: The confirmation ("Marked done."), or how to word it from what ``action`` returned.
        on_change: Redraws what the action (or its undo) changed; called after each.
        on_undone: Called after an undo instead of ``on_change`` (when the caller redraws after the
            action itself, with more to do than a redraw).

    Returns:
        What ``action`` returned, or None when it failed (the user was told why; nothing changed).
    """
    done = attempt(lambda: recorded(store, action))
    if done is None:
        return None
    result, recorded_undo = done
    text = message(result) if callable(message) else message
    if recorded_undo.empty:
        ui.notify(text, type='positive')
    else:
        undo_toast(store, text, recorded_undo, on_undone or on_change or _nothing)
    if on_change is not None:
        on_change()
    return result


def _nothing() -> None:
    pass


def undo_toast(store: Store, message: str, recorded_undo: Undo, on_undone: Callback, *,
               actions: Sequence[tuple[str, Callback]] = ()) -> ui.element:
    """Show ``message`` with "Undo" (which puts back ``recorded_undo`` and calls ``on_undone``)."""
    layout = context.client.layout
    for old in [child for child in layout.default_slot.children if isinstance(child, _Toast)]:
        old.delete()

    def close() -> None:
        if not toast.is_deleted:
            toast.delete()

    def run_undo() -> None:
        close()
        if attempt(lambda: undo(store, recorded_undo), 'Undone.') is not None:
            on_undone()

    def run(callback: Callback) -> None:
        close()
        callback()

    left = [UNDO_SECONDS]

    def tick() -> None:
        left[0] -= 1
        if left[0] <= 0:
            close()

    def hold(inside: bool) -> None:
        left[0] = float('inf') if inside else UNDO_SECONDS

    def shortcut(event: events.KeyEventArguments) -> None:
        if event.action.keydown and not event.action.repeat and event.key == 'z' \
                and (event.modifiers.ctrl or event.modifiers.meta) and not event.modifiers.shift:
            run_undo()

    with layout, _Toast().classes('no-wrap items-center gap-2 mx-auto px-4 py-2 rounded '
                                  'shadow bg-grey-9 text-white max-w-xl') \
            .style('position: sticky; bottom: 1rem; z-index: 2000; width: fit-content; '
                   'max-width: calc(100% - 2rem); margin-bottom: 1rem') \
            .props('role=status aria-live=polite').mark('undo-toast') as toast:
        ui.label(message).classes('grow').props('dir=auto').mark('undo-toast-message')
        ui.button('Undo', on_click=run_undo).props('flat no-caps color=white aria-keyshortcuts=Control+Z') \
            .classes('font-bold').mark('undo-toast-undo')
        for label, callback in actions:
            ui.button(label, on_click=lambda c=callback: run(c)).props('flat no-caps color=white') \
                .mark(f'undo-toast-{label.lower().replace(" ", "-")}')
        ui.button(icon='close', on_click=close).props('flat round dense color=white aria-label=Close') \
            .mark('undo-toast-close')
        ui.keyboard(on_key=shortcut, ignore=['input', 'select', 'textarea'])
        ui.timer(1.0, tick)
    # While the keyboard is in the toast it stays; when it leaves, the count starts again.
    toast.on('focusin', lambda: hold(True))
    toast.on('focusout', lambda: hold(False))
    return toast


class _Toast(ui.row):
    """The toast's row: a new toast finds the one it replaces by this class."""


_CARRIED: dict[str, tuple[float, str, Undo, str]] = {}


def carry(message: str, recorded_undo: Undo, to: str, after_undo: str) -> None:
    """Go to the page ``to`` and show the toast there; "Undo" then goes to ``after_undo``.

    For an action that leaves the page it was taken on (the page of what it deleted).
    """
    now = time.monotonic()
    for token in [t for t, (at, *_) in _CARRIED.items() if now - at > CARRY_SECONDS]:
        del _CARRIED[token]
    token = secrets.token_urlsafe(12)
    _CARRIED[token] = (now, message, recorded_undo, after_undo)
    ui.navigate.to(f'{to}?{UNDO_PARAMETER}={token}')


def show_carried(store: Store) -> None:
    """Show the toast an action on the previous page handed to this one, if any (once)."""
    request = context.client.request
    token = request.query_params.get(UNDO_PARAMETER) if request is not None else None
    carried = _CARRIED.pop(token, None) if token else None
    if carried is None or time.monotonic() - carried[0] > CARRY_SECONDS:
        return
    _, message, recorded_undo, after_undo = carried
    undo_toast(store, message, recorded_undo, lambda: ui.navigate.to(after_undo))
