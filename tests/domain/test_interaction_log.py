"""Logging an interaction: what is refused, with which message, and what is built."""

from __future__ import annotations

from datetime import date

import pytest

from careernet_ui.domain.errors import ValidationError
from careernet_ui.domain.interaction_log import InteractionForm, new_interaction
from careernet_ui.domain.interactions import InteractionKind

TODAY = date(2026, 11, 25)


def test_a_valid_entry_becomes_an_interaction() -> None:
    logged = new_interaction(contact_id='c1', kind='coffee', on=TODAY, note='  Talked about Hooli.  ', today=TODAY)
    assert (logged.contact_id, logged.kind, logged.on, logged.note) == (
        'c1', InteractionKind.COFFEE, TODAY, 'Talked about Hooli.')


@pytest.mark.parametrize('kind', ['', '   ', None])
def test_an_empty_kind_is_refused_with_the_choices(kind: str | None) -> None:
    with pytest.raises(ValidationError, match='Choose what kind of interaction it was: call, coffee') as caught:
        new_interaction(contact_id='c1', kind=kind, on=TODAY, note='', today=TODAY)
    assert caught.value.field == 'kind'


def test_an_unknown_kind_is_refused_by_name() -> None:
    with pytest.raises(ValidationError, match='Unknown interaction kind "carrier pigeon"') as caught:
        new_interaction(contact_id='c1', kind='carrier pigeon', on=TODAY, note='', today=TODAY)
    assert caught.value.field == 'kind'


@pytest.mark.parametrize('on', [date(2999, 1, 1), date(2026, 11, 26)])
def test_a_future_date_is_refused(on: date) -> None:
    with pytest.raises(ValidationError, match=f'Date {on.isoformat()} is in the future; use a date on or before '
                                              '2026-11-25') as caught:
        new_interaction(contact_id='c1', kind='call', on=on, note='', today=TODAY)
    assert caught.value.field == 'on'


def test_a_100_kb_note_is_refused_with_the_limit() -> None:
    with pytest.raises(ValidationError, match='Note is 100,000 characters long; the limit is 20,000') as caught:
        new_interaction(contact_id='c1', kind='call', on=TODAY, note='x' * 100_000, today=TODAY)
    assert caught.value.field == 'note'


def test_the_form_defaults_to_today_and_parses_what_was_typed() -> None:
    form = InteractionForm.for_today(TODAY)
    assert (form.kind, form.on, form.note) == ('', '2026-11-25', '')
    form.kind, form.on, form.note = 'advice_asked', '2026-02-28', 'Negotiation tips.'
    logged = form.to_interaction('c1', TODAY)
    assert (logged.kind, logged.on) == (InteractionKind.ADVICE_ASKED, date(2026, 2, 28))


@pytest.mark.parametrize(('typed', 'message'), [
    ('', 'Date is required.'),
    ('next tuesday', 'Date "next tuesday" is not a date; use YYYY-MM-DD'),
    ('2999-01-01', 'Date 2999-01-01 is in the future'),
])
def test_the_form_explains_a_bad_date(typed: str, message: str) -> None:
    form = InteractionForm(kind='call', on=typed)
    with pytest.raises(ValidationError, match=message) as caught:
        form.to_interaction('c1', TODAY)
    assert caught.value.field == 'on'
