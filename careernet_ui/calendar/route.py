"""``GET /calendar/<token>.ics``: the feed calendar apps subscribe to.

A plain Starlette route, outside NiceGUI's pages: no client object, no session and no cookie
is made per request, because calendar apps poll for years and never send cookies back. Every
answer is decided by the token and the data alone, so identical polls get identical answers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from careernet_ui.calendar.service import FEED_PATH, CalendarFeed
from careernet_ui.domain import CareerNetError

CONTENT_TYPE = 'text/calendar; charset=utf-8'
# Calendar apps poll on their own schedule; "no-cache" lets them store the feed but makes
# them ask (cheaply, with If-None-Match) before using it again.
CACHE_CONTROL = 'no-cache'


def add_feed_route(app: Starlette, feed: CalendarFeed, today: Callable[[], date]) -> None:
    """Serve ``feed`` at ``/calendar/<token>.ics`` on ``app`` (GET and HEAD).

    Call it from the server's set-up, not at import time: routes added at import time vanish
    under NiceGUI's ``user`` test fixture.

    Args:
        app: The ASGI application (NiceGUI's ``app`` in the server).
        feed: The feed to serve; its store holds the current token.
        today: Today's date in the user's time zone.
    """

    async def calendar_feed(request: Request) -> Response:
        if not feed.token_matches(request.path_params['token']):
            return PlainTextResponse('No calendar here. If you rotated the link, subscribe to the new one.', 404)
        try:
            # The feed marks are stored once the response is sent: a client need not wait for
            # the data file to be rewritten (see services.calendar for why that is safe).
            rendered = await feed.current_async(today(), marks_later=True)
        except CareerNetError as error:  # a hand-edited data file with an unknown time zone
            return PlainTextResponse(f'The calendar cannot be made: {error}', 500)
        headers = {'ETag': rendered.etag, 'Cache-Control': CACHE_CONTROL}
        marks = BackgroundTask(store_marks, feed)
        if etag_matches(request.headers.get('if-none-match'), rendered.etag):
            return Response(status_code=304, headers=headers, background=marks)
        return Response(rendered.body, headers={**headers, 'Content-Type': CONTENT_TYPE}, background=marks)

    app.add_route(FEED_PATH, calendar_feed, methods=['GET', 'HEAD'], include_in_schema=False)


async def store_marks(feed: CalendarFeed) -> None:
    """Store the feed's new marks, on the event loop (a plain function would go to a thread)."""
    feed.store_marks()


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (RFC 9110: weak comparison, ``*``).

    Args:
        if_none_match: The header's value, if the request had one.
        etag: The current strong ETag, quoted.

    Returns:
        True when the client's copy is current, so ``304 Not Modified`` is the answer.
    """
    if not if_none_match:
        return False
    for candidate in if_none_match.split(','):
        candidate = candidate.strip()
        if candidate == '*' or candidate.removeprefix('W/') == etag:
            return True
    return False
