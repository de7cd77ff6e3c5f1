"""Issue 12, point 11: recommendation letters — asked, nudged at 14 days, received, thanked."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from careernet_ui.domain import Network, Stage, ValidationError, due_follow_ups
from careernet_ui.domain.followups.letters import LETTER_NUDGE, THANK_FOR_LETTER
from careernet_ui.domain.interactions import InteractionKind
from careernet_ui.domain.letters import LetterForm, RecommendationLetter, letter_location, received, thanked
from careernet_ui.domain.touches import last_touch, touch_label, touches_of

from .make import contact, interaction

ASKED = date(2026, 10, 1)
ALEX = contact('alex', 'Alex Moreau', Stage.REFERENCE)
STAMP = datetime(2026, 10, 1, 9, tzinfo=UTC)
LETTER = RecommendationLetter(id='l1', contact_id='alex', purpose='MSc application', asked_on=ASKED,
                              created_at=STAMP, updated_at=STAMP)


def due(network: Network, today: date, kind: str) -> list[tuple[date, str]]:
    return [(f.due, f.title) for f in due_follow_ups(network, today, 0) if f.kind == kind]


def test_a_letter_is_a_frozen_value() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        LETTER.purpose = 'x'  # type: ignore[misc]


def test_the_nudge_comes_14_days_after_asking_not_before() -> None:
    network = Network(contacts=[ALEX], letters=[LETTER])
    assert due(network, ASKED + timedelta(days=13), LETTER_NUDGE) == []
    assert due(network, ASKED + timedelta(days=14), LETTER_NUDGE) == [
        (date(2026, 10, 15), 'Ask Alex Moreau about the recommendation letter for MSc application')]


def test_no_nudge_once_the_letter_came() -> None:
    came = received(LETTER, date(2026, 10, 10), date(2026, 10, 20))
    assert due(Network(contacts=[ALEX], letters=[came]), date(2026, 10, 20), LETTER_NUDGE) == []


def test_a_thank_you_is_due_on_receipt_until_thanked() -> None:
    came = received(LETTER, date(2026, 10, 20), date(2026, 10, 20))
    network = Network(contacts=[ALEX], letters=[came])
    assert due(network, date(2026, 10, 20), THANK_FOR_LETTER) == [
        (date(2026, 10, 20), 'Thank Alex Moreau for the recommendation letter')]
    done = thanked(came, date(2026, 10, 21), date(2026, 10, 21))
    assert due(Network(contacts=[ALEX], letters=[done]), date(2026, 10, 21), THANK_FOR_LETTER) == []


def test_a_thank_you_touch_after_receipt_clears_it_one_before_does_not() -> None:
    came = received(LETTER, date(2026, 10, 20), date(2026, 10, 25))
    before = interaction('t0', ALEX, InteractionKind.THANK_YOU, date(2026, 10, 19))
    assert len(due(Network(contacts=[ALEX], letters=[came], interactions=[before]), date(2026, 10, 25),
                   THANK_FOR_LETTER)) == 1
    after = interaction('t1', ALEX, InteractionKind.THANK_YOU, date(2026, 10, 22))
    assert due(Network(contacts=[ALEX], letters=[came], interactions=[before, after]), date(2026, 10, 25),
               THANK_FOR_LETTER) == []


def test_asking_receiving_and_thanking_are_touches() -> None:
    done = replace(LETTER, received_on=date(2026, 10, 20), thanked_on=date(2026, 10, 21))
    network = Network(contacts=[ALEX], letters=[done])
    touches = touches_of(network, 'alex', date(2026, 11, 1))
    assert [(t.on, t.kind, touch_label(t)) for t in touches] == [
        (ASKED, InteractionKind.OTHER, 'Asked for a recommendation letter for MSc application'),
        (date(2026, 10, 20), InteractionKind.REFERENCE_GIVEN, 'Wrote a recommendation letter for MSc application'),
        (date(2026, 10, 21), InteractionKind.THANK_YOU, 'Thanked for the recommendation letter for MSc application'),
    ]
    last = last_touch(network, 'alex', date(2026, 11, 1))
    assert last is not None
    assert last.on == date(2026, 10, 21)


def test_the_keep_in_touch_clock_counts_from_the_letter() -> None:
    network = Network(contacts=[ALEX], letters=[replace(LETTER, received_on=date(2026, 10, 20))])
    keep = [f for f in due_follow_ups(network, date(2026, 12, 31), 0) if f.kind == 'keep_in_touch']
    assert [f.due for f in keep] == [date(2026, 12, 19)]  # 60 days (references) after receipt


@pytest.mark.parametrize('location', ['https://drive.example.com/d/abc', 'http://x.org/l.pdf', 'letter-acme.pdf',
                                      'Letter from Alex (2026).docx', ''])
def test_where_it_lives_accepts_web_links_and_plain_file_names(location: str) -> None:
    assert letter_location(location) == location


@pytest.mark.parametrize('location', ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'https://', 'https:// x',
                                      '../etc/passwd', 'C:\\letters\\a.pdf', 'file:///home/a.pdf', 'a\x07b.pdf',
                                      '<img src=x onerror=alert(1)>'])
def test_where_it_lives_refuses_anything_else(location: str) -> None:
    with pytest.raises(ValidationError) as error:
        letter_location(location)
    assert error.value.field == 'location'


def test_dates_must_follow_each_other() -> None:
    with pytest.raises(ValidationError, match='before you asked'):
        replace(LETTER, received_on=date(2026, 9, 30))
    with pytest.raises(ValidationError, match='received before thanking'):
        replace(LETTER, thanked_on=date(2026, 10, 2))
    with pytest.raises(ValidationError, match='future'):
        received(LETTER, date(2026, 10, 5), date(2026, 10, 4))


def test_the_form_names_the_application_and_refuses_a_future_ask() -> None:
    form = LetterForm(application_id='app1', asked_on='2026-10-01')
    letter = form.to_letter('alex', None, date(2026, 10, 2), application_label=lambda _: 'Engineer at Initech')
    assert (letter.purpose, letter.application_id, letter.asked_on) == ('Engineer at Initech', 'app1', ASKED)
    with pytest.raises(ValidationError) as error:
        LetterForm(purpose='PhD', asked_on='2026-10-03').to_letter('alex', None, date(2026, 10, 2),
                                                                   application_label=lambda _: None)
    assert error.value.field == 'asked_on'
    with pytest.raises(ValidationError) as error:
        LetterForm(asked_on='2026-10-01').to_letter('alex', None, date(2026, 10, 2), application_label=lambda _: None)
    assert error.value.field == 'purpose'


def test_clearing_the_received_date_clears_the_thanks() -> None:
    done = replace(LETTER, received_on=date(2026, 10, 20), thanked_on=date(2026, 10, 21))
    form = replace(LetterForm.from_letter(done), received_on='')
    edited = form.to_letter('alex', done, date(2026, 10, 22), application_label=lambda _: None)
    assert (edited.received_on, edited.thanked_on) == (None, None)
