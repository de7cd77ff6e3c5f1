"""Feed marks: SEQUENCE and DTSTAMP move on only when what the calendar shows changes.

Marks are kept per feed event: a follow-up shown on its own has one under its id, a digest one
under its key, and the follow-ups folded into a digest none.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from careernet_ui.calendar.events import DIGEST_LIST_LIMIT, FeedEvent, feed_events
from careernet_ui.calendar.marks import FeedMark, event_fingerprint, followup_fingerprint, update_marks
from careernet_ui.domain.followups.followup import FollowUp
from careernet_ui.domain.settings import Settings

FIRST_SEEN = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 2, 3, 17, 30, tzinfo=UTC)
TODAY = date(2026, 1, 20)
# Fingerprints are stored: this pins their encoding (see the last tests).
PINNED_FINGERPRINT = 'f0d5326def3d10eb'
PINNED_DIGEST_FINGERPRINT = '0728aea0f92b81d2'


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


def events(*followups: FollowUp, digest_threshold: int = 5) -> list[FeedEvent]:
    """The feed's events for ``followups`` on ``TODAY``."""
    return feed_events(followups, Settings(feed_digest_threshold=digest_threshold), TODAY)


def crowded_day(count: int = DIGEST_LIST_LIMIT + 5) -> list[FollowUp]:
    """Enough follow-ups due on 1 Feb 2026 for a digest, listed by title."""
    return [
        make_followup(id=f'contact-{n}:keep_in_touch', title=f'Call contact {n:03d}', link=f'/contacts/contact-{n}')
        for n in range(count)
    ]


def test_new_followup_starts_at_sequence_zero_stamped_with_its_own_change_time() -> None:
    marks = update_marks(events(make_followup()), {}, FIRST_SEEN)

    assert marks == {
        'contact-1:keep_in_touch': FeedMark(
            followup_id='contact-1:keep_in_touch',
            fingerprint=followup_fingerprint(make_followup()),
            sequence=0,
            changed_at=datetime(2025, 12, 24, 8, 15, tzinfo=UTC),
        )
    }


def test_new_followup_without_change_time_is_stamped_now() -> None:
    marks = update_marks(events(make_followup(changed_at=None)), {}, FIRST_SEEN)

    assert marks['contact-1:keep_in_touch'].changed_at == FIRST_SEEN


def test_unchanged_followup_keeps_its_mark() -> None:
    first = update_marks(events(make_followup()), {}, FIRST_SEEN)
    second = update_marks(events(make_followup()), first, LATER)

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
    first = update_marks(events(make_followup()), {}, FIRST_SEEN)
    second = update_marks(events(make_followup(**change)), first, LATER)
    third = update_marks(events(make_followup(**change)), second, LATER + timedelta(days=1))

    assert second['contact-1:keep_in_touch'].sequence == 1
    assert second['contact-1:keep_in_touch'].changed_at == LATER
    assert third['contact-1:keep_in_touch'] == second['contact-1:keep_in_touch']


def test_change_outside_what_the_feed_shows_does_not_bump_sequence() -> None:
    first = update_marks(events(make_followup()), {}, FIRST_SEEN)
    second = update_marks(events(make_followup(changed_at=LATER, contact_id='contact-9')), first, LATER)

    assert second['contact-1:keep_in_touch'].sequence == 0


def test_followups_no_longer_present_lose_their_marks() -> None:
    other = make_followup(id='contact-2:keep_in_touch', title='Call Aiko Tanaka')
    first = update_marks(events(make_followup(), other), {}, FIRST_SEEN)
    second = update_marks(events(make_followup()), first, LATER)

    assert set(second) == {'contact-1:keep_in_touch'}


def test_returning_followup_starts_afresh() -> None:
    first = update_marks(events(make_followup()), {}, FIRST_SEEN)
    gone = update_marks(events(), first, LATER)
    back = update_marks(events(make_followup(title='Call Dana again')), gone, LATER)

    assert back['contact-1:keep_in_touch'].sequence == 0


def test_given_marks_are_not_modified() -> None:
    first = update_marks(events(make_followup()), {}, FIRST_SEEN)
    snapshot = {key: dataclasses.replace(mark) for key, mark in first.items()}

    update_marks(events(make_followup(title='Changed')), first, LATER)

    assert first == snapshot


def test_times_are_kept_in_utc_and_naive_means_utc() -> None:
    plus_two = timezone(timedelta(hours=2))
    aware = update_marks(events(make_followup(changed_at=datetime(2026, 1, 1, 12, tzinfo=plus_two))), {}, FIRST_SEEN)
    naive = update_marks(events(make_followup(changed_at=None)), {}, datetime(2026, 1, 1, 12))

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


# Digests


def test_a_digest_has_one_mark_under_its_key_stamped_with_its_latest_change() -> None:
    day = crowded_day()
    day[7] = dataclasses.replace(day[7], changed_at=datetime(2026, 1, 9, 6, tzinfo=UTC))

    marks = update_marks(events(*day), {}, FIRST_SEEN)

    assert marks == {
        'digest-20260201': FeedMark(
            followup_id='digest-20260201',
            fingerprint=event_fingerprint(events(*day)[0]),
            sequence=0,
            changed_at=datetime(2026, 1, 9, 6, tzinfo=UTC),
        )
    }


def test_a_digest_moves_on_when_a_listed_follow_up_or_the_count_changes() -> None:
    day = crowded_day()
    first = update_marks(events(*day), {}, FIRST_SEEN)
    retitled = [dataclasses.replace(day[0], title='Call contact 000 about Acme'), *day[1:]]

    for changed in (retitled, day[:-1], [*day, make_followup(id='newcomer', title='Call newcomer')]):
        (mark,) = update_marks(events(*changed), first, LATER).values()
        assert (mark.sequence, mark.changed_at) == (1, LATER)


def test_a_digest_keeps_its_mark_when_only_what_it_does_not_show_changes() -> None:
    day = crowded_day()
    first = update_marks(events(*day), {}, FIRST_SEEN)
    unlisted_renamed = [*day[:-1], dataclasses.replace(day[-1], title='Call contact 999')]
    new_reason = [dataclasses.replace(day[0], reason='Another reason.'), *day[1:]]

    for unchanged in (unlisted_renamed, new_reason):
        assert update_marks(events(*unchanged), first, LATER) == first


def test_follow_ups_folded_into_a_digest_lose_their_own_marks() -> None:
    day = crowded_day(6)
    alone = update_marks(events(*day, digest_threshold=10), {}, FIRST_SEEN)
    assert len(alone) == 6

    folded = update_marks(events(*day, digest_threshold=5), alone, LATER)

    assert set(folded) == {'digest-20260201'}


def test_digest_fingerprint_encoding_never_changes() -> None:
    """Stored like the follow-ups' fingerprints; a new encoding would bump every digest at once."""
    (digest,) = events(*crowded_day(7))

    assert event_fingerprint(digest) == PINNED_DIGEST_FINGERPRINT
