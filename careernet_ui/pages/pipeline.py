"""The relationship pipeline: a column per stage; drag a card, or use "Move to…", to move someone."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import events, ui
from nicegui.element import Element

from careernet_ui.components.badges import stage_badge
from careernet_ui.components.contact_dialog import ROLE_OPTIONS
from careernet_ui.components.feedback import attempt
from careernet_ui.components.focus_return import focus_after_dialog
from careernet_ui.components.frame import frame
from careernet_ui.components.interaction_dialog import open_log_dialog
from careernet_ui.components.lean_fields import LeanInput, LeanSelect
from careernet_ui.components.move_dialog import open_move_dialog, open_note_dialog
from careernet_ui.components.pipeline_card import CARD_CLASS, PipelineCard
from careernet_ui.components.plain_button import PlainButton
from careernet_ui.components.touch import SEARCH_CLASSES, autofocus
from careernet_ui.components.undo_toast import undo_toast
from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, Role, Stage
from careernet_ui.domain.board import BoardColumn, BoardQuery, build_board, tag_options
from careernet_ui.services.pipeline import move_contact
from careernet_ui.services.undo import recorded

STAGE_HINTS = {
    Stage.CONTACT: 'People you know. Keep the ones who know your work warm.',
    Stage.POTENTIAL_ADVOCATE: 'They believe in you: ask their advice, keep them informed.',
    Stage.REFERENCE: 'They will confirm your work when an employer asks.',
    Stage.ADVOCATE: 'They speak up for you and open doors.',
}


def register(ctx: AppContext) -> None:
    """Register ``/pipeline``."""

    @ui.page('/pipeline')
    def pipeline_page() -> None:
        query = BoardQuery()
        with frame(ctx, 'Pipeline'):
            if not len(ctx.store.contacts):
                _empty_state()
                return
            ui.label('Drag a card to another column, or use "Move to…" on it, to record that someone moved. '
                     'Each column lists overdue catch-ups first, then whoever you have not contacted for longest.') \
                .classes('text-grey-8')
            _filters(ctx, query, lambda: board.refresh())

            @ui.refreshable
            def board() -> None:
                columns = build_board(ctx.store.network(), ctx.today(), query)
                # Which element is which card or column, for the drop handler (elements are rebuilt on refresh).
                card_contacts: dict[int, str] = {}
                column_stages: dict[int, Stage] = {}

                def dropped(event: events.SortableEventArguments) -> None:
                    contact_id = card_contacts.get(event.item.id)
                    stage = column_stages.get(event.target.id)
                    if contact_id is not None and stage is not None and event.target is not event.source:
                        _dropped(ctx, query, contact_id, stage, board.refresh)
                    board.refresh()  # re-rank, re-count, or put the card back if the move failed

                # Columns side by side on a wide screen, one above the other on a phone.
                with ui.row().classes('w-full gap-3 flex-col md:flex-row md:flex-nowrap md:items-start '
                                      'md:overflow-x-auto').mark('pipeline-board'):
                    for column in columns:
                        _column(ctx, query, column, card_contacts, column_stages, dropped, board.refresh)

            board()


def _dropped(ctx: AppContext, query: BoardQuery, contact_id: str, stage: Stage, refresh: Callable[[], object]) -> None:
    """A card was dropped on another column: move them, and offer "Add note" and "Undo"."""
    done = attempt(lambda: recorded(ctx.store, lambda: move_contact(ctx.store, contact_id, stage, ctx.today())))
    if done is None:
        return
    moved, move = done
    query.pin(moved.id)
    message = f'Moved {moved.name} to {moved.stage.label}.'
    if move.empty:
        ui.notify(message, type='positive')
        return

    def noted(contact: Contact) -> None:
        refresh()
        focus_card(contact.id)

    undo_toast(ctx.store, message, move, refresh,
               actions=[('Add note', lambda: open_note_dialog(ctx, moved, move, noted, refresh))])


def _filters(ctx: AppContext, query: BoardQuery, refresh: Callable[[], object]) -> None:
    def changed(**changes: object) -> None:
        for name, value in changes.items():
            setattr(query, name, value)
        query.shown = BoardQuery().shown  # a new search starts every column from the top
        refresh()

    def more_filters() -> None:
        # Built on request: most visits only look, or search, and the board's first render stays
        # three fields (and up to a hundred tag options) lighter.
        button.delete()
        with bar:
            _more_filters(ctx, changed)

    with ui.row().classes('w-full items-end gap-3') as bar:
        LeanInput('Search', placeholder='name, organisation, title, tag or e-mail',
                 on_change=lambda e: changed(text=e.value or '')) \
            .props('clearable debounce=300 stack-label').classes(SEARCH_CLASSES).mark('pipeline-search')
        button = PlainButton('Filter by role, tag, organisation', more_filters).classes('text-sm') \
            .mark('pipeline-more-filters')


def _more_filters(ctx: AppContext, changed: Callable[..., None]) -> None:
    tags = tag_options(ctx.store.network())
    LeanSelect({'': 'Any role', **ROLE_OPTIONS}, value='', label='Role',
               on_change=lambda e: changed(role=Role(e.value) if e.value else None)) \
        .props(autofocus()).classes('w-40').mark('pipeline-role')
    LeanSelect({'': 'Any tag', **{tag: tag for tag in tags}}, value='', label='Tag',
               on_change=lambda e: changed(tag=e.value or '')) \
        .classes('w-40').mark('pipeline-tag')
    LeanInput('Organisation', on_change=lambda e: changed(organisation=e.value or '')) \
        .props('clearable debounce=300').classes('w-48').mark('pipeline-organisation')


def _column(
    ctx: AppContext,
    query: BoardQuery,
    column: BoardColumn,
    card_contacts: dict[int, str],
    column_stages: dict[int, Stage],
    dropped: Callable[[events.SortableEventArguments], None],
    refresh: Callable[[], object],
) -> None:
    stage = column.stage
    today = ctx.today()

    def changed(contact_id: str) -> None:
        # Just moved or contacted, the card would rank low and could vanish behind "Show more".
        query.pin(contact_id)
        refresh()

    def moved(contact: Contact) -> None:
        changed(contact.id)
        focus_card(contact.id)  # a keyboard user carries on from the card they moved

    def move(contact: Contact) -> None:
        open_move_dialog(ctx, contact, moved, refresh)

    def log(contact: Contact) -> None:
        open_log_dialog(ctx, contact, lambda logged: changed(logged.contact_id))

    def more() -> None:
        query.show_more(stage)
        refresh()

    # A plain <div>, not a Quasar card: see pipeline_card.
    with Element('div').classes('q-card flex flex-col grow md:basis-0 min-w-0 md:min-w-[15rem] gap-2 p-3 bg-gray-50 '
                                'dark:bg-neutral-800').mark(f'column-{stage.value}'):
        with ui.row().classes('w-full items-center gap-2'):
            stage_badge(stage)
            ui.label(f'{column.total:,}').classes('font-semibold').mark(f'total-{stage.value}')
            if column.overdue:
                ui.label(f'{column.overdue:,} overdue').classes('text-xs text-negative')
        ui.label(STAGE_HINTS[stage]).classes('text-xs text-grey-8')
        if not column.cards:
            message = 'No match here.' if query.narrowed() else 'Nobody here yet: drag someone in.'
            ui.label(message).classes('text-sm text-grey-7 italic').mark(f'empty-{stage.value}')
        # The drop zone keeps a height when empty, so a card can still be dropped into it.
        with ui.column().classes('w-full gap-2 min-h-[5rem]').props(f'data-stage={stage.value}') \
                .mark(f'cards-{stage.value}') as cards:
            for card in column.cards:
                element = PipelineCard(card, today, move, log, highlight=card.contact.id in query.pinned) \
                    .mark('pipeline-card', f'card-{card.contact.id}')
                card_contacts[element.id] = card.contact.id
        column_stages[cards.id] = stage
        cards.make_sortable(group='pipeline', on_end=dropped,
                            options={'sort': False, 'draggable': f'.{CARD_CLASS}'})
        if column.hidden:
            with ui.row().classes('w-full items-center justify-between'):
                ui.label(f'{len(column.cards):,} of {column.total:,}').classes('text-xs text-grey-8') \
                    .mark(f'shown-{stage.value}')
                PlainButton('Show more', more, aria_label=f'Show more in {stage.label}').mark(f'more-{stage.value}')


def _empty_state() -> None:
    with ui.card().classes('w-full items-start gap-3 p-6').mark('pipeline-empty'):
        ui.label('Your pipeline is empty').classes('text-xl font-semibold')
        ui.label('Add the people who know your work. As you keep in touch, move them along: contact, '
                 'potential advocate, reference, advocate.')
        ui.button('Add contacts', icon='person_add', on_click=lambda: ui.navigate.to('/contacts')) \
            .mark('pipeline-add-contacts')


def focus_card(contact_id: str) -> None:
    """Put the keyboard focus on the person's card's "Move to…" button, once the board has redrawn it.

    After a dialog closes the focus would fall to the page; a keyboard user continues from the card.
    """
    focus_after_dialog(f'[data-contact="{contact_id}"] button[aria-label^="Move "]')
