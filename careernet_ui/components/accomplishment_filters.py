"""The accomplishments list's tag, year and witness filters, built the first time they are opened.

Three selects cost the browser more than a few cards do, and most visits only search or scroll; so
the toolbar shows a "Filters" button (saying how many are on) and the selects appear under it.
"""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Contact
from careernet_ui.domain.accomplishment_search import AccomplishmentQuery, all_tags, all_years

from .people_picker import people_picker


class AccomplishmentFilters:
    """A "Filters" button and the panel it opens; ``update(**changes)`` applies a change to the query."""

    def __init__(self, ctx: AppContext, query: AccomplishmentQuery, update: Callable[..., None]) -> None:
        self._ctx = ctx
        self._query = query
        self._update = update
        self._panel: ui.row | None = None
        self._tags: ui.select | None = None
        self._years: ui.select | None = None
        self._button: ui.button | None = None

    def button(self) -> ui.button:
        """The toggle, for the toolbar."""
        self._button = ui.button(self._caption(), icon='filter_list', on_click=self.toggle) \
            .props('outline no-caps').mark('accomplishments-filters')
        return self._button

    def panel(self) -> ui.row:
        """Where the selects go, under the toolbar; open from the start when a filter is already on."""
        self._panel = ui.row().classes('w-full items-end gap-3').mark('accomplishments-filter-panel')
        if self._active():
            self.toggle()
        return self._panel

    def toggle(self) -> None:
        """Show the selects (building them the first time), or hide them."""
        assert self._panel is not None  # panel() placed it
        if self._tags is None:
            with self._panel:
                self._build()
            return
        self._panel.set_visibility(not self._panel.visible)

    def refresh_options(self) -> None:
        """Offer the tags and years that exist now (after an add, an edit or a delete)."""
        if self._tags is None or self._years is None:
            return
        everything = self._ctx.store.accomplishments.all()
        self._tags.set_options({'': 'Any tag', **{tag: tag for tag in all_tags(everything)}})
        self._years.set_options({0: 'Any year', **{year: str(year) for year in all_years(everything)}})

    def _build(self) -> None:
        query = self._query
        self._tags = ui.select({'': 'Any tag'}, value=query.tag or '', label='Tag',
                               on_change=lambda e: self._set(tag=e.value or None)) \
            .classes('w-40').mark('accomplishments-tag')
        self._years = ui.select({0: 'Any year'}, value=query.year or 0, label='Year',
                                on_change=lambda e: self._set(year=e.value or None)) \
            .classes('w-32').mark('accomplishments-year')
        people_picker(lambda: _witnesses(self._ctx), self._ctx.store.contacts.find, label='Witness',
                      value=query.witness_id, multiple=False,
                      on_change=lambda chosen: self._set(witness_id=chosen or None)) \
            .classes('w-64').mark('accomplishments-witness')
        self.refresh_options()

    def _set(self, **changes: object) -> None:
        self._update(**changes)
        if self._button is not None:
            self._button.set_text(self._caption())

    def _active(self) -> int:
        query = self._query
        return sum(value is not None for value in (query.tag, query.year, query.witness_id))

    def _caption(self) -> str:
        active = self._active()
        return f'Filters · {active} on' if active else 'Filters'


def _witnesses(ctx: AppContext) -> list[Contact]:
    """Everyone named as a witness: the witness filter's choices."""
    ids = dict.fromkeys(w for a in ctx.store.accomplishments for w in a.witness_ids)
    return [c for c in map(ctx.store.contacts.find, ids) if c is not None]
