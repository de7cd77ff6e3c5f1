"""What the calendar feed remembers about each event, so calendars see real changes.

A calendar app decides whether an event changed from its ``SEQUENCE`` and ``DTSTAMP``.
Follow-ups are recomputed from the records on every request, so neither number can come
from the follow-up itself: a :class:`FeedMark` keeps them for each event the feed shows
(see :mod:`.feed_events`: one per follow-up shown on its own, one per digest), and
:func:`update_marks` moves them on only when what the user would see in the event changed.
Follow-ups folded into a digest have no mark of their own: the digest's mark covers what it
lists, so a day with 14,000 overdue follow-ups costs one mark, not 14,000.
Storage persists the marks; this module stays pure (no iCalendar, no storage imports).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from ..domain import validation as v
from ..domain.errors import ValidationError
from ..domain.followups.followup import FollowUp
from .events import FeedEvent


@dataclass(frozen=True, kw_only=True, slots=True)
class FeedMark:
    """The feed's memory of one event: its last seen content and how often it changed.

    ``changed_at`` is in UTC and becomes the event's DTSTAMP; ``sequence`` becomes its
    SEQUENCE and only ever rises while the event stays in the feed.
    """

    followup_id: str
    """The event's key (:attr:`FeedEvent.key`): the follow-up's id, or ``digest-YYYYMMDD``.
    The name predates digest marks and is kept, as it is the field name in stored files."""
    fingerprint: str
    sequence: int
    changed_at: datetime

    def __post_init__(self) -> None:
        v.record_id(self.followup_id, 'followup_id', 'Feed event')
        v.optional_text(self.fingerprint, 'fingerprint', 'Fingerprint', limit=200)
        v.typed(self.sequence, int, 'sequence', 'Sequence')
        if not 0 <= self.sequence < 2**31:  # RFC 5545: SEQUENCE is an INTEGER, a signed 32-bit value
            raise ValidationError('Sequence is out of range (0 to 2**31 - 1).', field='sequence')
        v.typed(self.changed_at, datetime, 'changed_at', 'Changed at')

    @property
    def id(self) -> str:
        """Marks are stored one per event, keyed by the event's key."""
        return self.followup_id


def update_marks(
    events: Iterable[FeedEvent],
    marks: Mapping[str, FeedMark],
    now: datetime,
    fingerprints: Mapping[str, str] | None = None,
) -> dict[str, FeedMark]:
    """Bring the feed marks up to date with the events the feed now shows.

    Args:
        events: The feed's events (:func:`~.feed_events.feed_events`).
        marks: The marks stored after the previous update, keyed by event key.
        now: The current time; a naive value is taken to be UTC.
        fingerprints: Each event's fingerprint by key, when the caller knows better than
            :func:`event_fingerprint` what the event will show: the feed passes the hash of the
            event's own bytes (:func:`careernet_ui.calendar.feed.feed_fingerprints`), so that a
            change of time, zone or duration raises SEQUENCE too.

    Returns:
        The new marks, keyed by event key. An unchanged event keeps its mark (the same
        object); a changed one gets ``sequence + 1`` and ``changed_at = now``; a new one
        starts at sequence 0 (see :func:`new_mark`). Marks of events that are gone are
        dropped, so an event that comes back later starts afresh. ``marks`` itself is not
        modified.
    """
    now = as_utc(now)
    updated: dict[str, FeedMark] = {}
    for event in events:
        fingerprint = event_fingerprint(event) if fingerprints is None else fingerprints[event.key]
        previous = marks.get(event.key)
        if previous is None:
            updated[event.key] = _first_mark(event, fingerprint, now)
        elif previous.fingerprint == fingerprint:
            updated[event.key] = previous
        else:
            updated[event.key] = FeedMark(
                followup_id=event.key,
                fingerprint=fingerprint,
                sequence=previous.sequence + 1,
                changed_at=now,
            )
    return updated


def new_mark(event: FeedEvent, now: datetime) -> FeedMark:
    """The mark of an event the feed has not shown before.

    Args:
        event: The event.
        now: Used as ``changed_at`` when none of its follow-ups carries a change time;
            naive means UTC.

    Returns:
        A mark at sequence 0, stamped with the latest change time of the follow-ups it stands
        for (so the first feed shows when the underlying records last changed), else ``now``.
    """
    return _first_mark(event, event_fingerprint(event), as_utc(now))


def event_fingerprint(event: FeedEvent) -> str:
    """A short hash of what the feed shows of an event.

    Args:
        event: The event.

    Returns:
        16 hex digits. A single follow-up's event hashes as :func:`followup_fingerprint`;
        a digest hashes its day, its count and, for each follow-up it lists, the id, due
        date, title and link (what its description shows; the follow-ups it only counts
        change it through the count).
    """
    if not event.digest:
        return followup_fingerprint(event.listed[0])
    fields = [event.day.isoformat(), str(event.count)]
    for followup in event.listed:
        fields.extend((followup.id, followup.due.isoformat(), followup.title, followup.link))
    return _hash(fields)


def followup_fingerprint(followup: FollowUp) -> str:
    """A short hash of what the feed shows of a follow-up: due date, title, reason and link.

    Args:
        followup: The follow-up.

    Returns:
        16 hex digits. They only need to tell one follow-up's versions apart, not to be
        unique across follow-ups, and every mark in the data file stores one.
    """
    return _hash((followup.due.isoformat(), followup.title, followup.reason, followup.link))


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is taken to be UTC already, as CareerNet stores them.

    Args:
        moment: Any datetime.

    Returns:
        An aware datetime in UTC.
    """
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _first_mark(event: FeedEvent, fingerprint: str, now: datetime) -> FeedMark:
    # Today's digest may stand for 15,000 follow-ups: compare as they are (aware datetimes compare
    # as instants whatever their zone), converting only the naive ones and the winner.
    latest: datetime | None = None
    for followup in event.followups:
        changed = followup.changed_at
        if changed is None:
            continue
        if changed.tzinfo is None:
            changed = changed.replace(tzinfo=UTC)
        if latest is None or changed > latest:
            latest = changed
    return FeedMark(followup_id=event.key, fingerprint=fingerprint, sequence=0,
                    changed_at=now if latest is None else as_utc(latest))


def _hash(fields: Iterable[str]) -> str:
    # Each field is prefixed with its length, so field boundaries are unambiguous ("ab", "c"
    # and "a", "bc" differ) and the encoding never changes with the Python version: the
    # fingerprints are stored, and a different one would bump every event's SEQUENCE.
    canonical = ''.join(f'{len(field)}:{field}' for field in fields)
    return hashlib.sha256(canonical.encode('utf-8')).hexdigest()[:16]
