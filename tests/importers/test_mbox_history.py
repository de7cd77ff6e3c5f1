"""E-mail days from a Gmail mbox: direct messages only, headers only, streamed."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from careernet_ui.domain import Contact, InteractionKind
from careernet_ui.domain.interactions import Direction
from careernet_ui.importers import ImportFormatError
from careernet_ui.importers.history_plan import plan_exchanges
from careernet_ui.importers.linkedin_history import HistoryKind
from careernet_ui.importers.mbox_history import read_mbox

MBOX = Path(__file__).parent / 'history_fixtures' / 'gmail-crlf.mbox'


def test_direct_messages_become_one_exchange_per_person_per_day() -> None:
    history = read_mbox(MBOX)

    assert history.own_addresses == ('sam.rivera@example.com',)
    assert history.read == 7  # body lines starting "From " are not new messages
    days = {(e.address, e.on): e for e in history.exchanges}
    dana = days['dana.okafor@example.com', date(2026, 3, 2)]
    assert dana.direction is Direction.BOTH  # she wrote, the user answered the same day
    assert dana.name == 'Dana Okafor 🚀'  # RFC 2047 encoded
    assert dana.title == 'Café next week?'
    assert ('mei.chen@example.com', date(2026, 3, 7)) in days  # 23:30 at -08:00 is the 7th in UTC


def test_spam_lists_and_big_threads_are_left_out() -> None:
    history = read_mbox(MBOX)

    assert history.noise == {'messages in Spam or Trash': 1, 'mailing-list and bulk messages': 1,
                             'messages to more than 10 people': 1}
    assert not any(e.address == 'news@list.example' for e in history.exchanges)
    assert not any(e.on == date(2026, 3, 3) for e in history.exchanges)


def test_only_contacts_get_email_touches_and_strangers_are_ranked() -> None:
    dana = Contact(name='Dana Okafor', emails=('DANA.OKAFOR@example.com',))

    plan = plan_exchanges(read_mbox(MBOX).exchanges, [dana], kind=HistoryKind.EMAILS, stored_ids=set(),
                          last_contact={}, import_id='i1')

    (touch,) = plan.interactions
    assert (touch.contact_id, touch.kind, touch.on, touch.source) == (dana.id, InteractionKind.EMAIL,
                                                                      date(2026, 3, 2), 'mbox')
    assert [c.address for c in plan.correspondents] == ['mei.chen@example.com', 'zed@stranger.example']


def test_a_file_that_is_not_a_mailbox_is_refused() -> None:
    with pytest.raises(ImportFormatError, match='not a mailbox'):
        read_mbox(io.BytesIO(b'BEGIN:VCALENDAR\r\n'))


def test_a_huge_body_is_skipped_a_line_at_a_time() -> None:
    big = (b'From x@y Mon Mar 02 09:00:00 +0000 2026\nDate: Mon, 02 Mar 2026 09:00:00 +0000\n'
           b'From: a@example.com\nTo: me@example.com\n\n' + b'line of body text\n' * 200_000)
    second = b'\nFrom x@y Tue Mar 03 09:00:00 +0000 2026\nDate: Tue, 03 Mar 2026 09:00:00 +0000\n' \
             b'From: me@example.com\nTo: a@example.com\n\nok\n'

    history = read_mbox(io.BytesIO(big + second), own_addresses=['me@example.com'])

    assert history.read == 2
    assert {(e.on, e.direction) for e in history.exchanges} == {(date(2026, 3, 2), Direction.RECEIVED),
                                                                 (date(2026, 3, 3), Direction.SENT)}


def test_progress_reports_the_bytes_read_as_the_scan_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr('careernet_ui.importers.mbox_history.PROGRESS_EVERY', 2)
    seen: list[int] = []

    read_mbox(MBOX, progress=seen.append)

    assert len(seen) == 3  # after messages 2, 4 and 6 of 7
    assert seen == sorted(seen)
    assert 0 < seen[-1] <= MBOX.stat().st_size
