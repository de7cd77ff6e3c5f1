"""The calendar feed: valid for icalendar and for vobject, stable, escaped, and never flooding."""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Component
from icalendar.parser import Contentline

from careernet_ui.calendar.events import DIGEST_LIST_LIMIT, FeedEvent, feed_events
from careernet_ui.calendar.feed import (
    FEED_DESCRIPTION,
    RenderedEvents,
    feed_etag,
    fold_content_line,
    render_feed,
)
from careernet_ui.calendar.marks import FeedMark, update_marks
from careernet_ui.domain.errors import ValidationError
from careernet_ui.domain.followups.followup import FollowUp
from careernet_ui.domain.settings import Settings

TODAY = date(2026, 1, 15)
NOW = datetime(2026, 1, 15, 7, 30, tzinfo=UTC)
BASE_URL = 'http://127.0.0.1:8080'
TIMED: dict[str, Any] = {
    'feed_all_day': False,
    'feed_time': '09:30',
    'timezone': 'Europe/Berlin',
    'feed_alarm_minutes': 20,
}
HOSTILE_TITLES = [
    'x\r\nEND:VEVENT\r\nBEGIN:VEVENT',
    'x\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil@test.careernet',
    'bare\rCR\rEND:VCALENDAR',
    'commas, semicolons; and \\backslashes\\',
    'line one\nDTSTART:19700101',
    'José Martín 🎉 Zoë Łukasz 山田太郎',
    'unicode line\u2028END:VEVENT\u2029separators\x85',
    'nul\x00 bell\x07 escape\x1b delete\x7f',
    '\\n is not a newline, \\, is not a comma',
]


def make_followup(number: int = 1, **changes: Any) -> FollowUp:
    """A follow-up due today; keyword arguments replace its fields."""
    followup = FollowUp(
        id=f'contact-{number}:keep_in_touch',
        kind='keep_in_touch',
        due=TODAY,
        title=f'Call contact {number}',
        reason='It has been 45 days since you last spoke.',
        link=f'/contacts/contact-{number}',
        contact_id=f'contact-{number}',
        changed_at=datetime(2025, 12, 1, 10, tzinfo=UTC),
    )
    return dataclasses.replace(followup, **changes)


def lay_out(followups: Sequence[FollowUp], *, today: date = TODAY, **setting_values: Any) -> list[FeedEvent]:
    """The feed's events for ``followups``, with settings from keywords."""
    return feed_events(followups, Settings(**setting_values), today)


def marks_of(
    followups: Sequence[FollowUp],
    before: dict[str, FeedMark] | None = None,
    now: datetime = NOW,
    **setting_values: Any,
) -> dict[str, FeedMark]:
    """The marks after the feed of ``followups`` is computed at ``now``, moving on from ``before``."""
    return update_marks(lay_out(followups, **setting_values), before or {}, now)


def render(
    followups: Sequence[FollowUp],
    *,
    today: date = TODAY,
    marks: dict[str, FeedMark] | None = None,
    **setting_values: Any,
) -> bytes:
    """The feed of ``followups`` with fresh marks unless given, and settings from keywords."""
    events = lay_out(followups, today=today, **setting_values)
    if marks is None:
        marks = update_marks(events, {}, NOW)
    return render_feed(events, Settings(**{'calendar_id': 'test', **setting_values}), today, marks, BASE_URL)


def parse(body: bytes) -> Calendar:
    """Parse with icalendar, failing on anything it had to skip over."""
    calendar = Calendar.from_ical(body)
    for component in calendar.walk():
        assert component.errors == [], component.errors
    return calendar


def events(body: bytes) -> list[Component]:
    return list(parse(body).walk('VEVENT'))


def event_by_uid(body: bytes, uid: str) -> Component:
    found = [event for event in events(body) if str(event['UID']) == uid]
    assert len(found) == 1, f'{uid} appears {len(found)} times'
    return found[0]


def raw_event(body: bytes, uid: str) -> bytes:
    """The bytes of one VEVENT, as a calendar app would store them."""
    for block in unfold(body).split(b'BEGIN:VEVENT\r\n')[1:]:
        if f'\r\nUID:{uid}\r\n'.encode() in b'\r\n' + block:
            return block.split(b'END:VEVENT\r\n')[0]
    raise AssertionError(f'no VEVENT with UID {uid}')


def unfold(body: bytes) -> bytes:
    return body.replace(b'\r\n ', b'')


def content_lines(body: bytes) -> list[bytes]:
    """The logical lines of the feed, as a parser sees them after unfolding."""
    return unfold(body).split(b'\r\n')


def read_with_vobject(body: bytes) -> Any:
    """Parse with vobject, an independent parser, validating as it goes."""
    return vobject.readOne(body.decode('utf-8'), validate=True)


def one_line(text: str) -> str:
    """What a reader should get back as a title: :func:`expected_text` on one line."""
    return ' '.join(expected_text(text).split())


def expected_text(text: str) -> str:
    """What a reader should get back from hostile text: line breaks as LF, controls gone."""
    text = re.sub('\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]', '\n', text)
    return re.sub('[\x00-\x08\x0e-\x1f\x7f]', '', text).strip()


# Validity for two parsers


@pytest.mark.parametrize(
    'setting_values',
    [{}, TIMED, {'feed_all_day': False, 'timezone': 'UTC'}, {'feed_digest_threshold': 2}],
    ids=['all-day', 'timed', 'timed-utc', 'digest'],
)
def test_feed_round_trips_through_icalendar_and_vobject(setting_values: dict[str, Any]) -> None:
    followups = [
        make_followup(1, title=HOSTILE_TITLES[0]),
        make_followup(2, title='José Martín, Zoë; Ana', due=TODAY - timedelta(days=3)),
        make_followup(3, due=TODAY + timedelta(days=4), kind='thank_reference'),
        make_followup(4, due=TODAY + timedelta(days=30), reason=''),
    ]
    body = render(followups, **setting_values)

    parsed = events(body)
    assert parsed
    for event in parsed:
        for required in ('UID', 'DTSTAMP', 'DTSTART', 'SUMMARY'):
            assert required in event, f'{required} missing from {event}'
    vcalendar = read_with_vobject(body)
    vevents = vcalendar.contents['vevent']
    assert [vevent.uid.value for vevent in vevents] == [str(event['UID']) for event in parsed]
    for vevent in vevents:
        assert vevent.dtstamp.value.tzinfo is not None
        assert vevent.dtstart.value
        assert vevent.summary.value


@pytest.mark.parametrize(
    ('setting_values', 'zone'),
    [({}, 'UTC'), ({'timezone': 'Asia/Kolkata'}, 'Asia/Kolkata'), (TIMED, 'Europe/Berlin'),
     ({'timezone': 'Mars/Olympus_Mons'}, 'UTC')],
    ids=['all-day', 'all-day-kolkata', 'timed', 'all-day-unknown-zone'],
)
def test_empty_feed_is_still_a_valid_calendar_holding_the_users_time_zone(
    setting_values: dict[str, Any], zone: str
) -> None:
    """RFC 5545 3.6: a VCALENDAR holds at least one component; a VTIMEZONE is one a client ignores."""
    body = render([], **setting_values)

    calendar = parse(body)
    assert 'UID' not in calendar
    assert events(body) == []
    assert [str(timezone['TZID']) for timezone in calendar.walk('VTIMEZONE')] == [zone]
    assert read_with_vobject(body).prodid.value == '-//CareerNet//CareerNet//EN'


# Bytes on the wire


def test_lines_end_in_crlf_and_fold_at_75_octets_between_utf8_sequences() -> None:
    long_title = 'Remercier José Martín 🎉 pour la référence chez Ærø & Søn, 山田太郎さんにも ' * 6
    body = render([make_followup(1, title=long_title, reason='Zoë ' * 80)])

    assert body.endswith(b'\r\n')
    lines = body.split(b'\r\n')[:-1]
    assert b'\n' not in body.replace(b'\r\n', b'')
    assert b'\r' not in body.replace(b'\r\n', b'')
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b' ') for line in lines), 'the long title should have been folded'
    for line in lines:
        line.decode('utf-8')  # a fold inside a multi-byte character would fail to decode alone
    assert str(event_by_uid(body, 'contact-1:keep_in_touch@test.careernet')['SUMMARY']) == long_title.strip()


def test_feed_is_byte_identical_for_the_same_inputs_in_any_order() -> None:
    followups = [make_followup(n, due=TODAY + timedelta(days=n % 4)) for n in range(1, 12)]
    shuffled = list(followups)
    random.Random(7).shuffle(shuffled)
    marks = marks_of(followups)

    first = render(followups, marks=marks, **TIMED)

    assert render(followups, marks=marks, **TIMED) == first
    assert render(shuffled, marks=marks, **TIMED) == first
    assert render(followups, marks=marks) != first


@pytest.mark.parametrize('setting_values', [{}, TIMED, {'feed_digest_threshold': 2}])
def test_a_render_memo_gives_the_same_bytes_and_renders_again_only_what_changed(
    setting_values: dict[str, Any],
) -> None:
    settings = Settings(**setting_values)
    followups = [make_followup(n, due=TODAY + timedelta(days=n % 4)) for n in range(1, 12)]
    memo = RenderedEvents()
    events_before = lay_out(followups, **setting_values)
    marks = update_marks(events_before, {}, NOW)
    render_feed(events_before, settings, TODAY, marks, BASE_URL, memo=memo)
    before = dict(memo.kept)
    changed = [*followups[:-1], dataclasses.replace(followups[-1], title='Call contact 11 about the offer')]
    events_after = lay_out(changed, **setting_values)
    marks = update_marks(events_after, marks, NOW + timedelta(hours=1))

    body = render_feed(events_after, settings, TODAY, marks, BASE_URL, memo=memo)

    assert body == render_feed(events_after, settings, TODAY, marks, BASE_URL)
    assert b'about the offer' in body.replace(b'\r\n ', b'')  # unfolded
    rendered_again = {key for key, (_, lines) in memo.kept.items() if before[key][1] is not lines}
    (event_of_the_change,) = [event.key for event in events_after if followups[-1].id in
                              {followup.id for followup in event.listed}]
    assert rendered_again == {event_of_the_change}
    assert render_feed(events_after, settings, TODAY + timedelta(days=1), marks, BASE_URL, memo=memo) == \
        render_feed(events_after, settings, TODAY + timedelta(days=1), marks, BASE_URL), 'a new day, new bytes'


def test_events_are_sorted_by_date_then_uid() -> None:
    followups = [
        make_followup(3, due=TODAY + timedelta(days=1)),
        make_followup(2, due=TODAY + timedelta(days=2)),
        make_followup(1, due=TODAY + timedelta(days=1)),
        make_followup(4, due=TODAY),
    ]

    uids = [str(event['UID']) for event in events(render(followups))]

    assert uids == [
        'contact-4:keep_in_touch@test.careernet',
        'contact-1:keep_in_touch@test.careernet',
        'contact-3:keep_in_touch@test.careernet',
        'contact-2:keep_in_touch@test.careernet',
    ]


# Escaping and injection


@pytest.mark.parametrize('title', HOSTILE_TITLES)
def test_hostile_title_stays_inside_summary(title: str) -> None:
    body = render([make_followup(1, title=title, reason=title, kind=title)], **TIMED)

    lines = content_lines(body)
    assert [line for line in lines if line.startswith((b'BEGIN:', b'END:'))] == [
        b'BEGIN:VCALENDAR',
        b'BEGIN:VTIMEZONE',
        b'BEGIN:STANDARD',
        b'END:STANDARD',
        b'BEGIN:DAYLIGHT',
        b'END:DAYLIGHT',
        b'BEGIN:STANDARD',
        b'END:STANDARD',
        b'END:VTIMEZONE',
        b'BEGIN:VEVENT',
        b'BEGIN:VALARM',
        b'END:VALARM',
        b'END:VEVENT',
        b'END:VCALENDAR',
    ]
    assert len([line for line in lines if line.startswith((b'UID:', b'UID;'))]) == 1  # the event's only
    (event,) = events(body)
    assert str(event['SUMMARY']) == one_line(title)
    assert str(event['UID']) == 'contact-1:keep_in_touch@test.careernet'
    (vevent,) = read_with_vobject(body).contents['vevent']
    assert vevent.summary.value == one_line(title)
    assert vevent.description.value.startswith(expected_text(title))
    assert vevent.valarm.description.value == one_line(title)


def test_text_separators_are_escaped_in_the_bytes() -> None:
    body = render([make_followup(1, title='a,b;c\\d')])

    assert b'\r\nSUMMARY:a\\,b\\;c\\\\d\r\n' in body


def test_hostile_link_is_percent_encoded_not_injected() -> None:
    body = render([make_followup(1, link='/contacts/x y\r\nEND:VEVENT\r\nBEGIN:VEVENT/José')])

    (event,) = events(body)
    assert str(event['URL']) == 'http://127.0.0.1:8080/contacts/x%20y%0D%0AEND:VEVENT%0D%0ABEGIN:VEVENT/Jos%C3%A9'
    assert content_lines(body).count(b'BEGIN:VEVENT') == 1
    assert content_lines(body).count(b'END:VEVENT') == 1


@settings(max_examples=300, deadline=None, database=None)
@given(line=st.text(alphabet=st.sampled_from(['a', ',', '\\', '^', 'é', '€', '山', '🎉', ' ']), max_size=400)
       | st.text(max_size=300))
def test_lines_are_folded_exactly_as_icalendar_folds_them(line: str) -> None:
    """The feed folds lines itself, for speed: the bytes must stay icalendar's, escapes and all."""
    line = line.replace('\n', ' ')  # content lines never hold one: text newlines are escaped as \\n
    assert fold_content_line(line) == Contentline(line).to_ical()  # type: ignore[no-untyped-call]


@pytest.mark.parametrize(
    'setting_values', [{}, TIMED, {'feed_digest_threshold': 2}], ids=['all-day', 'timed', 'digest']
)
def test_the_feed_is_the_bytes_icalendar_itself_writes(setting_values: dict[str, Any]) -> None:
    followups = [make_followup(n, title=title, reason=title * 3) for n, title in enumerate(HOSTILE_TITLES, start=1)]
    body = render(followups, **setting_values)

    assert Calendar.from_ical(body).to_ical() == body


@settings(max_examples=150, deadline=None, database=None)
@given(title=st.text(min_size=1, max_size=200), reason=st.text(max_size=200))
def test_any_text_round_trips_as_one_event(title: str, reason: str) -> None:
    body = render([make_followup(1, title=title, reason=reason)])

    assert max(len(line) for line in body.split(b'\r\n')) <= 75
    (event,) = events(body)
    assert str(event['SUMMARY']) == (one_line(title) or 'CareerNet follow-up')
    (vevent,) = read_with_vobject(body).contents['vevent']
    assert vevent.summary.value == str(event['SUMMARY'])
    assert vevent.description.value == str(event['DESCRIPTION'])


# Identity and change


def test_uid_is_the_followup_id_and_stable_when_other_followups_change() -> None:
    dana = make_followup(1, title='Call Dana Okafor')
    aiko = make_followup(2, title='Call Aiko Tanaka')
    first_marks = marks_of([dana, aiko])
    before = render([dana, aiko], marks=first_marks)

    aiko_changed = dataclasses.replace(aiko, title='Call Aiko Tanaka about Acme', due=TODAY + timedelta(days=2))
    newcomer = make_followup(3)
    later_marks = marks_of([dana, aiko_changed, newcomer], first_marks, NOW + timedelta(days=1))
    after = render([newcomer, aiko_changed, dana], marks=later_marks)

    uid = 'contact-1:keep_in_touch@test.careernet'
    assert raw_event(after, uid) == raw_event(before, uid)
    assert b'\r\nSEQUENCE:1\r\n' in raw_event(after, 'contact-2:keep_in_touch@test.careernet')


@pytest.mark.parametrize(
    'change',
    [
        {'due': TODAY + timedelta(days=3)},
        {'title': 'Call Dana Okafor about the Acme role'},
        {'reason': 'She agreed to be a reference.'},
        {'link': '/contacts/contact-1?tab=references'},
    ],
    ids=['date', 'title', 'reason', 'link'],
)
def test_sequence_and_dtstamp_rise_when_date_or_text_changes(change: dict[str, Any]) -> None:
    uid = 'contact-1:keep_in_touch@test.careernet'
    original = make_followup(1)
    first_marks = marks_of([original])
    changed = dataclasses.replace(original, **change)
    changed_at = datetime(2026, 1, 16, 12, 0, 5, 123456, tzinfo=UTC)
    later_marks = marks_of([changed], first_marks, changed_at)

    before = event_by_uid(render([original], marks=first_marks), uid)
    after = event_by_uid(render([changed], marks=later_marks), uid)

    assert (before['SEQUENCE'], after['SEQUENCE']) == (0, 1)
    assert before.decoded('DTSTAMP') == datetime(2025, 12, 1, 10, tzinfo=UTC)
    assert after.decoded('DTSTAMP') == datetime(2026, 1, 16, 12, 0, 5, tzinfo=UTC)


def test_dtstamp_is_the_mark_change_time_in_utc() -> None:
    followup = make_followup(1)
    plus_five = timezone(timedelta(hours=5))
    mark = FeedMark(
        followup_id=followup.id, fingerprint='x', sequence=7, changed_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=plus_five)
    )

    body = render([followup], marks={followup.id: mark})

    assert b'\r\nDTSTAMP:20260101T220405Z\r\n' in body
    assert b'\r\nSEQUENCE:7\r\n' in body


def test_naive_mark_time_is_written_as_utc_not_floating() -> None:
    followup = make_followup(1)
    mark = FeedMark(followup_id=followup.id, fingerprint='x', sequence=0, changed_at=datetime(2026, 1, 2, 3, 4, 5, 6))

    body = render([followup], marks={followup.id: mark})

    assert b'\r\nDTSTAMP:20260102T030405Z\r\n' in body


def test_followup_without_a_mark_is_shown_as_new() -> None:
    body = render([make_followup(1, changed_at=None)], marks={})

    (event,) = events(body)
    assert event['SEQUENCE'] == 0
    assert event.decoded('DTSTAMP') == datetime(2026, 1, 15, tzinfo=UTC)


def test_done_followups_leave_the_feed() -> None:
    dana, aiko = make_followup(1), make_followup(2)
    marks = marks_of([dana, aiko])
    assert len(events(render([dana, aiko], marks=marks))) == 2

    after_done = render([dana], marks=marks_of([dana], marks))

    assert [str(event['UID']) for event in events(after_done)] == ['contact-1:keep_in_touch@test.careernet']
    assert b'contact-2' not in after_done


@pytest.mark.parametrize('later_first', [True, False])
def test_a_repeated_id_still_gives_one_event_on_the_earliest_day(later_first: bool) -> None:
    copies = [make_followup(1, due=TODAY + timedelta(days=5)), make_followup(1, due=TODAY + timedelta(days=2))]

    (event,) = events(render(copies if later_first else copies[::-1]))

    assert event.decoded('DTSTART') == TODAY + timedelta(days=2)


# What each event says


def test_all_day_event_has_date_start_next_day_end_and_no_alarm() -> None:
    body = render([make_followup(1, due=TODAY + timedelta(days=1))])

    assert b'\r\nDTSTART;VALUE=DATE:20260116\r\n' in body
    assert b'\r\nDTEND;VALUE=DATE:20260117\r\n' in body
    assert b'VALARM' not in body
    assert b'VTIMEZONE' not in body


def test_event_says_what_to_do_why_and_where() -> None:
    followup = make_followup(1, title='Thank Dana Okafor for the Acme reference', kind='thank_reference')

    body = render_feed(lay_out([followup]), Settings(), TODAY, {}, 'http://localhost:8080/')

    (event,) = events(body)

    assert str(event['SUMMARY']) == 'Thank Dana Okafor for the Acme reference'
    assert str(event['URL']) == 'http://localhost:8080/contacts/contact-1'
    assert str(event['DESCRIPTION']) == (
        'It has been 45 days since you last spoke.\n\nOpen in CareerNet: http://localhost:8080/contacts/contact-1'
    )
    assert b'\r\nCATEGORIES:CareerNet,Thank reference\r\n' in body
    assert read_with_vobject(body).vevent.categories.value == ['CareerNet', 'Thank reference']
    assert str(event['TRANSP']) == 'TRANSPARENT'


def test_overdue_followup_is_placed_on_today_and_marked() -> None:
    overdue = make_followup(1, title='Call Dana', due=date(2025, 11, 3))

    for setting_values in ({}, TIMED):
        (event,) = events(render([overdue], **setting_values))

        start = event.decoded('DTSTART')
        assert (start.date() if isinstance(start, datetime) else start) == TODAY
        assert str(event['SUMMARY']) == 'Call Dana (overdue since 3 Nov 2025)'
        assert 'Overdue since 3 Nov 2025.' in str(event['DESCRIPTION'])


def test_followup_due_today_is_not_overdue() -> None:
    (event,) = events(render([make_followup(1, title='Call Dana')]))

    assert str(event['SUMMARY']) == 'Call Dana'
    assert 'verdue' not in str(event['DESCRIPTION'])


@pytest.mark.parametrize(('horizon', 'shown'), [(90, ['day 90']), (10, ['day 10']), (1, [])])
def test_only_followups_within_the_horizon_are_shown(horizon: int, shown: list[str]) -> None:
    followups = [
        make_followup(1, title='day 90', due=TODAY + timedelta(days=90)),
        make_followup(2, title='day 91', due=TODAY + timedelta(days=91)),
        make_followup(3, title='day 10', due=TODAY + timedelta(days=10)),
    ]
    expected = {'day 10', 'day 90'} if horizon == 90 else set(shown)

    titles = {str(event['SUMMARY']) for event in events(render(followups, feed_horizon_days=horizon))}

    assert titles == expected


# Timed events


def test_timed_events_have_a_vtimezone_and_an_alarm() -> None:
    body = render([make_followup(1, title='Call Dana', due=TODAY + timedelta(days=1))], **TIMED)

    calendar = parse(body)
    (vtimezone,) = calendar.walk('VTIMEZONE')
    assert str(vtimezone['TZID']) == 'Europe/Berlin'
    assert b'\r\nDTSTART;TZID=Europe/Berlin:20260116T093000\r\n' in body
    assert b'\r\nDTEND:20260116T090000Z\r\n' in body  # 30 minutes later, in UTC
    (alarm,) = calendar.walk('VALARM')
    assert str(alarm['ACTION']) == 'DISPLAY'
    assert alarm.decoded('TRIGGER') == timedelta(minutes=-20)
    assert b'\r\nTRIGGER:-PT20M\r\n' in body
    assert str(alarm['DESCRIPTION']) == 'Call Dana'
    vevent = read_with_vobject(body).vevent
    assert vevent.dtstart.value.utcoffset() == timedelta(hours=1)  # CET in January
    assert vevent.valarm.action.value == 'DISPLAY'


def test_timed_events_in_summer_use_the_summer_offset() -> None:
    body = render([make_followup(1)], today=date(2026, 7, 1), **TIMED)

    start = read_with_vobject(body).vevent.dtstart.value
    assert (start.hour, start.minute, start.utcoffset()) == (9, 30, timedelta(hours=2))


def test_clock_change_days_place_the_event_by_rfc_5545_and_end_it_30_minutes_later_in_utc() -> None:
    """02:30 does not exist in Berlin on 29 March and occurs twice on 25 October."""
    followups = [make_followup(1, due=date(2026, 3, 29)), make_followup(2, due=date(2026, 10, 25))]
    body = render(followups, today=date(2026, 3, 1), feed_all_day=False, feed_time='02:30',
                  timezone='Europe/Berlin', feed_horizon_days=300)

    gap = raw_event(body, 'contact-1:keep_in_touch@test.careernet')
    assert b'\r\nDTSTART;TZID=Europe/Berlin:20260329T033000\r\n' in gap  # 01:30 UTC, read in the offset before
    assert b'\r\nDTEND:20260329T020000Z\r\n' in gap
    overlap = raw_event(body, 'contact-2:keep_in_touch@test.careernet')
    assert b'\r\nDTSTART:20261025T003000Z\r\n' in overlap  # the first 02:30 (CEST), in UTC
    assert b'\r\nDTEND:20261025T010000Z\r\n' in overlap


def test_timed_events_in_utc_need_no_vtimezone() -> None:
    body = render([make_followup(1)], feed_all_day=False, timezone='UTC')

    assert b'\r\nDTSTART:20260115T090000Z\r\n' in body
    assert b'VTIMEZONE' not in body
    assert b'BEGIN:VALARM' in body


def test_unknown_time_zone_is_refused_for_timed_events_only() -> None:
    with pytest.raises(ValidationError, match='Mars/Olympus_Mons') as caught:
        render([make_followup(1)], feed_all_day=False, timezone='Mars/Olympus_Mons')

    assert caught.value.field == 'timezone'
    assert len(events(render([make_followup(1)], timezone='Mars/Olympus_Mons'))) == 1


# Digests


def test_crowded_day_gets_one_digest_event() -> None:
    crowded = [make_followup(n, title=f'Call contact {n}', due=TODAY + timedelta(days=2)) for n in range(1, 7)]
    calm = [make_followup(n, due=TODAY + timedelta(days=3)) for n in range(7, 12)]

    body = render(crowded + calm, feed_digest_threshold=5)

    digest = event_by_uid(body, 'digest-20260117@test.careernet')
    assert str(digest['SUMMARY']) == 'CareerNet: 6 follow-ups'
    assert digest.decoded('DTSTART') == TODAY + timedelta(days=2)
    description = str(digest['DESCRIPTION'])
    for followup in crowded:
        assert f'- {followup.title}\n  {BASE_URL}{followup.link}' in description
    uids = [str(event['UID']) for event in events(body)]
    assert len(uids) == 1 + 5
    assert not any(f'contact-{n}:' in uid for n in range(1, 7) for uid in uids)


def test_day_at_the_threshold_keeps_its_own_events() -> None:
    body = render([make_followup(n) for n in range(1, 6)], feed_digest_threshold=5)

    assert b'digest-' not in body
    assert len(events(body)) == 5


def test_overdue_followups_count_towards_todays_digest() -> None:
    followups = [make_followup(1, due=TODAY - timedelta(days=400)), make_followup(2), make_followup(3)]

    (digest,) = events(render(followups, feed_digest_threshold=2))

    assert str(digest['UID']) == 'digest-20260115@test.careernet'
    assert 'Call contact 1 (overdue since 11 Dec 2024)' in str(digest['DESCRIPTION'])


def test_huge_digest_lists_the_first_few_and_counts_the_rest() -> None:
    followups = [make_followup(n, title=f'Call contact {n:03d}') for n in range(1, DIGEST_LIST_LIMIT + 13)]

    (digest,) = events(render(followups))

    description = str(digest['DESCRIPTION'])
    assert description.count('\n- ') == DIGEST_LIST_LIMIT
    assert f'Call contact {DIGEST_LIST_LIMIT:03d}' in description
    assert f'Call contact {DIGEST_LIST_LIMIT + 1:03d}' not in description
    assert description.endswith(f'…and 12 more in CareerNet: {BASE_URL}/')


def test_digest_stamp_and_sequence_follow_its_latest_change() -> None:
    followups = [make_followup(n) for n in range(1, 4)]
    first = marks_of(followups, feed_digest_threshold=2)
    changed = [*followups[:2], dataclasses.replace(followups[2], title='Call contact 3 about Acme')]
    later = marks_of(changed, first, NOW + timedelta(hours=3), feed_digest_threshold=2)

    before = event_by_uid(render(followups, marks=first, feed_digest_threshold=2), 'digest-20260115@test.careernet')
    after = event_by_uid(render(changed, marks=later, feed_digest_threshold=2), 'digest-20260115@test.careernet')

    assert (before['SEQUENCE'], after['SEQUENCE']) == (0, 1)
    assert after.decoded('DTSTAMP') == NOW + timedelta(hours=3)


def test_new_digest_is_stamped_with_its_latest_change_comparing_naive_and_aware_times_as_utc() -> None:
    followups = [make_followup(1, changed_at=NOW), make_followup(2, changed_at=datetime(2026, 1, 15, 8, 0))]

    (digest,) = events(render(followups, marks={}, feed_digest_threshold=1))

    assert digest.decoded('DTSTAMP') == datetime(2026, 1, 15, 8, 0, tzinfo=UTC)
    assert digest['SEQUENCE'] == 0


def test_digest_has_one_mark_and_its_follow_ups_none() -> None:
    followups = [make_followup(n, due=TODAY - timedelta(days=n)) for n in range(1, 40)]

    marks = marks_of([*followups, make_followup(99, due=TODAY + timedelta(days=1))])

    assert set(marks) == {'digest-20260115', 'contact-99:keep_in_touch'}


def test_digest_changes_when_what_it_shows_changes_and_only_then() -> None:
    """Listed: id, date, title, link; beyond the list, only the count shows."""
    followups = [make_followup(n, title=f'Call contact {n:03d}') for n in range(1, DIGEST_LIST_LIMIT + 6)]
    uid = 'digest-20260115@test.careernet'
    first = marks_of(followups)
    unlisted_edit = [*followups[:-1], dataclasses.replace(followups[-1], title='Call contact 999 (renamed)')]
    reason_edit = [dataclasses.replace(followups[0], reason='Another reason'), *followups[1:]]
    listed_edit = [dataclasses.replace(followups[0], title='Call contact 000 again'), *followups[1:]]
    one_left = followups[:-1]

    for same in (unlisted_edit, reason_edit):
        assert marks_of(same, first, NOW + timedelta(hours=1))['digest-20260115'] is first['digest-20260115']
    for changed in (listed_edit, one_left):
        later = NOW + timedelta(hours=1)
        digest = event_by_uid(render(changed, marks=marks_of(changed, first, later)), uid)
        assert digest['SEQUENCE'] == 1
        assert digest.decoded('DTSTAMP') == later


def test_timed_digest_has_an_alarm() -> None:
    body = render([make_followup(n) for n in range(1, 4)], feed_digest_threshold=2, **TIMED)

    (alarm,) = parse(body).walk('VALARM')
    assert str(alarm['DESCRIPTION']) == 'CareerNet: 3 follow-ups'


# The calendar itself


def test_calendar_properties_are_present_and_stable() -> None:
    body = render([make_followup(1)])

    calendar = parse(body)
    assert str(calendar['PRODID']) == '-//CareerNet//CareerNet//EN'
    assert str(calendar['VERSION']) == '2.0'
    assert str(calendar['CALSCALE']) == 'GREGORIAN'
    assert 'METHOD' not in calendar  # METHOD:PUBLISH would ask libical's iTIP check for an ORGANIZER
    assert 'UID' not in calendar  # a syncing client would take it for every event's identity
    assert b'\r\nNAME:CareerNet follow-ups\r\n' in body
    assert b'\r\nX-WR-CALNAME:CareerNet follow-ups\r\n' in body
    assert body.split(b'BEGIN:VEVENT')[0] == render([], today=date(2030, 1, 1)).split(b'BEGIN:VTIMEZONE')[0]


def test_refresh_interval_and_published_ttl_are_written_as_durations() -> None:
    """icalendar 7 writes REFRESH-INTERVAL without VALUE=DURATION and X-PUBLISHED-TTL as 1:00:00."""
    body = render([make_followup(1)])

    assert body.count(b'\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n') == 1
    assert body.count(b'\r\nX-PUBLISHED-TTL:PT1H\r\n') == 1
    assert parse(body).refresh_interval == timedelta(hours=1)
    vcalendar = read_with_vobject(body)
    assert vcalendar.contents['x-published-ttl'][0].value == 'PT1H'


def test_calendar_name_and_description_are_escaped_text() -> None:
    """icalendar 7 types NAME and X-WR-* as unknown values and writes their commas bare."""
    assert ',' in FEED_DESCRIPTION
    escaped = FEED_DESCRIPTION.replace(',', '\\,').encode()

    body = unfold(render([]))

    assert b'\r\nDESCRIPTION:' + escaped + b'\r\n' in body
    assert b'\r\nX-WR-CALDESC:' + escaped + b'\r\n' in body
    assert read_with_vobject(render([])).contents['x-wr-caldesc'][0].value == FEED_DESCRIPTION


# ETag


def test_etag_is_strong_and_follows_the_body() -> None:
    body = render([make_followup(1)])
    other = render([make_followup(2)])

    assert re.fullmatch(r'"[0-9a-f]{32}"', feed_etag(body))
    assert feed_etag(body) == feed_etag(bytes(body))
    assert feed_etag(body) != feed_etag(other)


def test_two_data_files_share_no_uid_even_for_digests_and_the_same_records() -> None:
    """Two installations subscribed in one calendar app: their events must never collide."""
    followups = [make_followup(n) for n in range(1, 5)] + [make_followup(9, due=TODAY + timedelta(days=3))]
    events_of_each = lay_out(followups, feed_digest_threshold=2)
    first, second = (
        render_feed(events_of_each, Settings(feed_digest_threshold=2), TODAY, marks_of(followups), BASE_URL)
        for _ in range(2)
    )

    first_uids = {str(event['UID']) for event in events(first)}
    second_uids = {str(event['UID']) for event in events(second)}
    assert any(uid.startswith('digest-') for uid in first_uids)
    assert len(first_uids) == 2
    assert first_uids.isdisjoint(second_uids)
