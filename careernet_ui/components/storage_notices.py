"""What the store told the user (the data file changed on disk, and what CareerNet did), until dismissed."""

from __future__ import annotations

from nicegui import ui

from storage import Store


def storage_notices(store: Store) -> None:
    """A banner listing the store's notices, on every page, with a button to dismiss them."""
    if not store.notices:
        return
    with ui.card().classes('w-full bg-amber-50 text-amber-950 gap-2').props('role=status') \
            .mark('storage-notices') as banner:
        for text in store.notices:
            ui.label(text).classes('whitespace-pre-line')

        def dismiss() -> None:
            store.dismiss_notices()
            banner.delete()

        ui.button('Dismiss', on_click=dismiss).props('flat dense').mark('storage-notices-dismiss')
