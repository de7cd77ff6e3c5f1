"""The reference brief: what a reference needs before the employer calls, to copy, e-mail or print."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from careernet_ui.components.application_badges import request_status_badge
from careernet_ui.components.feedback import attempt
from careernet_ui.components.frame import frame, not_found
from careernet_ui.components.mail_link import no_email_note
from careernet_ui.context import AppContext
from careernet_ui.domain import Accomplishment, Contact, ReferenceRequest, RequestStatus, wording
from careernet_ui.domain.brief import ReferenceBrief, brief_text, build_brief, mailto_link
from careernet_ui.domain.forms.fields import parse_date
from careernet_ui.domain.links import is_web_address
from careernet_ui.services.applications import advance_request, save_talking_points
from careernet_ui.services.identity import sign_as

Refresh = Callable[[], object]

# The header, the navigation and the buttons are for the screen; the brief itself is what prints
# (Quasar's print-hide class hides the rest, the header included).
PRINT_CSS = '''
@media print {
  .q-notifications { display: none !important; }
  .q-card { box-shadow: none !important; border: 1px solid #ddd; break-inside: avoid; }
}
'''


def register(ctx: AppContext) -> None:
    """Register ``/applications/{application_id}/brief/{request_id}``."""

    @ui.page('/applications/{application_id}/brief/{request_id}')
    def brief_page(application_id: str, request_id: str) -> None:
        request = ctx.store.reference_requests.find(request_id)
        application = ctx.store.applications.find(application_id)
        contact = ctx.store.contacts.find(request.contact_id) if request else None
        if request is None or application is None or contact is None or request.application_id != application_id:
            not_found(ctx, 'reference request', 'brief-missing', 'Back to applications', '/applications')
            return
        ui.add_css(PRINT_CSS)
        # "Sign as" starts from the name on Settings and, changed here, is remembered there.
        signature = {'name': ctx.store.settings.own_name}
        with frame(ctx, f'Reference brief for {contact.name}'):

            @ui.refreshable
            def body() -> None:
                current = ctx.store.reference_requests.find(request_id)
                app = ctx.store.applications.find(application_id)
                if current is None or app is None:
                    ui.label('This reference request was deleted.').mark('brief-missing')
                    return
                brief = build_brief(current, contact, app, ctx.store.accomplishments.all(), ctx.today())
                message = {'text': brief_text(brief, signature['name'], ctx.store.settings.signature)}
                mail = _actions(ctx, current, brief, message, body.refresh)
                with ui.row().classes('w-full gap-4 items-start'):
                    with ui.column().classes('grow basis-0 min-w-[20rem] gap-4'):
                        _position(brief)
                        _questions(brief)
                        _accomplishments('Work they saw you do', brief.witnessed, 'brief-witnessed',
                                         f'{contact.name} is not named as a witness of any accomplishment yet. Add '
                                         'them as a witness of the work they saw, and it shows here first.')
                        _accomplishments('Other results relevant to this role', brief.other_relevant, 'brief-other',
                                         'No other accomplishment shares a tag with this role yet.')
                    with ui.column().classes('grow basis-0 min-w-[18rem] gap-4'):
                        _talking_points(ctx, current, body.refresh)
                        with ui.card().classes('w-full gap-2 print-hide'):
                            ui.label('The message').classes('text-lg font-semibold')
                            ui.input('Sign as', value=signature['name'], placeholder='your name',
                                     on_change=lambda e: sign(e.value)) \
                                .props('debounce=400').classes('w-full').mark('brief-sign-as')
                            preview = ui.label(message['text']).classes('whitespace-pre-wrap text-sm') \
                                .mark('brief-text')

                def sign(name: str | None) -> None:
                    # Only the text changes: refreshing the page would take the focus from the input.
                    signature['name'] = name or ''
                    if attempt(lambda: sign_as(ctx.store, signature['name'])) is None:
                        return
                    message['text'] = brief_text(brief, signature['name'], ctx.store.settings.signature)
                    preview.set_text(message['text'])
                    mail.props['href'] = mailto_link(brief, message['text'])
                    mail.update()

            body()


def _actions(ctx: AppContext, request: ReferenceRequest, brief: ReferenceBrief, message: dict[str, str],
             refresh: Refresh) -> ui.button:
    app = brief.application
    with ui.row().classes('w-full items-center gap-3 print-hide'):
        request_status_badge(request.status).mark('brief-status')
        ui.link(f'{app.position} at {app.company}', f'/applications/{app.id}').mark('brief-application-link')
        ui.space()
        ui.button('Copy as text', icon='content_copy', on_click=lambda: _copy(message['text'])).mark('brief-copy')
        mail = ui.button('Open in e-mail', icon='mail').mark('brief-mailto')
        # A real mailto: anchor (QBtn renders <a href>): the user's mail program opens, no script needed.
        mail.props['href'] = mailto_link(brief, message['text'])
        reference = brief.reference
        if not reference.primary_email:
            # It would open a message with no recipient: say so, and where to add the address.
            mail.set_visibility(False)
            no_email_note(reference, 'brief-no-email')
        ui.button('Print', icon='print', on_click=lambda: ui.run_javascript('window.print()')).mark('brief-print')
    _sent_panel(ctx, request, brief.reference, refresh)
    return mail


def _sent_panel(ctx: AppContext, request: ReferenceRequest, reference: Contact, refresh: Refresh) -> None:
    def mark_sent() -> None:
        day = attempt(lambda: parse_date(on.value, 'on', 'Sent on', required=True))
        if day is None:
            return
        stored = attempt(lambda: advance_request(ctx.store, request.id, RequestStatus.BRIEFED, day, ctx.today()),
                         f'Brief to {reference.name} marked as sent.')
        if stored is not None:
            refresh()

    with ui.row().classes('w-full items-end gap-2 print-hide').mark('brief-sent-panel'):
        sent = request.reached_on(RequestStatus.BRIEFED)
        if request.status is RequestStatus.AGREED:
            ui.label(f'Sent it to {reference.name}? Mark it, and the interaction is logged.').classes('self-center')
            on = ui.input('Sent on', value=ctx.today().isoformat(), placeholder='YYYY-MM-DD').classes('w-32') \
                .mark('brief-sent-on')
            on.on('keydown.enter', mark_sent)
            ui.button('Mark as sent', icon='outgoing_mail', on_click=mark_sent).mark('brief-mark-sent')
        elif request.status is RequestStatus.ASKED:
            ui.label(f'{reference.name} has not agreed yet: record their answer on the application page before '
                     'you send the brief.').classes('text-grey-8').mark('brief-not-agreed')
        elif request.status is RequestStatus.DECLINED:
            ui.label(f'{reference.name} declined; no brief is needed.').classes('text-grey-8')
        elif sent is not None:
            ui.label(f'Brief sent on {wording.day_label(sent)}.').classes('text-positive').mark('brief-sent')


def _position(brief: ReferenceBrief) -> None:
    app = brief.application
    with ui.card().classes('w-full gap-1').mark('brief-position'):
        ui.label('The position').classes('text-lg font-semibold')
        ui.label(f'{app.position} at {app.company}').classes('font-medium')
        if is_web_address(app.job_url):
            ui.link(app.job_url, app.job_url, new_tab=True).classes('break-all text-sm')
        ui.label('Key dates').classes('font-medium pt-2')
        if not brief.key_dates:
            ui.label('No date yet: add when you applied and the interview dates on the application.') \
                .classes('text-sm text-grey-7')
        for label, day in brief.key_dates:
            ui.label(f'{label}: {wording.day_label(day)}').classes('text-sm').mark('brief-date')


def _questions(brief: ReferenceBrief) -> None:
    with ui.card().classes('w-full gap-1').mark('brief-questions'):
        ui.label('What the employer will probably ask').classes('text-lg font-semibold')
        for question in brief.questions:
            ui.label(f'• {question}').classes('text-sm').mark('brief-question')


def _accomplishments(title: str, accomplishments: tuple[Accomplishment, ...], marker: str, empty: str) -> None:
    with ui.card().classes('w-full gap-1').mark(marker):
        ui.label(title).classes('text-lg font-semibold')
        if not accomplishments:
            ui.label(empty).classes('text-sm text-grey-7')
        for accomplishment in accomplishments:
            metric = f' ({accomplishment.metric.describe()})' if accomplishment.metric else ''
            ui.label(f'{accomplishment.title}{metric}, {wording.day_label(accomplishment.on)}') \
                .classes('text-sm').mark(f'{marker}-item')


def _talking_points(ctx: AppContext, request: ReferenceRequest, refresh: Refresh) -> None:
    def save() -> None:
        if attempt(lambda: save_talking_points(ctx.store, request.id, points.value or ''),
                   'Talking points saved.') is not None:
            refresh()

    with ui.card().classes('w-full gap-2').mark('brief-points-card'):
        ui.label('What you hope comes across').classes('text-lg font-semibold')
        points = ui.textarea('Talking points', value=request.talking_points,
                             placeholder='the project to mention, the strength to stress') \
            .props('autogrow').classes('w-full').mark('brief-talking-points')
        ui.button('Save talking points', icon='save', on_click=save).classes('print-hide').mark('brief-save-points')


def _copy(text: str) -> None:
    ui.clipboard.write(text)
    ui.notify('Copied the brief: paste it into your message.', type='positive')

