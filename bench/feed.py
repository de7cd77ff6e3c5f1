"""Time the calendar feed at 30,000 follow-ups: ``python -m bench.feed``.

Targets: follow-ups -> bytes (laid out as events, marks moved on, rendered) in at most
150 ms (median of 5) and a body under 1 MB, with the default settings. The data is
synthetic and seeded, so every run renders the same feed.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta

from careernet_ui.calendar.events import feed_events
from careernet_ui.calendar.feed import RenderedEvents, feed_fingerprints, render_feed
from careernet_ui.calendar.marks import update_marks
from careernet_ui.domain.followups.followup import FollowUp
from careernet_ui.domain.settings import Settings

FOLLOWUP_COUNT = 30_000
RENDERS = 5
SEED = 20_250_601
TODAY = date(2025, 6, 1)
BASE_URL = 'http://127.0.0.1:8080'
TARGET_MS = 150.0
TARGET_BYTES = 1_000_000

_FIRST_NAMES = ('Dana', 'José', 'Aiko', 'Chidi', 'Zoë', 'Łukasz', 'Priya', 'Sam', 'Ingrid', 'Mateo')
_LAST_NAMES = ('Okafor', 'Martín', 'Tanaka', 'Nwosu', 'Müller', 'Nowak', 'Rao', 'Lee', 'Berg', 'Silva')
_KINDS = (
    ('keep_in_touch', 'Keep in touch with {name}', 'It has been {days} days since you last spoke.'),
    ('thank_reference', 'Thank {name} for the reference', 'The employer contacted them on {day}.'),
    ('share_outcome', 'Tell {name} how the application ended', 'They were a reference; close the loop.'),
    ('success_update', 'Send {name} an update on your recent win', 'Advocates promote what they know about.'),
)


def synthetic_followups(count: int = FOLLOWUP_COUNT, seed: int = SEED) -> list[FollowUp]:
    """Follow-ups due over the past year and the next 120 days, the same for the same seed.

    Args:
        count: How many to make.
        seed: The random seed.

    Returns:
        The follow-ups, in no particular order.
    """
    rng = random.Random(seed)
    followups = []
    for number in range(count):
        kind, title, reason = rng.choice(_KINDS)
        name = f'{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}'
        due = TODAY + timedelta(days=rng.randint(-365, 120))
        followups.append(
            FollowUp(
                id=f'c{number:05d}-{kind}',
                kind=kind,
                due=due,
                title=title.format(name=name),
                reason=reason.format(days=rng.randint(30, 400), day=due.isoformat()),
                link=f'/contacts/c{number:05d}',
                contact_id=f'c{number:05d}',
                changed_at=datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 200_000)),
            )
        )
    return followups


def main() -> None:
    """Render the feed ``RENDERS`` times and print the median time and the body size."""
    followups = synthetic_followups()
    settings = Settings()
    first = feed_events(followups, settings, TODAY)
    stored = update_marks(first, {}, datetime(2025, 6, 1, 8, tzinfo=UTC),
                          feed_fingerprints(first, settings, TODAY, BASE_URL))
    timings = []
    body = b''
    for _ in range(RENDERS):
        started = time.perf_counter()
        events = feed_events(followups, settings, TODAY)
        rendered = RenderedEvents()  # cold: every event rendered once, for its fingerprint, then reused
        prints = feed_fingerprints(events, settings, TODAY, BASE_URL, memo=rendered)
        marks = update_marks(events, stored, datetime(2025, 6, 1, 9, tzinfo=UTC), prints)
        body = render_feed(events, settings, TODAY, marks, BASE_URL, memo=rendered)
        timings.append((time.perf_counter() - started) * 1000)
    median_ms = statistics.median(timings)
    print(f'{len(followups):,} follow-ups -> {body.count(b"BEGIN:VEVENT")} events')
    print(f'events + marks + render: median {median_ms:.1f} ms of {RENDERS} (target <= {TARGET_MS:.0f} ms)')
    print(f'body:   {len(body):,} bytes (target < {TARGET_BYTES:,})')


if __name__ == '__main__':
    main()
