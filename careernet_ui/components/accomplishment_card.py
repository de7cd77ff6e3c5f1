"""One accomplishment in the list: what, when, the result, who saw it, who heard about it, and actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Accomplishment, Feedback, Stage, wording
from careernet_ui.domain.accomplishments import period_label
from careernet_ui.domain.feedback_form import FeedbackForm

from .accomplishment_dialog import open_accomplishment_dialog
from .anchor import Anchor
from .feedback_dialog import open_feedback_dialog
from .panel import Panel
from .plain_button import IconButton, PlainButton
from .share_dialog import open_share_dialog


def accomplishment_card(ctx: AppContext, accomplishment: Accomplishment, feedback: Sequence[Feedback],
                        on_changed: Callable[[], object]) -> None:
    """Render ``accomplishment`` with its linked ``feedback``; ``on_changed`` runs after an edit, share or delete."""
    find = ctx.store.contacts.find
    # Few elements per card: each costs the browser time to draw, and a page shows ten.
    with Panel().classes('w-full gap-1 relative').mark('accomplishment-card'):
        ui.label(accomplishment.title).classes('text-lg font-semibold pr-32').mark('listed-title')
        context = [part for part in (accomplishment.role, accomplishment.project, accomplishment.organisation) if part]
        ui.label(' · '.join([period_label(accomplishment), *context])).classes('text-sm text-grey-8 pr-32') \
            .mark('listed-when')
        _actions(ctx, accomplishment, on_changed)
        if accomplishment.metric is not None:
            ui.label(accomplishment.metric.describe()).classes('text-base font-medium text-primary') \
                .mark('listed-metric')
        if accomplishment.description:
            ui.label(accomplishment.description).classes('whitespace-pre-wrap line-clamp-3')
        if accomplishment.tags:
            ui.label(' · '.join(accomplishment.tags)).classes('text-sm text-grey-8').mark('listed-tags')
        witnesses = [c for c in map(find, accomplishment.witness_ids) if c is not None]
        with ui.row().classes('items-center gap-x-2 gap-y-0 text-sm'):
            ui.label('Witnesses:' if witnesses else 'No witness named yet: who saw it and can vouch for it?') \
                .classes('text-grey-8')
            for contact in witnesses:
                Anchor(contact.name, f'/contacts/{contact.id}').mark('listed-witness')
            if accomplishment.evidence_url.lower().startswith(('https://', 'http://')):
                Anchor('Evidence', accomplishment.evidence_url, new_tab=True).classes('ml-2')
        ui.label(_shared(ctx, accomplishment)).classes('text-sm text-grey-8').mark('listed-shared')
        for entry in feedback:
            author = find(entry.contact_id)
            who = author.name if author else 'someone no longer in your contacts'
            ui.label(f'“{entry.text}” — {who}').classes('text-sm italic whitespace-pre-wrap') \
                .mark('listed-quote')


def _actions(ctx: AppContext, accomplishment: Accomplishment, on_changed: Callable[[], object]) -> None:
    with ui.row().classes('gap-1 items-center absolute top-4 right-4') as actions:
        # Native buttons: a Quasar button per card (two per card, ten cards) is costly to mount.
        PlainButton('Share', lambda: open_share_dialog(ctx, accomplishment.id, on_changed)) \
            .classes(replace='text-sm font-medium text-white bg-primary px-3 py-1 rounded shadow '
                             'hover:opacity-90 focus-visible:outline focus-visible:outline-2') \
            .mark('accomplishment-share')
        more = IconButton('more_vert', lambda: menu(), label='More actions',
                          classes='text-xl text-grey-8 p-1 hover:bg-black/10').mark('accomplishment-more')

    def menu() -> None:
        # Built on first use: a page of cards each holding a ready menu costs the browser more than
        # the cards themselves. Dialogs open beside the menu, not in it (a closed menu leaves the page).
        built = [child for child in more.default_slot.children if isinstance(child, ui.menu)]
        if built:
            built[0].open()
            return
        with more, ui.menu() as options:
            ui.menu_item('Record feedback about it', on_click=_beside(actions, lambda: open_feedback_dialog(
                ctx, FeedbackForm.receiving('', ctx.today(), [accomplishment.id]), None, lambda _: on_changed(),
                title=f'Feedback on "{accomplishment.title}"', choose_person=True))) \
                .mark('accomplishment-feedback')
            ui.menu_item('Edit or delete', on_click=_beside(actions, lambda: open_accomplishment_dialog(
                ctx, accomplishment, lambda _: on_changed(), on_deleted=on_changed))) \
                .mark('accomplishment-edit')
        options.open()


def _beside(container: ui.element, action: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        with container:
            action()
    return run


def _shared(ctx: AppContext, accomplishment: Accomplishment) -> str:
    if not accomplishment.shared:
        return 'Not shared with anyone yet.'
    told = []
    for share in accomplishment.shared[-3:]:
        contact = ctx.store.contacts.find(share.contact_id)
        if contact is not None:
            advocate = ' (advocate)' if contact.stage is Stage.ADVOCATE else ''
            told.append(f'{contact.name}{advocate} on {wording.day_label(share.on)}')
    earlier = len(accomplishment.shared) - 3
    more = f' and {wording.count_of(earlier, "earlier share")}' if earlier > 0 else ''
    return f'Shared with {", ".join(told)}{more}.' if told else 'Shared with people no longer in your contacts.'

