"""Under a paged list: which matches it shows, and Previous / Next."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from careernet_ui.domain.paging import Page


def pager(page: Page[Any], turn: Callable[[int], object], *, marker: str) -> None:
    """Show ``page.span`` ("26–50 of 1,204") and the buttons that call ``turn(-1)`` or ``turn(+1)``.

    The count carries ``marker`` and the class ``careernet-<marker>``, for tests and benchmarks
    to see that the list has rendered.
    """
    with ui.row().classes('w-full items-center justify-between'):
        ui.label(page.span).classes(f'careernet-{marker}').mark(marker)
        with ui.row().classes('gap-2'):
            ui.button('Previous', icon='chevron_left', on_click=lambda: turn(-1)).props('flat no-caps') \
                .set_enabled(page.page > 1)
            ui.label(f'Page {page.page} of {page.pages}').classes('self-center')
            ui.button('Next', icon='chevron_right', on_click=lambda: turn(+1)).props('flat no-caps') \
                .set_enabled(page.page < page.pages)
