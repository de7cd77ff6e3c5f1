"""Accomplishments: log them quantified with who saw them, find them, share them, export the brag document."""

from __future__ import annotations

from collections import defaultdict

from nicegui import ui

from careernet_ui.components.accomplishment_card import accomplishment_card
from careernet_ui.components.accomplishment_dialog import open_accomplishment_dialog
from careernet_ui.components.accomplishment_filters import AccomplishmentFilters
from careernet_ui.components.frame import frame
from careernet_ui.components.lean_fields import LeanInput, LeanSelect
from careernet_ui.components.pager import pager
from careernet_ui.components.share_dialog import open_share_dialog
from careernet_ui.context import AppContext
from careernet_ui.domain import Feedback
from careernet_ui.domain.accomplishment_search import AccomplishmentQuery, AccomplishmentSort, search_accomplishments
from careernet_ui.services.accomplishments import brag_document

SORT_OPTIONS = {sort.value: sort.label for sort in AccomplishmentSort}
QUOTES_PER_CARD = 2


def register(ctx: AppContext) -> None:
    """Register ``/accomplishments`` (``?witness=<contact id>`` filters, ``?share=<id>`` opens the share dialog)."""

    @ui.page('/accomplishments')
    def accomplishments_page(share: str | None = None, witness: str | None = None) -> None:
        store = ctx.store
        query = AccomplishmentQuery(witness_id=witness if witness and store.contacts.find(witness) else None)
        with frame(ctx, 'Accomplishments'):
            if not len(store.accomplishments):
                _empty_state(ctx)
                return
            filters = AccomplishmentFilters(ctx, query, lambda **changes: update(**changes))
            with ui.row().classes('w-full items-end gap-3'):
                LeanInput('Search', placeholder='title, what you did, tag',
                         on_change=lambda e: update(text=e.value or '')) \
                    .props('clearable debounce=250').classes('grow min-w-[12rem]').mark('accomplishments-search')
                LeanSelect(SORT_OPTIONS, value=query.sort.value, label='Sort by',
                          on_change=lambda e: update(sort=AccomplishmentSort(e.value))) \
                    .classes('w-36').mark('accomplishments-sort')
                filters.button()
            filters.panel()
            with ui.row().classes('w-full items-center gap-3'):
                ui.button('Log accomplishment', icon='add',
                          on_click=lambda: open_accomplishment_dialog(ctx, None, lambda _: changed())) \
                    .props('no-caps').mark('add-accomplishment')
                ui.button('Download brag.md', icon='download', on_click=lambda: _download(ctx, query)) \
                    .props('outline no-caps').mark('download-brag')
                ui.label('Markdown of the accomplishments shown (all pages), grouped by year, for a CV or review.') \
                    .classes('text-sm text-grey-7')

            @ui.refreshable
            def results() -> None:
                page = search_accomplishments(store.accomplishments, query)
                if not page.items:
                    ui.label('No accomplishment matches. Try fewer words, or clear the filters.') \
                        .classes('text-grey-7').mark('accomplishments-no-match')
                    return
                quotes = _quotes(store.feedback.all(), {a.id for a in page.items})
                with ui.column().classes('w-full gap-3').mark('accomplishments-list'):
                    for accomplishment in page.items:
                        accomplishment_card(ctx, accomplishment, quotes.get(accomplishment.id, []), changed)
                # bench.pages sees the list (rendered last) on screen by the count's class.
                pager(page, lambda step: update(page=page.page + step), marker='accomplishments-count')

            def update(**changes: object) -> None:
                for name, value in changes.items():
                    setattr(query, name, value)
                if 'page' not in changes:
                    query.page = 1
                results.refresh()

            def changed() -> None:
                if not len(store.accomplishments):
                    ui.navigate.to('/accomplishments')  # the last one went: back to the empty state
                    return
                filters.refresh_options()
                results.refresh()

            results()
            if share:
                open_share_dialog(ctx, share, changed)


def _empty_state(ctx: AppContext) -> None:
    with ui.card().classes('w-full items-start gap-3 p-6').mark('accomplishments-empty'):
        ui.label('No accomplishments yet').classes('text-xl font-semibold')
        ui.label(
            'Write down what you achieved while you still remember the numbers: "p95 latency 800 → 120 ms" '
            'convinces where "made it faster" does not. Name the people who saw it: they are the references who '
            'can vouch for it, and the advocates who will retell it. Then share it with your advocates, and export '
            'the lot as a brag document when a review or an application comes.'
        )
        ui.button('Log your first accomplishment', icon='add',
                  on_click=lambda: open_accomplishment_dialog(ctx, None,
                                                              lambda _: ui.navigate.to('/accomplishments'))) \
            .mark('add-accomplishment')


def _download(ctx: AppContext, query: AccomplishmentQuery) -> None:
    text, _ = brag_document(ctx.store, query, ctx.today())
    ui.download.content(text.encode('utf-8'), 'brag.md', 'text/markdown; charset=utf-8')


def _quotes(feedback: list[Feedback], shown: set[str]) -> dict[str, list[Feedback]]:
    """Received feedback with text, by the shown accomplishment it is about (latest first, a few each)."""
    quotes: dict[str, list[Feedback]] = defaultdict(list)
    said = [f for f in feedback if f.received_on is not None and f.text and shown.intersection(f.accomplishment_ids)]
    for entry in sorted(said, key=lambda f: (f.received_on, f.id), reverse=True):
        for accomplishment_id in entry.accomplishment_ids:
            if accomplishment_id in shown and len(quotes[accomplishment_id]) < QUOTES_PER_CARD:
                quotes[accomplishment_id].append(entry)
    return quotes

