"""Records refuse bad input with messages that name the value and the fix."""

from __future__ import annotations

from datetime import date

import pytest

from careernet_ui.domain import (
    Accomplishment,
    Contact,
    Feedback,
    Interaction,
    Metric,
    ReferenceConsent,
    Role,
    Settings,
    Stage,
    ValidationError,
)
from careernet_ui.domain.contacts import move_to_stage
from careernet_ui.domain.forms.contact import ContactForm

TODAY = date(2026, 11, 25)


def test_names_are_trimmed_and_required() -> None:
    assert Contact(name='  Dana Okafor ').name == 'Dana Okafor'
    with pytest.raises(ValidationError, match='Name is required') as caught:
        Contact(name='   ')
    assert caught.value.field == 'name'


@pytest.mark.parametrize('email', ['dana', 'dana@', '@example.com', 'dana@example', 'a b@example.com', 'a@b@c.com'])
def test_malformed_emails_are_refused(email: str) -> None:
    with pytest.raises(ValidationError, match='is not an e-mail address'):
        Contact(name='Dana', emails=(email,))


def test_emails_are_deduplicated_case_insensitively() -> None:
    assert Contact(name='Dana', emails=('d@x.com', 'D@X.com', ' ')).emails == ('d@x.com',)


def test_unknown_stage_and_role_list_the_known_ones() -> None:
    with pytest.raises(ValidationError, match='Unknown stage "champion"; choose one of: contact, potential_advocate'):
        Contact(name='Dana', stage='champion')  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match='Unknown role "boss"'):
        Contact(name='Dana', role='boss')  # type: ignore[arg-type]
    assert Contact(name='Dana', role='mentor').role is Role.MENTOR  # type: ignore[arg-type]


def test_oversized_text_is_refused_with_its_size() -> None:
    with pytest.raises(ValidationError, match='Notes is 100,000 characters long; the limit is 20,000'):
        Contact(name='Dana', notes='x' * 100_000)
    with pytest.raises(ValidationError, match='Name is 201 characters'):
        Contact(name='x' * 201)


def test_impossible_dates_are_refused() -> None:
    with pytest.raises(ValidationError, match='out of range'):
        Interaction(contact_id='c', kind='call', on=date(2999, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match='before it was given'):
        ReferenceConsent(given_on=date(2026, 5, 1), expires_on=date(2026, 4, 1))
    with pytest.raises(ValidationError, match='before the start'):
        Accomplishment(title='Ship', on=date(2026, 5, 1), until=date(2026, 4, 1))
    with pytest.raises(ValidationError, match='before it was asked'):
        Feedback(contact_id='c', asked_on=date(2026, 5, 1), received_on=date(2026, 4, 1))


def test_consent_validity_respects_expiry() -> None:
    consent = ReferenceConsent(given_on=date(2026, 1, 1), expires_on=date(2026, 6, 30))
    assert consent.valid_on(date(2026, 6, 30))
    assert not consent.valid_on(date(2026, 7, 1))
    assert not consent.valid_on(date(2025, 12, 31))


def test_metric_value_must_be_a_number() -> None:
    assert Metric(name='revenue', value='1,200', unit='USD').value == 1200.0  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match='Metric value must be a number, not "lots"'):
        Metric(name='revenue', value='lots')  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match='finite'):
        Metric(name='revenue', value=float('nan'))
    assert Metric(name='p95 latency', value=120, unit='ms', baseline=800).describe() == 'p95 latency 800 → 120 ms'


def test_cadence_must_be_a_sensible_number_of_days() -> None:
    with pytest.raises(ValidationError, match='whole number of days'):
        Contact(name='Dana', cadence_days=0)
    assert Contact(name='Dana', cadence_days=30).cadence_days == 30


def test_settings_refuse_a_short_token_and_bad_time() -> None:
    with pytest.raises(ValidationError, match='128 random bits'):
        Settings(feed_token='short')
    with pytest.raises(ValidationError, match='not a time of day'):
        Settings(feed_time='25:00')
    assert len(Settings().feed_token) >= 22


def test_stage_moves_are_recorded_with_their_date() -> None:
    dana = Contact(name='Dana')
    moved = move_to_stage(dana, Stage.REFERENCE, TODAY, 'Gave a reference')
    assert moved.stage is Stage.REFERENCE
    assert moved.stage_history[-1].from_stage is Stage.CONTACT
    assert moved.stage_history[-1].on == TODAY
    assert move_to_stage(moved, Stage.REFERENCE, TODAY) is moved


def test_contact_form_round_trips_and_names_bad_fields() -> None:
    form = ContactForm(name='Mei Chen', emails='mei@globex.com; m@chen.io', tags='Data, ML',
                       consent_given_on='2026-01-02', consent_expires_on='2027-01-02', stage='reference')
    contact = form.to_contact(None, TODAY)
    assert contact.emails == ('mei@globex.com', 'm@chen.io')
    assert contact.tags == ('data', 'ml')
    assert contact.stage_history[0].to_stage is Stage.REFERENCE
    assert ContactForm.from_contact(contact).consent_expires_on == '2027-01-02'
    with pytest.raises(ValidationError) as caught:
        ContactForm(name='Mei', consent_given_on='2nd of May').to_contact(None, TODAY)
    assert caught.value.field == 'consent_given_on'
    with pytest.raises(ValidationError) as caught:
        ContactForm(name='Mei', cadence_days='often').to_contact(None, TODAY)
    assert caught.value.field == 'cadence_days'


@pytest.mark.parametrize('typed', ['Dana\r\nOkafor', 'Dana\n  Okafor ', '  Dana \r Okafor'])
def test_names_are_kept_on_one_line(typed: str) -> None:
    """A name pasted with a line break would split calendar titles (SUMMARY, alarm text)."""
    assert Contact(name=typed).name == 'Dana Okafor'
