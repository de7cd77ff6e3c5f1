"""Feed marks: SEQUENCE and DTSTAMP move on only when what the calendar shows changes."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from careernet_ui.domain.feed_marks import FeedMark, followup_fingerprint, update_marks
from careernet_ui.domain.followups import FollowUp

FIRST_SEEN = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 2, 3, 17, 30, tzinfo=UTC)
# Fingerprints are stored: this pins their encoding (see the last test).
PINNED_FINGERPRINT = 'f0d5326def3d10eb'


def make_followup(**changes: Any) -> FollowUp:
    """A keep-in-touch follow-up; keyword arguments replace its fields."""
    followup = FollowUp(
        id='contact-1:keep_in_touch',
        kind='keep_in_touch',
        due=date(2026, 2, 1),
        title='Call Dana Okafor',
        reason='It has been 45 days since you last spoke.',
        link='/contacts/contact-1',
        contact_id='contact-1',
        changed_at=datetime(2025, 12, 24, 8, 15, tzinfo=UTC),
    )
    return dataclasses.replace(followup, **changes)


def test_new_followup_starts_at_sequence_zero_stamped_with_its_own_change_time() -> None:
    marks = update_marks([make_followup()], {}, FIRST_SEEN)

    assert marks == {
        'contact-1:keep_in_touch': FeedMark(
            followup_id='contact-1:keep_in_touch',
            fingerprint=followup_fingerprint(make_followup()),
            sequence=0,
            changed_at=datetime(2025, 12, 24, 8, 15, tzinfo=UTC),
        )
    }


def test_new_followup_without_change_time_is_stamped_now() -> None:
    marks = update_marks([make_followup(changed_at=None)], {}, FIRST_SEEN)

    assert marks['contact-1:keep_in_touch'].changed_at == FIRST_SEEN


def test_unchanged_followup_keeps_its_mark() -> None:
    first = update_marks([make_followup()], {}, FIRST_SEEN)
    second = update_marks([make_followup()], first, LATER)

    assert second['contact-1:keep_in_touch'] is first['contact-1:keep_in_touch']
    assert second['contact-1:keep_in_touch'].sequence == 0


@pytest.mark.parametrize(
    'change',
    [
        {'due': date(2026, 2, 8)},
        {'title': 'Call Dana Okafor-Smith'},
        {'reason': 'It has been 60 days since you last spoke.'},
        {'link': '/contacts/contact-1?tab=log'},
    ],
    ids=['due', 'title', 'reason', 'link'],
)
def test_changed_date_or_text_bumps_sequence_and_stamps_now(change: dict[str, object]) -> None:
    first = update_marks([make_followup()], {}, FIRST_SEEN)
    second = update_marks([make_followup(**change)], first, LATER)
    third = update_marks([make_followup(**change)], second, LATER + timedelta(days=1))

    assert second['contact-1:keep_in_touch'].sequence == 1
    assert second['contact-1:keep_in_touch'].changed_at == LATER
    assert third['contact-1:keep_in_touch'] == second['contact-1:keep_in_touch']


def test_change_outside_what_the_feed_shows_does_not_bump_sequence() -> None:
    first = update_marks([make_followup()], {}, FIRST_SEEN)
    second = update_marks([make_followup(changed_at=LATER, contact_id='contact-9')], first, LATER)

    assert second['contact-1:keep_in_touch'].sequence == 0


def test_followups_no_longer_present_lose_their_marks() -> None:
    other = make_followup(id='contact-2:keep_in_touch', title='Call Aiko Tanaka')
    first = update_marks([make_followup(), other], {}, FIRST_SEEN)
    second = update_marks([make_followup()], first, LATER)

    assert set(second) == {'contact-1:keep_in_touch'}


def test_returning_followup_starts_afresh() -> None:
    first = update_marks([make_followup()], {}, FIRST_SEEN)
    gone = update_marks([], first, LATER)
    back = update_marks([make_followup(title='Call Dana again')], gone, LATER)

    assert back['contact-1:keep_in_touch'].sequence == 0


def test_given_marks_are_not_modified() -> None:
    first = update_marks([make_followup()], {}, FIRST_SEEN)
    snapshot = {key: dataclasses.replace(mark) for key, mark in first.items()}

    update_marks([make_followup(title='Changed')], first, LATER)

    assert first == snapshot


def test_times_are_kept_in_utc_and_naive_means_utc() -> None:
    plus_two = timezone(timedelta(hours=2))
    aware = update_marks([make_followup(changed_at=datetime(2026, 1, 1, 12, tzinfo=plus_two))], {}, FIRST_SEEN)
    naive = update_marks([make_followup(changed_at=None)], {}, datetime(2026, 1, 1, 12))

    assert aware['contact-1:keep_in_touch'].changed_at == datetime(2026, 1, 1, 10, tzinfo=UTC)
    assert aware['contact-1:keep_in_touch'].changed_at.tzinfo is UTC
    assert naive['contact-1:keep_in_touch'].changed_at == datetime(2026, 1, 1, 12, tzinfo=UTC)


def test_fingerprint_keeps_field_boundaries() -> None:
    assert followup_fingerprint(make_followup(title='ab', reason='c')) != followup_fingerprint(
        make_followup(title='a', reason='bc')
    )


def test_fingerprint_encoding_never_changes() -> None:
    """Fingerprints are stored: a new encoding would bump every follow-up's SEQUENCE at once."""
    assert followup_fingerprint(make_followup()) == PINNED_FINGERPRINT
