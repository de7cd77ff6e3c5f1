"""The Calendar page and the feed route in the running app, under NiceGUI's simulated user."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.domain import due_follow_ups
from careernet_ui.domain.contacts import Stage
from careernet_ui.domain.interactions import InteractionKind
from careernet_ui.services.followups import snooze_follow_up
from storage import open_store
from tests.conftest import TODAY
from tests.domain import make
from tests.feed_helpers import events, summaries_and_days
from tests.ui.helpers import texts

BASE_URL = 'http://127.0.0.1:8080'  # what the app, on its default port, calls itself
CALENDAR = 'text/calendar; charset=utf-8'


def stored_settings(path: Path) -> dict[str, object]:
    """The settings document in the data file, read with stock TinyDB."""
    settings: dict[str, object] = TinyDB(path).table('settings').all()[0]
    return settings


def feed_path(path: Path) -> str:
    return f'/calendar/{stored_settings(path)["feed_token"]}.ics'


def shown_url(user: User) -> str:
    element = user.find(marker='feed-url').elements.pop()
    assert isinstance(element, ui.input)
    return str(element.value)


async def test_the_running_app_serves_the_feed_without_cookies(demo_data: Path, user: User) -> None:
    path = feed_path(demo_data)

    response = await user.http_client.get(path)

    assert response.status_code == 200
    assert response.headers['content-type'] == CALENDAR
    assert response.headers['cache-control'] == 'no-cache'
    assert 'set-cookie' not in response.headers
    assert events(response.content)
    again = await user.http_client.get(path, headers={'If-None-Match': response.headers['etag']})
    assert again.status_code == 304
    assert 'set-cookie' not in again.headers
    for wrong in (f'/calendar/{"x" * 27}.ics', '/calendar/feed.ics', path.removesuffix('.ics')):
        missing = await user.http_client.get(wrong)
        assert missing.status_code == 404, wrong
        assert 'set-cookie' not in missing.headers


async def test_the_page_shows_the_link_the_webcal_link_and_what_the_calendar_will_show(
    demo_data: Path, user: User
) -> None:
    path = feed_path(demo_data)
    await user.open('/calendar')

    assert shown_url(user) == BASE_URL + path
    webcal = user.find(marker='feed-webcal').elements.pop()
    assert isinstance(webcal, ui.link)
    assert webcal.props['href'] == 'webcal://127.0.0.1:8080' + path
    feed = (await user.http_client.get(path)).content
    shown = texts(user, 'feed-preview-event')
    assert shown
    assert shown == [summary for summary, _ in summaries_and_days(feed)][: len(shown)]
    await user.should_see('How to subscribe')
    await user.should_see('Google Calendar')


async def test_copy_and_download_give_the_link_and_the_feed(demo_data: Path, user: User) -> None:
    await user.open('/calendar')

    user.find(marker='feed-copy').click()
    await user.should_see('Link copied')
    user.find(marker='feed-download').click()
    downloaded = await user.download.next()

    assert downloaded.content == (await user.http_client.get(feed_path(demo_data))).content


async def test_a_new_user_sees_an_empty_calendar_explained(user: User) -> None:
    await user.open('/calendar')

    await user.should_see(marker='feed-preview-empty')
    await user.should_see('Nothing is due in the next 90 days')
    await user.should_see(marker='feed-url')


async def test_rotating_on_the_calendar_page_retires_the_old_link(demo_data: Path, user: User) -> None:
    old = feed_path(demo_data)
    await user.open('/calendar')
    assert shown_url(user) == BASE_URL + old

    user.find(marker='feed-rotate').click()
    user.find(marker='confirm-ok').click()
    await user.should_see('New link made')

    new_url = BASE_URL + feed_path(demo_data)
    assert new_url != BASE_URL + old
    await user.should_see(new_url)  # the refreshed card shows the new link
    assert shown_url(user) == new_url
    assert (await user.http_client.get(old)).status_code == 404
    assert (await user.http_client.get(new_url.removeprefix(BASE_URL))).status_code == 200


async def test_cancelling_the_rotation_keeps_the_link(demo_data: Path, user: User) -> None:
    old = feed_path(demo_data)
    await user.open('/calendar')

    user.find(marker='feed-rotate').click()
    user.find(marker='confirm-cancel').click()

    assert feed_path(demo_data) == old
    assert (await user.http_client.get(old)).status_code == 200


async def test_timed_events_with_an_alarm_are_saved_and_reach_the_feed(demo_data: Path, user: User) -> None:
    await user.open('/calendar')
    user.find(marker='feed-all-day').click()
    user.find(marker='feed-time').clear().type('7:30')
    user.find(marker='feed-alarm').clear().type('45')
    user.find(marker='feed-timezone').click()
    user.find('Europe/Berlin').click()
    user.find(marker='feed-save').click()
    await user.should_see('Calendar settings saved.')

    settings = stored_settings(demo_data)
    assert (settings['feed_all_day'], settings['feed_time'], settings['feed_alarm_minutes'], settings['timezone']) \
        == (False, '07:30', 45, 'Europe/Berlin')
    body = (await user.http_client.get(feed_path(demo_data))).content
    assert b'TRIGGER:-PT45M' in body
    assert b'DTSTART;TZID=Europe/Berlin:' in body
    assert b'BEGIN:VTIMEZONE' in body


async def test_invalid_settings_are_explained_under_the_field_and_not_stored(demo_data: Path, user: User) -> None:
    before = stored_settings(demo_data)
    await user.open('/calendar')

    user.find(marker='feed-horizon').clear().type('1000')
    user.find(marker='feed-save').click()
    await user.should_see('The horizon must be 1 to 730 days.')
    horizon = user.find(marker='feed-horizon').elements.pop()
    assert horizon.props['error'] is True

    user.find(marker='feed-horizon').clear().type('60')
    user.find(marker='feed-digest').clear().type('lots')
    user.find(marker='feed-save').click()
    await user.should_see('Digest threshold "lots" is not a whole number.')

    assert stored_settings(demo_data) == before


async def test_saving_a_higher_digest_threshold_updates_the_preview(demo_data: Path, user: User) -> None:
    await user.open('/calendar')
    digests = [text for text in texts(user, 'feed-preview-event') if text.startswith('CareerNet: ')]
    assert digests, 'the demo has a crowded today, shown as one digest at the default threshold'

    user.find(marker='feed-digest').clear().type('100')
    user.find(marker='feed-save').click()
    await user.should_see('Calendar settings saved.')
    await user.should_not_see(digests[0])  # the refreshed preview lists that day's follow-ups one by one

    assert stored_settings(demo_data)['feed_digest_threshold'] == 100
    assert not any(text.startswith('CareerNet: ') for text in texts(user, 'feed-preview-event'))


@pytest.fixture
def snoozed_data(data_path: Path) -> str:
    """A data file holding one overdue keep-in-touch, snoozed for three days; its title."""
    store = open_store(data_path)
    dana = make.contact('c-dana', 'Dana Okafor', Stage.ADVOCATE, cadence_days=30)
    store.contacts.add(dana)
    store.interactions.add(make.interaction('i1', dana, InteractionKind.CALL, TODAY - timedelta(days=40)))
    [followup] = due_follow_ups(store.network(), TODAY)
    snooze_follow_up(store, followup, TODAY, TODAY + timedelta(days=3))
    store.close()
    return followup.title


async def test_coming_up_shows_a_snoozed_follow_up_on_the_day_it_wakes_up(snoozed_data: str, user: User) -> None:
    await user.open('/calendar')

    assert texts(user, 'feed-preview-day') == ['28 Nov 2026']
    assert texts(user, 'feed-preview-event') == [snoozed_data]
