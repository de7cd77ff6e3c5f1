"""One accomplishment in the list: what, when, the result, who saw it, who heard about it, and actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Accomplishment, Feedback, Stage, wording
from careernet_ui.domain.accomplishments import period_label
from careernet_ui.domain.feedback_form import FeedbackForm
from careernet_ui.services.accomplishments import delete_accomplishment

from .accomplishment_dialog import open_accomplishment_dialog
from .feedback import attempt, confirm
from .feedback_dialog import open_feedback_dialog
from .share_dialog import open_share_dialog


def accomplishment_card(ctx: AppContext, accomplishment: Accomplishment, feedback: Sequence[Feedback],
                        on_changed: Callable[[], object]) -> None:
    """Render ``accomplishment`` with its linked ``feedback``; ``on_changed`` runs after an edit, share or delete."""
    find = ctx.store.contacts.find
    # Few elements per card: each costs the browser time to draw, and a page shows ten.
    with ui.card().classes('w-full gap-1 relative').mark('accomplishment-card'):
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
                ui.link(contact.name, f'/contacts/{contact.id}').mark('listed-witness')
            if accomplishment.evidence_url.lower().startswith(('https://', 'http://')):
                ui.link('Evidence', accomplishment.evidence_url, new_tab=True).classes('ml-2')
        ui.label(_shared(ctx, accomplishment)).classes('text-sm text-grey-8').mark('listed-shared')
        for entry in feedback:
            author = find(entry.contact_id)
            who = author.name if author else 'someone no longer in your contacts'
            ui.label(f'“{entry.text}” — {who}').classes('text-sm italic whitespace-pre-wrap') \
                .mark('listed-quote')


def _actions(ctx: AppContext, accomplishment: Accomplishment, on_changed: Callable[[], object]) -> None:
    with ui.row().classes('gap-1 items-center absolute top-4 right-4') as actions:
        ui.button('Share', icon='campaign', on_click=lambda: open_share_dialog(ctx, accomplishment.id, on_changed)) \
            .props('dense').mark('accomplishment-share')
        # The rarer actions share one menu (its items are drawn only when it opens). Their dialogs are
        # built beside the menu, not in it: a closing menu takes its content out of the page.
        with ui.button(icon='more_vert').props('flat dense round aria-label="More actions"') \
                .mark('accomplishment-more'), ui.menu():
            ui.menu_item('Record feedback about it', on_click=_beside(actions, lambda: open_feedback_dialog(
                ctx, FeedbackForm.receiving('', ctx.today(), [accomplishment.id]), None, lambda _: on_changed(),
                title=f'Feedback on "{accomplishment.title}"', choose_person=True))) \
                .mark('accomplishment-feedback')
            ui.menu_item('Edit', on_click=_beside(actions, lambda: open_accomplishment_dialog(
                ctx, accomplishment, lambda _: on_changed()))) \
                .mark('accomplishment-edit')
            ui.menu_item('Delete', on_click=_beside(actions, lambda: confirm(
                f'Delete "{accomplishment.title}"? Feedback linked to it stays, without the link.', 'Delete',
                lambda: _delete(ctx, accomplishment, on_changed)))) \
                .classes('text-negative').mark('accomplishment-delete')


def _beside(container: ui.element, action: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        with container:
            action()
    return run


def _delete(ctx: AppContext, accomplishment: Accomplishment, on_changed: Callable[[], object]) -> None:
    if attempt(lambda: delete_accomplishment(ctx.store, accomplishment.id), f'Deleted "{accomplishment.title}".'):
        on_changed()


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

