"""``GET /calendar/<token>.ics`` as a calendar app sees it: headers, 304s, 404s, changes between polls.

The route is mounted on a bare Starlette app around a store the test owns, so a test can change
the data between two fetches. tests/ui/test_calendar_page.py fetches it from the real app.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.types import Message, Receive, Scope, Send

from careernet_ui.calendar.route import add_feed_route, etag_matches
from careernet_ui.calendar.service import CalendarFeed, rotate_feed_token
from careernet_ui.cli import main as cli_main
from careernet_ui.domain import due_follow_ups, mark_done
from storage import Store
from tests.conftest import TODAY
from tests.feed_helpers import BASE_URL, NOW, Clock, events, seed_demo, uid_in, uids

CALENDAR = 'text/calendar; charset=utf-8'


@pytest.fixture
def store(fresh_store: Store) -> Store:
    seed_demo(fresh_store)
    return fresh_store


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def client(store: Store, clock: Clock) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for a bare app serving the feed of ``store``."""
    app = Starlette()
    add_feed_route(app, CalendarFeed(store, BASE_URL, clock=clock), lambda: TODAY)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url='http://127.0.0.1:8080') as http:
        yield http


def feed_path(store: Store) -> str:
    return f'/calendar/{store.settings.feed_token}.ics'


async def test_the_feed_is_a_valid_calendar_with_the_right_headers(client: httpx.AsyncClient, store: Store) -> None:
    response = await client.get(feed_path(store))

    assert response.status_code == 200
    assert response.headers['content-type'] == CALENDAR
    assert response.headers['cache-control'] == 'no-cache'
    assert re.fullmatch(r'"[0-9a-f]{32}"', response.headers['etag']), 'a strong ETag'  # no W/ prefix
    assert 'set-cookie' not in response.headers
    parsed = events(response.content)  # icalendar with no component errors, and vobject
    assert len(parsed) == len(store.feed_marks) > 0
    for event in parsed.values():
        for required in ('UID', 'DTSTAMP', 'DTSTART', 'SUMMARY'):
            assert required in event


async def test_if_none_match_answers_304_until_the_feed_changes(client: httpx.AsyncClient, store: Store) -> None:
    first = await client.get(feed_path(store))
    etag = first.headers['etag']

    not_modified = await client.get(feed_path(store), headers={'If-None-Match': etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b''
    assert not_modified.headers['etag'] == etag
    for header in (f'W/{etag}', f'"other", {etag}', '*'):
        assert (await client.get(feed_path(store), headers={'If-None-Match': header})).status_code == 304
    assert (await client.get(feed_path(store), headers={'If-None-Match': '"other"'})).status_code == 200

    store.save_settings(dataclasses.replace(store.settings, feed_all_day=False))
    changed = await client.get(feed_path(store), headers={'If-None-Match': etag})
    assert changed.status_code == 200
    assert changed.headers['etag'] != etag
    assert changed.content != first.content


async def test_head_gives_the_headers_without_the_body(client: httpx.AsyncClient, store: Store) -> None:
    full = await client.get(feed_path(store))
    head = await client.head(feed_path(store))

    assert head.status_code == 200
    assert head.headers['etag'] == full.headers['etag']
    assert head.headers['content-type'] == CALENDAR
    assert head.content == b''


@pytest.mark.parametrize('path', ['/calendar/{wrong}.ics', '/calendar/{token}', '/calendar/{token}.ics/x',
                                  '/calendar/.ics', '/calendar/{token}X.ics', '/calendar/{short}.ics'])
async def test_any_other_token_or_path_is_404(client: httpx.AsyncClient, store: Store, path: str) -> None:
    token = store.settings.feed_token
    url = path.format(token=token, wrong='A' * len(token), short=token[:-1])

    response = await client.get(url)

    assert response.status_code == 404
    assert 'set-cookie' not in response.headers
    assert b'VCALENDAR' not in response.content


async def test_after_rotating_the_old_link_is_404_and_the_new_one_works(
    client: httpx.AsyncClient, store: Store
) -> None:
    old = feed_path(store)
    body = (await client.get(old)).content

    rotate_feed_token(store)

    assert (await client.get(old)).status_code == 404
    new = await client.get(feed_path(store))
    assert new.status_code == 200
    assert new.content == body


async def test_a_done_follow_up_is_gone_at_the_next_fetch(client: httpx.AsyncClient, store: Store) -> None:
    # A 30-day horizon: the keep-in-touch after this one falls beyond it once this is done.
    store.save_settings(dataclasses.replace(store.settings, feed_horizon_days=30))
    followup = next(f for f in due_follow_ups(store.network(), TODAY, 30) if f.due > TODAY)
    uid = uid_in(store, followup.id)
    assert uid in uids((await client.get(feed_path(store))).content)

    store.followup_states.put(mark_done(followup, TODAY))

    assert uid not in uids((await client.get(feed_path(store))).content)


async def test_sequence_rises_when_a_follow_up_changes_between_fetches(
    client: httpx.AsyncClient, store: Store, clock: Clock
) -> None:
    followup = next(f for f in due_follow_ups(store.network(), TODAY, 90) if f.due > TODAY and f.contact_id)
    uid = uid_in(store, followup.id)
    first = events((await client.get(feed_path(store))).content)[uid]
    contact = store.contacts.get(followup.contact_id or '')

    store.contacts.update(dataclasses.replace(contact, name=f'{contact.name} Jr.'))  # the title changes
    clock.now += timedelta(hours=1)
    second = events((await client.get(feed_path(store))).content)[uid]
    store.interactions.add(dataclasses.replace(store.interactions.all()[0], id='new-call', contact_id=contact.id,
                                               on=TODAY))  # the date moves
    clock.now += timedelta(hours=1)
    third = events((await client.get(feed_path(store))).content)[uid]

    assert [event.decoded('SEQUENCE') for event in (first, second, third)] == [0, 1, 2]
    assert third.decoded('DTSTART') > second.decoded('DTSTART')
    assert second.decoded('DTSTAMP') < third.decoded('DTSTAMP') == clock.now
    assert store.feed_marks.get(followup.id).sequence == 2
    # An unchanged poll keeps it there.
    assert events((await client.get(feed_path(store))).content)[uid].decoded('SEQUENCE') == 2


async def test_the_marks_are_stored_once_the_response_is_sent(store: Store, clock: Clock) -> None:
    feed = CalendarFeed(store, BASE_URL, clock=clock)
    app = Starlette()
    add_feed_route(app, feed, lambda: TODAY)
    followup = next(f for f in due_follow_ups(store.network(), TODAY, 90) if f.due > TODAY and f.contact_id)
    feed.current(TODAY)  # the first feed, its marks stored
    contact = store.contacts.get(followup.contact_id or '')
    store.contacts.update(dataclasses.replace(contact, name=f'{contact.name} Jr.'))
    stored_when_sent: list[int] = []

    async def watched(scope: Scope, receive: Receive, send: Send) -> None:
        async def watching(message: Message) -> None:
            if message['type'] == 'http.response.body':
                stored_when_sent.append(store.feed_marks.get(followup.id).sequence)
            await send(message)

        await app(scope, receive, watching)

    async with httpx.AsyncClient(transport=httpx.ASGITransport(watched), base_url=BASE_URL) as http:
        response = await http.get(feed_path(store))
        revision = store.revision
        again = await http.get(feed_path(store), headers={'If-None-Match': response.headers['etag']})

    assert events(response.content)[uid_in(store, followup.id)].decoded('SEQUENCE') == 1
    assert stored_when_sent == [0, 1], 'the body went out before the marks were stored, and the 304 after'
    assert store.feed_marks.get(followup.id).sequence == 1
    assert again.status_code == 304
    assert store.revision == revision
    assert feed.renders == 2, 'storing the marks left the new feed cached'


async def test_the_command_line_writes_the_bytes_the_route_serves(
    client: httpx.AsyncClient, store: Store, data_path: Path, tmp_path: Path
) -> None:
    served = (await client.get(feed_path(store))).content
    store.close()  # the command opens the data file itself
    out = tmp_path / 'careernet.ics'

    assert cli_main(['export-ics', str(out), '--data', str(data_path)]) == 0

    assert out.read_bytes() == served


def test_etag_matching_follows_rfc_9110() -> None:
    assert etag_matches('"a"', '"a"')
    assert etag_matches('W/"a"', '"a"')
    assert etag_matches(' "b" , "a" ', '"a"')
    assert etag_matches('*', '"a"')
    assert not etag_matches(None, '"a"')
    assert not etag_matches('', '"a"')
    assert not etag_matches('a', '"a"')
    assert not etag_matches('"ab"', '"a"')
