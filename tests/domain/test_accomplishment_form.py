"""The accomplishment form: what a person types, checked, turned into an Accomplishment."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from careernet_ui.domain import Accomplishment, Metric, Share, ValidationError
from careernet_ui.domain.forms.accomplishment import AccomplishmentForm

TODAY = date(2026, 11, 25)
KNOWN = {'c-mei', 'c-dana'}


def build(form: AccomplishmentForm, existing: Accomplishment | None = None) -> Accomplishment:
    return form.to_accomplishment(existing, TODAY, is_contact=KNOWN.__contains__)


def refused(form: AccomplishmentForm) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        build(form)
    return caught.value


def latency(**changes: object) -> AccomplishmentForm:
    form = AccomplishmentForm(title='Cut checkout p95 latency', on='2026-10-03', metric_name='p95 latency',
                              metric_value='120', metric_unit='ms', metric_baseline='800',
                              witness_ids=['c-mei', 'c-dana'], tags='performance, Python')
    return replace(form, **changes)  # type: ignore[arg-type]


def test_a_full_form_becomes_an_accomplishment_with_a_readable_metric() -> None:
    accomplishment = build(latency(role='Senior engineer', project='Checkout', organisation='Acme Corp',
                                   description='Profiled and rewrote the pricing call.',
                                   evidence_url='https://wiki.example.com/checkout'))
    assert accomplishment.title == 'Cut checkout p95 latency'
    assert accomplishment.on == date(2026, 10, 3)
    assert accomplishment.metric is not None
    assert accomplishment.metric.describe() == 'p95 latency 800 → 120 ms'
    assert accomplishment.witness_ids == ('c-mei', 'c-dana')
    assert accomplishment.tags == ('performance', 'python')
    assert (accomplishment.role, accomplishment.project, accomplishment.organisation) == \
        ('Senior engineer', 'Checkout', 'Acme Corp')


@pytest.mark.parametrize('typed', ['fast', '12 ms', '1.2.3', 'nan', 'inf'])
def test_the_metric_value_must_be_a_number(typed: str) -> None:
    error = refused(latency(metric_value=typed))
    assert error.field == 'metric_value'
    assert 'number' in str(error)


def test_the_baseline_must_be_a_number_too() -> None:
    error = refused(latency(metric_baseline='before'))
    assert error.field == 'metric_baseline'
    assert str(error) == 'Baseline "before" is not a number.'


@pytest.mark.parametrize(('typed', 'value'), [('-40', -40.0), ('1,200', 1200.0), ('1.2', 1.2), ('−40', -40.0)])
def test_numbers_are_read_as_people_write_them(typed: str, value: float) -> None:
    metric = build(latency(metric_value=typed, metric_baseline='')).metric
    assert metric is not None
    assert metric.value == value


def test_the_unit_is_optional() -> None:
    metric = build(latency(metric_name='services migrated', metric_value='40', metric_unit='',
                           metric_baseline='')).metric
    assert metric == Metric(name='services migrated', value=40.0)
    assert metric.describe() == 'services migrated 40'


def test_large_values_are_described_in_full() -> None:
    metric = build(latency(metric_name='revenue', metric_value='1234567', metric_unit='USD',
                           metric_baseline='')).metric
    assert metric is not None
    assert metric.describe() == 'revenue 1234567 USD'


def test_no_metric_at_all_is_fine() -> None:
    accomplishment = build(latency(metric_name='', metric_value='', metric_unit='', metric_baseline=''))
    assert accomplishment.metric is None


def test_a_value_without_a_metric_name_asks_for_the_name() -> None:
    error = refused(latency(metric_name='  '))
    assert error.field == 'metric_name'


def test_a_metric_name_without_a_value_asks_for_the_value() -> None:
    error = refused(latency(metric_value=''))
    assert error.field == 'metric_value'


def test_witnesses_must_be_existing_contacts() -> None:
    error = refused(latency(witness_ids=['c-mei', 'c-deleted']))
    assert error.field == 'witness_ids'
    assert str(error) == ('1 of the witnesses chosen is not in your contacts (deleted in another tab?): '
                          'remove them and choose again.')


def test_a_witness_chosen_twice_counts_once() -> None:
    assert build(latency(witness_ids=['c-mei', 'c-mei'])).witness_ids == ('c-mei',)


def test_the_title_is_required() -> None:
    error = refused(latency(title='   '))
    assert (error.field, str(error)) == ('title', 'Title is required.')


@pytest.mark.parametrize(('changes', 'field', 'message'), [
    ({'on': ''}, 'on', 'Date is required.'),
    ({'on': '3 Oct 2026'}, 'on', 'Date "3 Oct 2026" is not a date; use YYYY-MM-DD, e.g. 2026-03-14.'),
    ({'on': '2026-02-30'}, 'on', 'is not a date'),
    ({'on': '2026-11-26'}, 'on', 'Date 2026-11-26 is in the future; use a date on or before 2026-11-25.'),
    ({'on': '1850-01-01'}, 'on', 'out of range'),
    ({'until': '2026-10-01'}, 'until', 'The end date 2026-10-01 is before the start 2026-10-03.'),
    ({'until': '2027-01-01'}, 'until', 'in the future'),
])
def test_dates_must_be_sane(changes: dict[str, str], field: str, message: str) -> None:
    error = refused(latency(**changes))
    assert error.field == field
    assert message in str(error)


def test_a_period_keeps_its_end_date() -> None:
    accomplishment = build(latency(on='2026-03-01', until='2026-09-30'))
    assert (accomplishment.on, accomplishment.until) == (date(2026, 3, 1), date(2026, 9, 30))


@pytest.mark.parametrize('link', ['javascript:alert(1)', 'wiki/checkout', 'ftp://files.example.com/x'])
def test_the_evidence_link_must_be_a_web_address(link: str) -> None:
    error = refused(latency(evidence_url=link))
    assert error.field == 'evidence_url'
    assert 'https://' in str(error)


def test_editing_round_trips_and_keeps_id_creation_and_shares() -> None:
    original = build(latency(until='2026-10-20', description='Rewrote it.', evidence_url='http://x.example'))
    original = replace(original, shared=(Share(contact_id='c-mei', on=date(2026, 10, 25)),))
    form = AccomplishmentForm.from_accomplishment(original)
    assert (form.metric_value, form.metric_baseline, form.tags) == ('120', '800', 'performance, python')
    again = build(form, original)
    assert again == original
    edited = build(replace(form, title='Cut checkout latency by 85%'), original)
    assert (edited.id, edited.created_at, edited.shared) == (original.id, original.created_at, original.shared)
    assert edited.title == 'Cut checkout latency by 85%'


def test_an_explicit_plus_sign_is_kept() -> None:
    # Issue 12: "revenue +1.2 M USD" read "revenue 1.2 M USD" once saved.
    form = AccomplishmentForm(title='Grew revenue', on='2026-11-01', metric_name='revenue', metric_value='+1.2',
                              metric_unit='M USD')
    accomplishment = form.to_accomplishment(None, date(2026, 11, 25), is_contact=lambda _: True)
    assert accomplishment.metric is not None
    assert accomplishment.metric.describe() == 'revenue +1.2 M USD'
    assert AccomplishmentForm.from_accomplishment(accomplishment).metric_value == '+1.2'
    plain = AccomplishmentForm(title='Cut latency', on='2026-11-01', metric_name='p95', metric_value='120')
    unsigned = plain.to_accomplishment(None, date(2026, 11, 25), is_contact=lambda _: True).metric
    assert unsigned is not None
    assert unsigned.describe() == 'p95 120'
