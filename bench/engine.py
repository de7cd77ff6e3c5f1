"""How long ``due_follow_ups`` takes on a large network (target: 200 ms or less).

Run: ``.venv/bin/python -m bench.engine [contacts] [interactions]``. The network is synthetic
and the same on every run (seeded), built in memory: no data file is read or written.
"""

from __future__ import annotations

import dataclasses
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta

from careernet_ui.domain.contacts import Contact, Stage, StageChange
from careernet_ui.domain.followups.engine import due_follow_ups
from careernet_ui.domain.followups.followup import FollowUpState, FollowUpStatus
from careernet_ui.domain.followups.memo import FollowUpMemo
from careernet_ui.domain.interactions import Interaction, InteractionKind
from careernet_ui.domain.network import Network

TODAY = date(2026, 9, 15)
RUNS = 5
TARGET_MS = 200.0
STAGE_WEIGHTS = {Stage.CONTACT: 60, Stage.POTENTIAL_ADVOCATE: 20, Stage.REFERENCE: 12, Stage.ADVOCATE: 8}
KIND_WEIGHTS = {
    InteractionKind.EMAIL: 25,
    InteractionKind.MESSAGE: 20,
    InteractionKind.CALL: 12,
    InteractionKind.COFFEE: 10,
    InteractionKind.MEETING: 8,
    InteractionKind.ADVICE_ASKED: 6,
    InteractionKind.FEEDBACK_ASKED: 5,
    InteractionKind.UPDATE_SENT: 5,
    InteractionKind.THANK_YOU: 3,
    InteractionKind.REFERENCE_GIVEN: 3,
    InteractionKind.INTRODUCTION_MADE: 2,
    InteractionKind.OTHER: 1,
}


def synthetic_network(contacts: int = 30_000, interactions: int = 60_000, seed: int = 20260915) -> Network:
    """A deterministic network of ``contacts`` people and ``interactions`` logged contacts.

    Args:
        contacts: How many contacts.
        interactions: How many interactions, spread over the contacts (some get none).
        seed: The random seed; the same seed gives the same network.

    Returns:
        The network.
    """
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    people: list[Contact] = []
    for n in range(contacts):
        created = start + timedelta(minutes=rng.randrange(0, 3_000_000))
        stage = rng.choices(list(STAGE_WEIGHTS), weights=list(STAGE_WEIGHTS.values()))[0]
        people.append(
            Contact(
                id=f'{rng.getrandbits(128):032x}',
                name=f'Person {n:05d}',
                stage=stage,
                stage_history=(StageChange(on=created.date(), to_stage=stage),),
                cadence_days=rng.choice((14, 21, 90)) if rng.random() < 0.05 else None,
                created_at=created,
                updated_at=created,
            )
        )
    logged: list[Interaction] = []
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    for _ in range(interactions):
        # Skewed towards the key stages' end of the list is not needed: uniform is the worst case
        # for the index (the most distinct contacts touched).
        contact = people[rng.randrange(contacts)]
        on = TODAY - timedelta(days=rng.randrange(-30, 1_000))  # a few planned ones, in the future
        stamp = datetime(on.year, on.month, on.day, 12, tzinfo=UTC)
        logged.append(
            Interaction(
                id=f'{rng.getrandbits(128):032x}',
                contact_id=contact.id,
                kind=rng.choices(kinds, weights=weights)[0],
                on=on,
                created_at=stamp,
                updated_at=stamp,
            )
        )
    states = [
        FollowUpState(
            followup_id=f'keep_in_touch:{person.id}',
            status=rng.choice(list(FollowUpStatus)),
            decided_on=TODAY - timedelta(days=3),
            due=TODAY - timedelta(days=5),
            until=TODAY + timedelta(days=rng.randrange(-2, 10)),
        )
        for person in rng.sample(people, contacts // 50)
    ]
    return Network(contacts=people, interactions=logged, followup_states=states)


def main(argv: list[str]) -> int:
    """Build the network, time five runs, print the median."""
    contacts = int(argv[0]) if argv else 30_000
    interactions = int(argv[1]) if len(argv) > 1 else 2 * contacts
    network = synthetic_network(contacts, interactions)
    timings: list[float] = []
    found = 0
    for _ in range(RUNS):
        began = time.perf_counter()
        found = len(due_follow_ups(network, TODAY))
        timings.append((time.perf_counter() - began) * 1000)
    median = statistics.median(timings)
    feed_began = time.perf_counter()
    feed = len(due_follow_ups(network, TODAY, horizon_days=90))
    feed_ms = (time.perf_counter() - feed_began) * 1000
    # How the calendar feed recomputes after a change: with a memo of its previous computation.
    memo = FollowUpMemo()
    due_follow_ups(network, TODAY, horizon_days=90, memo=memo)
    after_change: list[float] = []
    for run in range(RUNS):
        people = list(network.contacts)
        people[run * 97] = dataclasses.replace(people[run * 97], name=f'Renamed {run}')
        network = dataclasses.replace(network, contacts=people)
        began = time.perf_counter()
        due_follow_ups(network, TODAY, horizon_days=90, memo=memo)
        after_change.append((time.perf_counter() - began) * 1000)
    print(f'{contacts:,} contacts, {interactions:,} interactions, {found:,} follow-ups due within 7 days')
    print(
        f'due_follow_ups: median {median:.1f} ms of {RUNS} runs (target {TARGET_MS:.0f} ms); '
        f'runs: {", ".join(f"{t:.1f}" for t in timings)}'
    )
    print(f'with the feed horizon (90 days): {feed:,} follow-ups in {feed_ms:.1f} ms')
    print(f'  again after a one-contact change, with a memo of the previous computation (as the feed keeps one): '
          f'median {statistics.median(after_change):.1f} ms')
    return 0 if median <= TARGET_MS else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
