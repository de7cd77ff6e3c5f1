"""The feedback form: asking for feedback, recording what was said, checked before storing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from careernet_ui.domain import Feedback, ValidationError
from careernet_ui.domain.forms.feedback import FeedbackForm

TODAY = date(2026, 11, 25)


def build(form: FeedbackForm, existing: Feedback | None = None) -> Feedback:
    return form.to_feedback(existing, TODAY, is_contact={'c-mei'}.__contains__,
                            is_accomplishment={'a-latency'}.__contains__)


def refused(form: FeedbackForm) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        build(form)
    return caught.value


def test_asking_records_the_day_asked_and_nothing_received() -> None:
    feedback = build(FeedbackForm.asking('c-mei', TODAY, ['a-latency']))
    assert (feedback.asked_on, feedback.received_on) == (TODAY, None)
    assert feedback.awaiting_answer
    assert feedback.accomplishment_ids == ('a-latency',)


def test_recording_what_they_said_with_themes() -> None:
    form = replace(FeedbackForm.receiving('c-mei', TODAY), asked_on='2026-11-10',
                   text='The rollout plan made the migration boring, in the best way.',
                   themes='Communication; ownership')
    feedback = build(form)
    assert (feedback.asked_on, feedback.received_on) == (date(2026, 11, 10), TODAY)
    assert feedback.themes == ('communication', 'ownership')
    assert not feedback.awaiting_answer


def test_answering_a_request_keeps_its_id() -> None:
    asked = build(FeedbackForm.asking('c-mei', date(2026, 11, 1)))
    answered = build(replace(FeedbackForm.from_feedback(asked), received_on='2026-11-20', text='Great work.'), asked)
    assert answered.id == asked.id
    assert (answered.asked_on, answered.received_on) == (date(2026, 11, 1), date(2026, 11, 20))


@pytest.mark.parametrize(('form', 'field', 'message'), [
    (FeedbackForm(asked_on='2026-11-01'), 'contact_id', 'Choose who the feedback is from.'),
    (FeedbackForm(contact_id='c-gone', asked_on='2026-11-01'), 'contact_id', 'no longer in your contacts'),
    (FeedbackForm(contact_id='c-mei'), 'asked_on', 'Give the date you asked, the date you received it, or both.'),
    (FeedbackForm(contact_id='c-mei', asked_on='2026-11-26'), 'asked_on', 'in the future'),
    (FeedbackForm(contact_id='c-mei', asked_on='2026-11-20', received_on='2026-11-02'), 'received_on',
     'Received on 2026-11-02 is before it was asked on 2026-11-20.'),
    (FeedbackForm(contact_id='c-mei', asked_on='2026-11-01', text='Nice.'), 'received_on',
     'give the date you received it'),
    (FeedbackForm(contact_id='c-mei', asked_on='Tuesday'), 'asked_on', 'is not a date'),
    (FeedbackForm(contact_id='c-mei', asked_on='2026-11-01', accomplishment_ids=['a-gone']), 'accomplishment_ids',
     '1 of the linked accomplishments no longer exists'),
])
def test_bad_input_is_refused_with_a_message_naming_the_field(form: FeedbackForm, field: str, message: str) -> None:
    error = refused(form)
    assert error.field == field
    assert message in str(error)
