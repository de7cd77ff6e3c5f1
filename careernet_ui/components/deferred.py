"""Build a part of a page once the browser has connected: for parts below the fold."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui


def after_connect(build: Callable[[], object]) -> ui.column:
    """Call ``build`` inside a full-width container once the page is shown and connected.

    The page's first response then carries only what a person sees first; what sits below the
    fold arrives a moment later over the page's connection, instead of making the browser build
    and lay it out before it can show anything.
    """
    with ui.column().classes('w-full gap-4 p-0') as holder:
        def fill() -> None:
            with holder:
                build()

        ui.timer(0, fill, once=True)
    return holder
