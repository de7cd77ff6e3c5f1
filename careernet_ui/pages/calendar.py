"""The Calendar page: subscribe to the follow-ups feed, tune it, and see what it will show."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from careernet_ui.calendar.feed import AgendaEntry
from careernet_ui.calendar.service import CalendarFeed, RenderedFeed, rotate_feed_token, save_feed_settings
from careernet_ui.calendar.settings import FeedSettingsForm, time_zones
from careernet_ui.components.feedback import attempt, confirm
from careernet_ui.components.form_submit import submit
from careernet_ui.components.frame import frame
from careernet_ui.context import AppContext
from careernet_ui.domain import wording

PREVIEW_SIZE = 12
FILE_NAME = 'careernet.ics'
MEDIA_TYPE = 'text/calendar'

# (client, steps): short, and only what differs between calendar apps.
HOW_TOS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ('Apple Calendar (Mac)', (
        'Copy the subscription link above.',
        'In Calendar choose File → New Calendar Subscription…, paste the link and click Subscribe.',
        'Set Location to "On My Mac" (iCloud would fetch it from Apple\'s servers, which cannot reach '
        'this computer) and Auto-refresh to "Every hour".',
        'Or click "Open in calendar app", which does the first two steps for you.',
    )),
    ('Thunderbird', (
        'Copy the subscription link above.',
        'Open the Calendar tab, choose New Calendar… → On the Network, paste the link as the Location '
        'and click Find Calendars, then Subscribe.',
        'In the calendar\'s Properties, set "Refresh calendar" to every 60 minutes.',
    )),
    ('Outlook for Windows (classic desktop)', (
        'Copy the subscription link above.',
        'In the Calendar view choose Add Calendar → From Internet…, paste the link, click OK and then Yes.',
        'The new Outlook and Outlook.com fetch subscriptions from Microsoft\'s servers: use the file '
        'option described for Google Calendar instead.',
    )),
    ('Google Calendar', (
        'Google fetches subscribed calendars from its own servers, which cannot reach CareerNet on this '
        'computer, so a link to localhost will never update there.',
        'For a one-off copy: click "Download .ics", then in Google Calendar open Settings → Import & export '
        '→ Import and choose the file. It does not update by itself.',
        'To stay current: start CareerNet with --ics-file PATH pointing into a folder a web host serves '
        '(or a synced folder with a public link). CareerNet rewrites the file after every change; in '
        'Google Calendar choose Other calendars → + → From URL and give the file\'s public address.',
        'On the command line, python app.py export-ics careernet.ics writes the same file once.',
    )),
)


def register(ctx: AppContext) -> None:
    """Register ``/calendar``."""
    feed = ctx.calendar_feed or CalendarFeed(ctx.store, ctx.base_url)

    @ui.page('/calendar')
    async def calendar_page() -> None:
        rendered = await feed.current_async(ctx.today())
        with frame(ctx, 'Calendar'):
            ui.label(
                'Every follow-up CareerNet suggests, in the calendar you already use. Subscribe once; '
                'your calendar app checks for changes every hour.'
            ).classes('text-grey-8')

            @ui.refreshable
            def subscription() -> None:
                _subscription_card(feed, ask_to_rotate, download)

            @ui.refreshable
            def preview(current: RenderedFeed) -> None:
                _preview_card(ctx, current)

            def ask_to_rotate() -> None:
                confirm('Make a new link? Calendars subscribed to the current one stop updating until you '
                        'subscribe them to the new link.', 'Rotate link', rotate)

            def rotate() -> None:
                if attempt(lambda: rotate_feed_token(ctx.store), 'New link made. The old one no longer works.'):
                    subscription.refresh()

            async def download() -> None:
                ui.download.content((await feed.current_async(ctx.today())).body, FILE_NAME, MEDIA_TYPE)

            async def settings_saved() -> None:
                preview.refresh(await feed.current_async(ctx.today()))

            subscription()
            with ui.row().classes('w-full gap-4 items-start'):
                with ui.column().classes('grow basis-0 min-w-[20rem] gap-4'):
                    _settings_card(ctx, settings_saved)
                with ui.column().classes('grow basis-0 min-w-[20rem] gap-4'):
                    preview(rendered)
            _how_to_card()


def _subscription_card(feed: CalendarFeed, rotate: Callable[[], None], download: Callable[[], Awaitable[None]]) -> None:
    url = feed.subscribe_url()
    with ui.card().classes('w-full gap-3').mark('feed-subscription'):
        ui.label('Subscribe').classes('text-lg font-semibold')
        with ui.row().classes('w-full items-center gap-2 no-wrap'):
            ui.input('Subscription link', value=url).props('readonly outlined dense') \
                .classes('grow font-mono').mark('feed-url')
            ui.button('Copy', icon='content_copy', on_click=lambda: _copy(url)).mark('feed-copy')
        with ui.row().classes('items-center gap-3'):
            ui.link('Open in calendar app', feed.webcal_url()).classes('font-medium').mark('feed-webcal')
            ui.button('Download .ics', icon='download', on_click=download).props('outline').mark('feed-download')
            ui.button('Rotate link', icon='autorenew', color='negative', on_click=rotate) \
                .props('outline').mark('feed-rotate')
        ui.label(
            'The link is a secret: anyone who has it can read your follow-ups. If it leaked, rotate it and '
            'subscribe again with the new one.'
        ).classes('text-sm text-grey-7')


def _copy(url: str) -> None:
    ui.clipboard.write(url)
    ui.notify('Link copied. Paste it into your calendar app.', type='positive')


def _settings_card(ctx: AppContext, on_saved: Callable[[], Awaitable[None]]) -> None:
    form = FeedSettingsForm.of(ctx.store.settings)
    inputs: dict[str, ui.input | ui.select] = {}

    async def save() -> None:
        if submit(lambda: save_feed_settings(ctx.store, form), inputs, 'Calendar settings saved.') is not None:
            await on_saved()

    def field(error_field: str, attribute: str, element: ui.input | ui.select, marker: str) -> ui.input | ui.select:
        inputs[error_field] = element.bind_value(form, attribute).mark(marker)
        if isinstance(element, ui.input):
            element.on('keydown.enter', save)
        return element

    with ui.card().classes('w-full gap-2').mark('feed-settings'):
        ui.label('What the calendar shows').classes('text-lg font-semibold')
        ui.switch('All-day events').bind_value(form, 'all_day').mark('feed-all-day')
        with ui.column().classes('w-full gap-1').bind_visibility_from(form, 'all_day', backward=lambda on: not on):
            with ui.row().classes('w-full gap-3 no-wrap'):
                field('feed_time', 'time', ui.input('Time of day', placeholder='09:00'), 'feed-time') \
                    .classes('w-32')
                field('feed_alarm_minutes', 'alarm_minutes', ui.input('Alarm, minutes before'), 'feed-alarm') \
                    .classes('grow')
            field('timezone', 'timezone', ui.select(list(time_zones()), label='Time zone', with_input=True),
                  'feed-timezone').classes('w-full')
        with ui.row().classes('w-full gap-3 no-wrap'):
            field('feed_horizon_days', 'horizon_days', ui.input('Days ahead'), 'feed-horizon').classes('grow') \
                .tooltip('Overdue follow-ups, plus those due within this many days')
            field('feed_digest_threshold', 'digest_threshold', ui.input('Digest above'), 'feed-digest') \
                .classes('grow') \
                .tooltip('A day with more follow-ups than this shows one digest event listing them')
        ui.button('Save settings', icon='save', on_click=save).mark('feed-save')


def _preview_card(ctx: AppContext, rendered: RenderedFeed) -> None:
    settings = ctx.store.settings
    with ui.card().classes('w-full gap-2').mark('feed-preview'):
        ui.label('Coming up in your calendar').classes('text-lg font-semibold')
        if not rendered.agenda:
            ui.label(
                f'Nothing is due in the next {settings.feed_horizon_days:,} days, so the calendar is empty for now. '
                'Follow-ups appear as contacts come due for a catch-up: add the people who know your work and '
                'log when you talk to them.'
            ).classes('text-grey-8').mark('feed-preview-empty')
            ui.link('Go to contacts', '/contacts')
            return
        ui.label(f'{rendered.events:,} events. Overdue follow-ups sit on today; a day with more than '
                 f'{settings.feed_digest_threshold:,} becomes one digest event.') \
            .classes('text-sm text-grey-7').mark('feed-event-count')
        for entry in rendered.agenda[:PREVIEW_SIZE]:
            _preview_row(entry)
        if rendered.events > PREVIEW_SIZE:
            ui.label(f'…and {rendered.events - PREVIEW_SIZE:,} more.').classes('text-sm text-grey-7') \
                .mark('feed-preview-more')


def _preview_row(entry: AgendaEntry) -> None:
    with ui.row().classes('w-full items-baseline gap-3 no-wrap'):
        ui.label(wording.day_label(entry.day)).classes('text-sm text-grey-7 w-28 shrink-0').mark('feed-preview-day')
        ui.link(entry.summary, entry.link).classes('min-w-0').mark('feed-preview-event')


def _how_to_card() -> None:
    with ui.card().classes('w-full gap-1').mark('feed-how-to'):
        ui.label('How to subscribe').classes('text-lg font-semibold')
        for client, steps in HOW_TOS:
            marker = f'how-to-{client.split()[0].lower()}'
            with ui.expansion(client).classes('w-full').mark(marker), ui.column().classes('gap-1 pl-2'):
                for number, step in enumerate(steps, start=1):
                    ui.label(f'{number}. {step}')
