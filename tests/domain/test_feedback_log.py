"""A person's feedback log, in order and in words."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Feedback
from careernet_ui.domain.feedback_log import feedback_of, status_line

TODAY = date(2026, 11, 25)
OLD = Feedback(id='f-1', contact_id='c-mei', asked_on=date(2026, 3, 1), received_on=date(2026, 3, 4), text='Good.')
WAITING = Feedback(id='f-2', contact_id='c-mei', asked_on=date(2026, 11, 13))
UNASKED = Feedback(id='f-3', contact_id='c-mei', received_on=date(2026, 6, 2), text='Great demo.')
OTHER = Feedback(id='f-4', contact_id='c-dana', asked_on=date(2026, 11, 20))


def test_a_persons_feedback_latest_first() -> None:
    assert [f.id for f in feedback_of([OLD, WAITING, UNASKED, OTHER], 'c-mei')] == ['f-2', 'f-3', 'f-1']


def test_status_in_words() -> None:
    assert status_line(OLD, TODAY) == 'Asked 1 Mar 2026 · received 4 Mar 2026'
    assert status_line(WAITING, TODAY) == 'Asked 13 Nov 2026 · no answer yet (12 days)'
    assert status_line(UNASKED, TODAY) == 'Received 2 Jun 2026'
    assert status_line(WAITING, date(2026, 11, 13)) == 'Asked 13 Nov 2026 · no answer yet'
