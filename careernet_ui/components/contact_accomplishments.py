"""Contact-page cards: the accomplishments a person witnessed, and the feedback asked of and given by them."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.domain import Contact, Feedback, wording
from careernet_ui.domain.accomplishment_search import AccomplishmentQuery, matching
from careernet_ui.domain.feedback_log import feedback_of, status_line
from careernet_ui.domain.forms.feedback import FeedbackForm
from careernet_ui.services.feedback import delete_feedback

from .feedback import attempt, confirm
from .feedback_dialog import open_feedback_dialog
from .record_changes import record_changed

WITNESSED_SHOWN = 8


def witnessed_section(ctx: AppContext, contact: Contact) -> None:
    """The accomplishments ``contact`` saw and can vouch for, newest first."""
    witnessed = matching(ctx.store.accomplishments.all(), AccomplishmentQuery(witness_id=contact.id))
    with ui.card().classes('w-full gap-1').mark('contact-witnessed'):
        ui.label('Accomplishments they witnessed').classes('text-lg font-semibold')
        if not witnessed:
            ui.label(f'Nothing logged that {contact.name} saw yet. When you log an accomplishment, name the people '
                     'who saw it: they are the ones who can vouch for it.') \
                .classes('text-grey-7').mark('contact-witnessed-empty')
            return
        for accomplishment in witnessed[:WITNESSED_SHOWN]:
            with ui.column().classes('gap-0 py-1'):
                ui.label(accomplishment.title).classes('font-medium').mark('witnessed-title')
                details = [wording.day_label(accomplishment.on)]
                if accomplishment.metric is not None:
                    details.append(accomplishment.metric.describe())
                ui.label(' · '.join(details)).classes('text-sm text-grey-7')
        more = f'All {len(witnessed)} on the accomplishments page' if len(witnessed) > WITNESSED_SHOWN \
            else 'Open on the accomplishments page'
        ui.link(more, f'/accomplishments?witness={contact.id}').classes('text-sm').mark('contact-witnessed-link')


def feedback_section(ctx: AppContext, contact: Contact) -> None:
    """Feedback asked of and given by ``contact``: ask, record, answer, edit, delete."""
    first_name = contact.name.split()[0]

    def changed() -> None:
        entries.refresh()
        record_changed()  # feedback is a touch: the keep-in-touch card and the timeline move with it

    @ui.refreshable
    def entries() -> None:
        mine = feedback_of(ctx.store.feedback.all(), contact.id)
        if not mine:
            ui.label(f'No feedback from {first_name} yet. Asking shows you value their view, and what they say '
                     'gives your references concrete examples to draw on.') \
                .classes('text-grey-7').mark('contact-feedback-empty')
            return
        for entry in mine:
            _entry(ctx, contact, entry, changed)

    with ui.card().classes('w-full gap-2').mark('contact-feedback'):
        with ui.row().classes('w-full items-center gap-2'):
            ui.label('Feedback').classes('text-lg font-semibold')
            ui.space()
            ui.button('Ask for feedback', icon='help_outline',
                      on_click=lambda: open_feedback_dialog(ctx, FeedbackForm.asking(contact.id, ctx.today()), None,
                                                            lambda _: changed(),
                                                            title=f'Ask {contact.name} for feedback')) \
                .props('outline dense').mark('ask-feedback')
            ui.button('Record feedback', icon='format_quote',
                      on_click=lambda: open_feedback_dialog(ctx, FeedbackForm.receiving(contact.id, ctx.today()),
                                                            None, lambda _: changed(),
                                                            title=f'Record feedback from {contact.name}')) \
                .props('outline dense').mark('record-feedback')
        entries()


def _entry(ctx: AppContext, contact: Contact, entry: Feedback, refresh: Callable[[], object]) -> None:
    def reopen(form: FeedbackForm, title: str) -> None:
        open_feedback_dialog(ctx, form, entry, lambda _: refresh(), title=title)

    with ui.column().classes('w-full gap-1 py-2 border-b border-gray-200').mark('feedback-entry'):
        ui.label(status_line(entry, ctx.today())).classes('text-sm text-grey-8').mark('feedback-status')
        if entry.text:
            ui.label(f'“{entry.text}”').classes('italic whitespace-pre-wrap').mark('feedback-quote')
        if entry.themes:
            with ui.row().classes('gap-1'):
                for theme in entry.themes:
                    ui.chip(theme).props('dense outline')
        titles = [a.title for a in map(ctx.store.accomplishments.find, entry.accomplishment_ids) if a is not None]
        if titles:
            ui.label(f'About: {", ".join(titles)}').classes('text-sm').mark('feedback-about')
        with ui.row().classes('gap-1'):
            if entry.awaiting_answer:
                answered = FeedbackForm.from_feedback(entry)
                answered.received_on = ctx.today().isoformat()
                ui.button('Record answer', icon='mark_chat_read',
                          on_click=lambda: reopen(answered, f'What {contact.name} said')) \
                    .props('flat dense').mark('feedback-answer')
            ui.button('Edit', icon='edit',
                      on_click=lambda: reopen(FeedbackForm.from_feedback(entry), 'Edit feedback')) \
                .props('flat dense').mark('feedback-edit')
            ui.button('Delete', icon='delete',
                      on_click=lambda: confirm(f'Delete this feedback from {contact.name}?', 'Delete',
                                               lambda: _delete(ctx, entry, refresh))) \
                .props('flat dense color=negative').mark('feedback-delete')


def _delete(ctx: AppContext, entry: Feedback, refresh: Callable[[], object]) -> None:
    if attempt(lambda: delete_feedback(ctx.store, entry.id), 'Feedback deleted.') is not None:
        refresh()
