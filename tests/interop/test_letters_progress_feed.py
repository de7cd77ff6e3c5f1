"""The follow-up kinds for letters and progress updates, in a feed libical reads without an error."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.domain import Accomplishment, Contact, Stage
from careernet_ui.domain.contacts import StageChange
from careernet_ui.domain.goals import Goal
from careernet_ui.domain.letters import RecommendationLetter
from storage import Store
from tests.conftest import TODAY


def test_libical_reads_the_letter_and_progress_update_events(fresh_store: Store, libical_check: Path,
                                                             tmp_path: Path) -> None:
    store = fresh_store
    store.contacts.add(Contact(id='alex', name='Alex Moreau, Jr.; PhD', stage=Stage.ADVOCATE,
                               stage_history=(StageChange(on=date(2026, 6, 1), to_stage=Stage.ADVOCATE),)))
    store.accomplishments.add(Accomplishment(title='Cut p95 latency', on=date(2026, 11, 1)))
    store.goals.add(Goal(title='Lead a team', target_on=date(2027, 6, 30)))
    store.letters.add_many([
        RecommendationLetter(id='asked', contact_id='alex', purpose='MSc, "Data"; 2027', asked_on=date(2026, 11, 1)),
        RecommendationLetter(id='came', contact_id='alex', purpose='a visa', asked_on=date(2026, 10, 1),
                             received_on=date(2026, 11, 20)),
    ])
    body = CalendarFeed(store, 'http://127.0.0.1:8080', clock=lambda: datetime(2026, 11, 25, tzinfo=UTC)) \
        .current(TODAY).body
    path = tmp_path / 'feed.ics'
    path.write_bytes(body)

    done = subprocess.run([str(libical_check), str(path)], capture_output=True, text=True, check=False, timeout=120)

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line for line in lines if line.startswith('ERROR')] == []
    uids = {line.split(' ')[1].split('@')[0] for line in lines}
    assert {'letter_nudge:asked', 'thank_for_letter:came', 'progress_update:alex:2026-08-30'} <= uids
