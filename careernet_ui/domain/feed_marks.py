"""What the calendar feed remembers about each follow-up, so calendars see real changes.

A calendar app decides whether an event changed from its ``SEQUENCE`` and ``DTSTAMP``.
Follow-ups are recomputed from the records on every request, so neither number can come
from the follow-up itself: a :class:`FeedMark` keeps them, keyed by follow-up id, and
:func:`update_marks` moves them on only when what the user would see in the event changed.
Storage persists the marks; this module stays pure (no iCalendar, no storage imports).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from .followups import FollowUp


@dataclass(kw_only=True, slots=True)
class FeedMark:
    """The feed's memory of one follow-up: its last seen content and how often it changed.

    ``changed_at`` is in UTC and becomes the event's DTSTAMP; ``sequence`` becomes its
    SEQUENCE and only ever rises while the follow-up stays in the feed.
    """

    followup_id: str
    fingerprint: str
    sequence: int
    changed_at: datetime

    @property
    def id(self) -> str:
        """Marks are stored one per follow-up, keyed by the follow-up's id."""
        return self.followup_id


def update_marks(followups: Iterable[FollowUp], marks: Mapping[str, FeedMark], now: datetime) -> dict[str, FeedMark]:
    """Bring the feed marks up to date with the current follow-ups.

    Args:
        followups: Every follow-up that is still open (done and dismissed ones excluded).
        marks: The marks stored after the previous update, keyed by follow-up id.
        now: The current time; a naive value is taken to be UTC.

    Returns:
        The new marks, keyed by follow-up id. An unchanged follow-up keeps its mark (the
        same object); a changed one gets ``sequence + 1`` and ``changed_at = now``; a new
        one starts at sequence 0, stamped with its own ``changed_at`` or ``now``. Marks of
        follow-ups that are gone are dropped, so a follow-up that comes back later starts
        afresh. ``marks`` itself is not modified.
    """
    now = as_utc(now)
    updated: dict[str, FeedMark] = {}
    for followup in followups:
        fingerprint = followup_fingerprint(followup)
        previous = marks.get(followup.id)
        if previous is None:
            updated[followup.id] = FeedMark(
                followup_id=followup.id,
                fingerprint=fingerprint,
                sequence=0,
                changed_at=as_utc(followup.changed_at or now),
            )
        elif previous.fingerprint == fingerprint:
            updated[followup.id] = previous
        else:
            updated[followup.id] = FeedMark(
                followup_id=followup.id,
                fingerprint=fingerprint,
                sequence=previous.sequence + 1,
                changed_at=now,
            )
    return updated


def new_mark(followup: FollowUp, now: datetime) -> FeedMark:
    """The mark of a follow-up the feed has not seen before.

    Args:
        followup: The follow-up.
        now: Used as ``changed_at`` when the follow-up carries none; naive means UTC.

    Returns:
        A mark at sequence 0, stamped with the follow-up's own change time when it has one
        (so the first feed shows when the underlying record last changed), else ``now``.
    """
    return FeedMark(
        followup_id=followup.id,
        fingerprint=followup_fingerprint(followup),
        sequence=0,
        changed_at=as_utc(followup.changed_at or now),
    )


def followup_fingerprint(followup: FollowUp) -> str:
    """A short hash of what the feed shows of a follow-up: due date, title, reason and link.

    Args:
        followup: The follow-up.

    Returns:
        16 hex digits. They only need to tell one follow-up's versions apart, not to be
        unique across follow-ups, and thousands of marks are stored in the data file.
    """
    # Each field is prefixed with its length, so field boundaries are unambiguous ("ab", "c"
    # and "a", "bc" differ) and the encoding never changes with the Python version: the
    # fingerprints are stored, and a different one would bump every follow-up's SEQUENCE.
    fields = (followup.due.isoformat(), followup.title, followup.reason, followup.link)
    canonical = ''.join(f'{len(field)}:{field}' for field in fields)
    return hashlib.sha256(canonical.encode('utf-8')).hexdigest()[:16]


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
