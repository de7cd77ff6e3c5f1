"""The feed service: marks stored only when they change, polls served from memory, the same bytes again."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from careernet_ui.calendar.events import DIGEST_LIST_LIMIT, feed_events
from careernet_ui.calendar.feed import feed_agenda
from careernet_ui.calendar.service import CalendarFeed, rotate_feed_token, save_feed_settings
from careernet_ui.calendar.settings import FeedSettingsForm
from careernet_ui.domain import Contact, FollowUp, ValidationError, due_follow_ups, mark_done
from careernet_ui.services.followups import snooze_follow_up
from storage import Store, open_store
from tests.conftest import TODAY
from tests.feed_helpers import BASE_URL, NOW, Clock, events, seed_demo, summaries_and_days, uid_in, uids


@pytest.fixture
def store(fresh_store: Store) -> Store:
    """The demo network, with digests off so every follow-up is its own event."""
    seed_demo(fresh_store)
    return fresh_store


@pytest.fixture
def clock() -> Clock:
    """A clock the test moves by hand."""
    return Clock(NOW)


@pytest.fixture
def feed(store: Store, clock: Clock) -> CalendarFeed:
    return CalendarFeed(store, BASE_URL, clock=clock)


def first_followup(store: Store) -> FollowUp:
    """An open follow-up due after today (so its date is its own, not today's)."""
    return next(f for f in due_follow_ups(store.network(), TODAY, 90) if f.due > TODAY and f.contact_id)


def rename_its_contact(store: Store, followup: FollowUp, name: str = 'Renamed Person') -> None:
    """A change the feed shows: the name in ``followup``'s title."""
    contact = store.contacts.get(followup.contact_id or '')
    store.contacts.update(dataclasses.replace(contact, name=name))


def test_first_feed_stores_a_mark_per_event_and_repeated_polls_are_served_from_memory(
    store: Store, feed: CalendarFeed
) -> None:
    body = feed.current(TODAY).body

    assert {uid_in(store, mark.id) for mark in store.feed_marks} == set(uids(body))
    revision = store.revision
    for _ in range(5):
        assert feed.current(TODAY).body == body
    assert feed.renders == 1
    assert store.revision == revision, 'an unchanged poll must not write the data file'


def test_with_digests_only_the_events_shown_have_marks(store: Store, feed: CalendarFeed) -> None:
    store.save_settings(dataclasses.replace(store.settings, feed_digest_threshold=2))

    body = feed.current(TODAY).body

    assert any(uid.startswith('digest-') for uid in uids(body))
    assert {uid_in(store, mark.id) for mark in store.feed_marks} == set(uids(body))
    assert len(store.feed_marks) < len(due_follow_ups(store.network(), TODAY, 90))


def test_a_poll_after_a_change_computes_once_and_stores_marks_in_one_write(
    store: Store, feed: CalendarFeed, clock: Clock
) -> None:
    followup = first_followup(store)
    feed.current(TODAY)
    network = store.network()
    rename_its_contact(store, followup)
    revision = store.revision

    body = feed.current(TODAY).body
    for _ in range(3):
        assert feed.current(TODAY).body == body

    assert feed.renders == 2
    assert store.revision == revision + 1, 'the changed mark is stored in one write'
    assert store.network() is not network
    assert store.network() is store.network(), 'storing marks keeps the snapshot pages compute from'


def test_a_change_inside_a_digest_that_it_does_not_list_stores_nothing(store: Store, feed: CalendarFeed) -> None:
    long_ago = datetime(2025, 1, 6, tzinfo=UTC)
    store.contacts.add_many(  # overdue catch-ups: today's digest counts more than it lists
        Contact(name=f'Zed Person {n:02d}', cadence_days=30, created_at=long_ago, updated_at=long_ago)
        for n in range(DIGEST_LIST_LIMIT + 5)
    )
    store.save_settings(dataclasses.replace(store.settings, feed_digest_threshold=1))
    last_zed = store.contacts.all()[-1]
    events = feed_events(due_follow_ups(store.network(), TODAY, 90), store.settings, TODAY)
    assert last_zed.id not in {f.contact_id for event in events for f in event.listed}
    body = feed.current(TODAY).body
    marks_before = {mark.id: mark for mark in store.feed_marks}
    store.contacts.update(dataclasses.replace(last_zed, name='Zed Person 99'))  # still last in the digest
    revision = store.revision

    assert feed.current(TODAY).body == body
    assert store.revision == revision
    assert {mark.id: mark for mark in store.feed_marks} == marks_before


def test_an_unrelated_write_recomputes_but_stores_no_marks(store: Store, feed: CalendarFeed) -> None:
    body = feed.current(TODAY).body
    marks_before = {mark.id: mark for mark in store.feed_marks}
    store.save_settings(dataclasses.replace(store.settings, dark_mode=True))
    revision = store.revision

    assert feed.current(TODAY).body == body
    assert feed.renders == 2
    assert store.revision == revision
    assert {mark.id: mark for mark in store.feed_marks} == marks_before


def test_a_renamed_contact_raises_sequence_once_and_the_new_mark_is_stored(
    store: Store, feed: CalendarFeed, clock: Clock
) -> None:
    followup = first_followup(store)
    uid = uid_in(store, followup.id)
    feed.current(TODAY)
    rename_its_contact(store, followup)
    clock.now += timedelta(hours=2)

    event = events(feed.current(TODAY).body)[uid]

    assert event.decoded('SEQUENCE') == 1
    assert 'Renamed Person' in str(event['SUMMARY'])
    assert event.decoded('DTSTAMP') == clock.now
    assert store.feed_marks.get(followup.id).sequence == 1
    # A new service (a restart) reads the stored marks: same bytes, no second bump.
    restarted = CalendarFeed(store, BASE_URL, clock=Clock(clock.now + timedelta(days=1)))
    assert restarted.current(TODAY).body == feed.current(TODAY).body


def test_marks_later_serves_the_new_feed_before_its_marks_are_stored_and_keeps_it_cached(
    store: Store, feed: CalendarFeed
) -> None:
    followup = first_followup(store)
    uid = uid_in(store, followup.id)
    feed.current(TODAY)
    rename_its_contact(store, followup)
    revision = store.revision

    rendered = asyncio.run(feed.current_async(TODAY, marks_later=True))

    assert events(rendered.body)[uid].decoded('SEQUENCE') == 1
    assert store.revision == revision, 'the route stores the marks after its response, not before'
    assert store.feed_marks.get(followup.id).sequence == 0
    feed.store_marks()
    assert store.revision == revision + 1
    assert store.feed_marks.get(followup.id).sequence == 1
    assert feed.current(TODAY) is rendered, 'storing its own marks leaves the feed cached'
    assert feed.renders == 2
    assert store.revision == revision + 1


def test_each_computation_first_stores_the_marks_served_before_so_a_restart_never_lowers_sequence(
    store: Store, feed: CalendarFeed, clock: Clock, data_path: Path
) -> None:
    followup = first_followup(store)
    uid = uid_in(store, followup.id)
    feed.current(TODAY)
    rename_its_contact(store, followup, 'Renamed Once')
    asyncio.run(feed.current_async(TODAY, marks_later=True))  # served; its marks never stored by the caller
    rename_its_contact(store, followup, 'Renamed Twice')
    clock.now += timedelta(hours=1)

    served = events(asyncio.run(feed.current_async(TODAY, marks_later=True)).body)[uid]

    assert served.decoded('SEQUENCE') == 2, 'computed from the first rename\'s marks, stored first'
    assert store.feed_marks.get(followup.id).sequence == 1
    # The process dies before the second computation's marks are stored: a restart recomputes
    # from the first one's and gives the client the SEQUENCE it saw, not a lower one.
    store.close()
    reopened = open_store(data_path)
    try:
        restarted = CalendarFeed(reopened, BASE_URL, clock=Clock(clock.now + timedelta(minutes=5)))
        again = events(restarted.current(TODAY).body)[uid]
    finally:
        reopened.close()
    assert again.decoded('SEQUENCE') == 2
    assert 'Renamed Twice' in str(again['SUMMARY'])


def test_marks_that_cannot_be_stored_are_logged_and_stored_by_the_next_poll(
    store: Store, feed: CalendarFeed, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    followup = first_followup(store)
    feed.current(TODAY)
    rename_its_contact(store, followup)
    working_apply = store.feed_marks.apply

    def full_disk(**changes: object) -> None:
        raise OSError(28, 'No space left on device')

    monkeypatch.setattr(store.feed_marks, 'apply', full_disk)
    served = feed.current(TODAY).body
    assert 'Could not store the calendar feed marks' in caplog.text
    assert store.feed_marks.get(followup.id).sequence == 0
    monkeypatch.setattr(store.feed_marks, 'apply', working_apply)

    assert feed.current(TODAY).body == served
    assert store.feed_marks.get(followup.id).sequence == 1
    assert feed.renders == 3, 'the unstored feed was not cached: the next poll computed it again'


def test_a_done_follow_up_leaves_the_feed_and_its_mark_is_dropped(store: Store, feed: CalendarFeed) -> None:
    # With a 30-day horizon, the next keep-in-touch after this one is done falls beyond it.
    store.save_settings(dataclasses.replace(store.settings, feed_horizon_days=30))
    followup = first_followup(store)
    assert uid_in(store, followup.id) in uids(feed.current(TODAY).body)

    store.followup_states.put(mark_done(followup, TODAY))

    assert uid_in(store, followup.id) not in uids(feed.current(TODAY).body)
    assert followup.id not in store.feed_marks


def test_a_done_keep_in_touch_comes_back_at_its_next_date_with_a_higher_sequence(
    store: Store, feed: CalendarFeed
) -> None:
    followup = first_followup(store)
    uid = uid_in(store, followup.id)
    before = events(feed.current(TODAY).body)[uid]

    store.followup_states.put(mark_done(followup, TODAY))
    after = events(feed.current(TODAY).body)[uid]

    assert after.decoded('DTSTART') > before.decoded('DTSTART')
    assert after.decoded('SEQUENCE') == before.decoded('SEQUENCE') + 1


def test_same_data_and_day_give_the_same_bytes_in_another_process(store: Store, data_path: Path) -> None:
    body = CalendarFeed(store, BASE_URL).current(TODAY).body
    store.close()
    reopened = open_store(data_path)
    try:
        assert CalendarFeed(reopened, BASE_URL).current(TODAY).body == body
    finally:
        reopened.close()


def test_a_new_day_moves_overdue_follow_ups_to_it(store: Store, feed: CalendarFeed) -> None:
    tomorrow = TODAY + timedelta(days=1)
    today_feed = feed.current(TODAY).body
    tomorrow_feed = feed.current(tomorrow).body

    assert today_feed != tomorrow_feed
    starts = {event.decoded('DTSTART') for event in events(tomorrow_feed).values()}
    assert min(starts) == tomorrow


def test_async_and_sync_give_the_same_feed_and_concurrent_polls_share_one_render(
    store: Store, feed: CalendarFeed
) -> None:
    async def poll_together() -> list[bytes]:
        results = await asyncio.gather(*(feed.current_async(TODAY) for _ in range(8)))
        return [result.body for result in results]

    bodies = asyncio.run(poll_together())

    assert len(set(bodies)) == 1
    assert feed.renders == 1
    assert feed.current(TODAY).body == bodies[0]


def test_agenda_lists_the_feed_events_in_feed_order(store: Store, feed: CalendarFeed) -> None:
    store.save_settings(dataclasses.replace(store.settings, feed_digest_threshold=2))
    rendered = feed.current(TODAY)

    agenda = [(entry.summary, entry.day) for entry in rendered.agenda]

    assert agenda == summaries_and_days(rendered.body)[: len(agenda)]
    assert rendered.events == len(events(rendered.body))
    assert any(entry.followups > 2 for entry in rendered.agenda), 'the digest threshold should have grouped a day'
    followups = due_follow_ups(store.network(), TODAY, 90)
    whole = feed_agenda(feed_events(followups, store.settings, TODAY), TODAY)
    assert sum(entry.followups for entry in whole) == len(followups)


def test_rotating_the_token_changes_the_subscribe_url_but_not_the_feed(store: Store, feed: CalendarFeed) -> None:
    old_url, body = feed.subscribe_url(), feed.current(TODAY).body
    old_token = store.settings.feed_token

    rotate_feed_token(store)

    assert feed.subscribe_url() != old_url
    assert feed.subscribe_url() == f'{BASE_URL}/calendar/{store.settings.feed_token}.ics'
    assert feed.webcal_url() == f'webcal://127.0.0.1:8080/calendar/{store.settings.feed_token}.ics'
    assert not feed.token_matches(old_token)
    assert feed.token_matches(store.settings.feed_token)
    assert not feed.token_matches('ü' + store.settings.feed_token)
    assert feed.current(TODAY).body == body


def test_settings_saved_from_the_form_change_the_feed(store: Store, feed: CalendarFeed) -> None:
    form = FeedSettingsForm.of(store.settings)
    form.all_day, form.time, form.alarm_minutes, form.timezone = False, '7:45', '30', 'Europe/Berlin'

    save_feed_settings(store, form)
    body = feed.current(TODAY).body

    assert store.settings.feed_time == '07:45'
    assert b'BEGIN:VTIMEZONE' in body
    assert b'TRIGGER:-PT30M' in body
    assert b'DTSTART;TZID=Europe/Berlin:' in body


@pytest.mark.parametrize(
    ('changes', 'field'),
    [
        ({'time': '25:00'}, 'feed_time'),
        ({'time': 'nine'}, 'feed_time'),
        ({'alarm_minutes': 'soon'}, 'feed_alarm_minutes'),
        ({'alarm_minutes': '-5'}, 'feed_alarm_minutes'),
        ({'horizon_days': ''}, 'feed_horizon_days'),
        ({'horizon_days': '1000'}, 'feed_horizon_days'),
        ({'digest_threshold': '0'}, 'feed_digest_threshold'),
        ({'timezone': 'Mars/Olympus_Mons'}, 'timezone'),
    ],
)
def test_invalid_settings_name_the_field_and_store_nothing(
    store: Store, changes: dict[str, str], field: str
) -> None:
    before = store.settings
    form = FeedSettingsForm.of(before)
    for name, value in changes.items():
        setattr(form, name, value)

    with pytest.raises(ValidationError) as raised:
        save_feed_settings(store, form)

    assert raised.value.field == field
    assert store.settings == before


def test_marks_are_stamped_with_the_follow_up_change_time_not_the_poll_time(store: Store) -> None:
    followup = first_followup(store)
    body = CalendarFeed(store, BASE_URL, clock=Clock(datetime(2030, 1, 1, tzinfo=UTC))).current(TODAY).body

    stamp = events(body)[uid_in(store, followup.id)].decoded('DTSTAMP')

    assert followup.changed_at is not None
    assert stamp == followup.changed_at.replace(microsecond=0)


def test_a_snoozed_follow_up_is_in_the_feed_and_the_agenda_on_its_wake_up_day(store: Store, feed: CalendarFeed) -> None:
    followup = first_followup(store)
    wake_up = TODAY + timedelta(days=20)
    snooze_follow_up(store, followup, TODAY, wake_up)

    rendered = feed.current(TODAY)

    event = events(rendered.body)[uid_in(store, followup.id)]
    assert event.decoded('DTSTART') == wake_up
    assert [entry.day for entry in rendered.agenda if entry.link == followup.link and entry.summary == followup.title] \
        == [wake_up]
    assert due_follow_ups(store.network(), TODAY, 90).count(followup) == 0  # the dashboard still hides it


def test_a_snooze_past_the_horizon_keeps_it_out_of_the_feed(store: Store, feed: CalendarFeed) -> None:
    followup = first_followup(store)
    snooze_follow_up(store, followup, TODAY, TODAY + timedelta(days=store.settings.feed_horizon_days + 1))

    assert uid_in(store, followup.id) not in uids(feed.current(TODAY).body)
