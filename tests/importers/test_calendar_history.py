"""Meetings from Google, Apple and Outlook calendar files: recurrences, cancellations, declines, zones."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from careernet_ui.domain import Contact, InteractionKind
from careernet_ui.importers import ImportFormatError
from careernet_ui.importers.calendar_history import read_calendar
from careernet_ui.importers.history_plan import plan_exchanges
from careernet_ui.importers.linkedin_history import HistoryKind
from tests.conftest import TODAY

CALENDARS = Path(__file__).parent / 'history_fixtures' / 'calendars'
DANA = Contact(name='Dana Okafor', emails=('dana.okafor@example.com',))
MEI = Contact(name='Mei Chen', emails=('MEI.CHEN@example.com',))


def days_with(path: Path, address: str, zone: str = 'UTC') -> list[date]:
    history = read_calendar(path, today=TODAY, zone=ZoneInfo(zone))
    return sorted(exchange.on for exchange in history.exchanges if exchange.address == address)


def test_a_weekly_one_to_one_counts_each_past_occurrence_but_not_the_excluded_or_cancelled_one() -> None:
    # Weekly from 1 Oct, 10 times; 15 Oct excluded, 22 Oct cancelled, 26 Nov and 3 Dec still to come.
    assert days_with(CALENDARS / 'google-takeout.ics', 'dana.okafor@example.com') == [
        date(2026, 10, 1), date(2026, 10, 8), date(2026, 10, 29), date(2026, 11, 5), date(2026, 11, 12),
        date(2026, 11, 19)]


def test_declined_cancelled_lonely_and_future_events_are_left_out_and_the_user_is_recognised() -> None:
    history = read_calendar(CALENDARS / 'google-takeout.ics', today=TODAY)

    assert history.own_addresses == ('sam.rivera@example.com',)
    assert history.noise == {'cancelled events': 1, 'events you declined': 1, 'events without anyone else': 1}
    assert 'All-hands I skipped' not in {exchange.title for exchange in history.exchanges}
    assert 'Next month' not in {exchange.title for exchange in history.exchanges}
    assert all(exchange.address != 'sam.rivera@example.com' for exchange in history.exchanges)


def test_google_floating_times_are_in_the_calendars_x_wr_timezone() -> None:
    # 20:00 on 10 Sep in Los Angeles (the file's X-WR-TIMEZONE) is noon on 11 Sep in Tokyo.
    assert days_with(CALENDARS / 'google-takeout.ics', 'mei.chen@example.com', 'Asia/Tokyo') == [date(2026, 9, 11)]


def test_apple_names_attendees_in_the_email_parameter() -> None:
    assert days_with(CALENDARS / 'apple.ics', 'mei.chen@example.com') == [date(2026, 6, 3)]


def test_outlook_windows_zone_names_are_mapped() -> None:
    # 23:30 "W. Europe Standard Time" on 10 Mar is 22:30 UTC the same day, and 11 Mar in Tokyo.
    assert days_with(CALENDARS / 'outlook.ics', 'dana.okafor@example.com') == [date(2026, 3, 10)]
    assert days_with(CALENDARS / 'outlook.ics', 'dana.okafor@example.com', 'Asia/Tokyo') == [date(2026, 3, 11)]


def test_only_contacts_get_meetings_and_the_others_are_ranked_to_add() -> None:
    history = read_calendar(CALENDARS / 'google-takeout.ics', today=TODAY)

    plan = plan_exchanges(history.exchanges, [DANA, MEI], kind=HistoryKind.MEETINGS, stored_ids=set(),
                          last_contact={}, import_id='i1')

    assert {(i.contact_id, i.kind) for i in plan.interactions} == {(DANA.id, InteractionKind.MEETING),
                                                                   (MEI.id, InteractionKind.MEETING)}
    assert plan.per_contact[DANA.id] == 6
    (zed,) = plan.correspondents
    assert (zed.address, zed.name, zed.count, zed.last) == ('zed@stranger.example', 'Zed Stranger', 1,
                                                            date(2026, 9, 11))


def test_a_file_that_is_not_a_calendar_is_refused() -> None:
    with pytest.raises(ImportFormatError, match='not an iCalendar'):
        read_calendar(b'First Name,Last Name\r\n', today=TODAY)


def test_a_calendar_with_100_000_events_is_read_within_bounds() -> None:
    events = ''.join(
        f'BEGIN:VEVENT\r\nUID:e{n}\r\nDTSTART:2026{1 + n % 9:02d}{1 + n % 28:02d}T100000Z\r\n'
        'ATTENDEE:mailto:sam.rivera@example.com\r\nATTENDEE:mailto:dana.okafor@example.com\r\n'
        'SUMMARY:Sync\r\nEND:VEVENT\r\n' for n in range(100_000))
    data = f'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n{events}END:VCALENDAR\r\n'.encode()

    history = read_calendar(data, today=TODAY, own_addresses=['sam.rivera@example.com'])

    plan = plan_exchanges(history.exchanges, [DANA], kind=HistoryKind.MEETINGS, stored_ids=set(), last_contact={},
                          import_id='i1')
    assert history.read == 100_000
    assert len(plan.interactions) == len({(1 + n % 9, 1 + n % 28) for n in range(100_000)})  # one per day
