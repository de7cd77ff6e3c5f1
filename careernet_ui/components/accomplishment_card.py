"""One accomplishment in the list: what, when, the result, who saw it, who heard about it, and actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nicegui import ui
from nicegui.element import Element

from careernet_ui.context import AppContext
from careernet_ui.domain import Accomplishment, Contact, Feedback, Stage, wording
from careernet_ui.domain.accomplishments import period_label
from careernet_ui.domain.forms.feedback import FeedbackForm
from careernet_ui.domain.links import is_web_address
from careernet_ui.nicegui_compat import ReadAs

from .accomplishment_dialog import open_accomplishment_dialog
from .feedback_dialog import open_feedback_dialog
from .panel import PANEL_CLASSES
from .share_dialog import open_share_dialog

SHARE_CLASSES = ('text-sm font-medium text-white bg-primary px-3 py-1 rounded shadow hover:opacity-90 '
                 'focus-visible:outline focus-visible:outline-2')


class AccomplishmentCard(ReadAs, Element, component='accomplishment_card.js'):
    """An accomplishment in the list, drawn in the browser by one small component from its props.

    As NiceGUI elements a card was some sixteen (labels, a row of witness links, two buttons, the
    quotes); the page lists ten before it shows, and the browser mounts each element separately.
    "Share" and the ⋮ button emit ``share`` and ``more``; what is put in the card (its menu, built
    on first use, and the dialogs it opens) sits next to the ⋮ button. NiceGUI's simulated user
    reads the title, the dates, the result, the witnesses and the quotes as the card's content.
    """

    def __init__(self, accomplishment: Accomplishment, *, witnesses: Sequence[Contact], shared: str,
                 quotes: Sequence[str]) -> None:
        """Make the card in the current container.

        Args:
            accomplishment: What it shows.
            witnesses: The contacts who saw it (those still in the contacts), in order.
            shared: Who heard about it, as a sentence.
            quotes: Feedback about it, each as "quote — who".
        """
        super().__init__()
        context = [part for part in (accomplishment.role, accomplishment.project, accomplishment.organisation) if part]
        evidence = accomplishment.evidence_url
        self._props.update(
            title=accomplishment.title,
            when=' · '.join([period_label(accomplishment), *context]),
            metric=accomplishment.metric.describe() if accomplishment.metric is not None else '',
            description=accomplishment.description,
            tags=' · '.join(accomplishment.tags),
            witnesses=[{'name': contact.name, 'href': f'/contacts/{contact.id}'} for contact in witnesses],
            evidence=evidence if is_web_address(evidence) else '',
            shared=shared,
            quotes=list(quotes),
            shareClass=SHARE_CLASSES,
        )
        self.classes(f'{PANEL_CLASSES} w-full gap-1 relative')

    def read_as(self) -> list[object]:
        """Every text the card shows."""
        props = self._props
        return [props['title'], props['when'], props['metric'], props['description'], props['tags'],
                *(witness['name'] for witness in props['witnesses']), props['shared'], *props['quotes']]


def accomplishment_card(ctx: AppContext, accomplishment: Accomplishment, feedback: Sequence[Feedback],
                        on_changed: Callable[[], object]) -> AccomplishmentCard:
    """Render ``accomplishment`` with its linked ``feedback``; ``on_changed`` runs after an edit, share or delete."""
    find = ctx.store.contacts.find
    quotes = []
    for entry in feedback:
        author = find(entry.contact_id)
        quotes.append(f'“{entry.text}” — {author.name if author else "someone no longer in your contacts"}')
    card = AccomplishmentCard(accomplishment, witnesses=[c for c in map(find, accomplishment.witness_ids) if c],
                              shared=_shared(ctx, accomplishment), quotes=quotes).mark('accomplishment-card')
    card.on('share', lambda: open_share_dialog(ctx, accomplishment.id, on_changed))

    def menu() -> None:
        # Built on first use: a page of cards each holding a ready menu costs the browser more than
        # the cards themselves. Dialogs open beside the menu, not in it (a closed menu leaves the page).
        built = [child for child in card.default_slot.children if isinstance(child, ui.menu)]
        if built:
            built[0].open()
            return
        with card, ui.menu() as options:
            ui.menu_item('Record feedback about it', on_click=_beside(card, lambda: open_feedback_dialog(
                ctx, FeedbackForm.receiving('', ctx.today(), [accomplishment.id]), None, lambda _: on_changed(),
                title=f'Feedback on "{accomplishment.title}"', choose_person=True))) \
                .mark('accomplishment-feedback')
            ui.menu_item('Edit or delete', on_click=_beside(card, lambda: open_accomplishment_dialog(
                ctx, accomplishment, lambda _: on_changed(), on_deleted=on_changed))) \
                .mark('accomplishment-edit')
        options.open()

    card.on('more', menu)
    return card


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

