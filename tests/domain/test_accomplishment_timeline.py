"""A contact's timeline shows the accomplishments they witnessed and the feedback asked of them."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Accomplishment, Feedback, Metric, Network
from careernet_ui.domain.timeline import timeline
from tests.domain import make

MEI = make.contact('c-mei', 'Mei Chen')
DANA = make.contact('c-dana', 'Dana Okafor')
LATENCY = Accomplishment(id='a-1', title='Cut checkout p95 latency', on=date(2026, 10, 3), witness_ids=('c-mei',),
                         metric=Metric(name='p95 latency', value=120, unit='ms', baseline=800))
ANSWERED = Feedback(id='f-1', contact_id='c-mei', asked_on=date(2026, 10, 5), received_on=date(2026, 10, 9),
                    text='Calm under pressure.')
WAITING = Feedback(id='f-2', contact_id='c-dana', asked_on=date(2026, 11, 1))


def test_witnessed_accomplishments_and_feedback_are_on_the_timeline_newest_first() -> None:
    network = Network(contacts=[MEI, DANA], accomplishments=[LATENCY], feedback=[ANSWERED, WAITING])
    entries = [(e.on, e.kind, e.title, e.detail) for e in timeline(network, MEI)]
    assert entries == [
        (date(2026, 10, 9), 'feedback:received', 'Gave feedback', 'Calm under pressure.'),
        (date(2026, 10, 5), 'feedback:asked', 'Asked for feedback', ''),
        (date(2026, 10, 3), 'accomplishment:witnessed', 'Witnessed: Cut checkout p95 latency',
         'p95 latency 800 → 120 ms'),
    ]
    assert [e.kind for e in timeline(network, DANA)] == ['feedback:asked']
