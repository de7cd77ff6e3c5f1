"""Text and ids refuse what no page, export or file can carry: lone surrogates, controls, odd ids."""

from __future__ import annotations

from datetime import date

import pytest

from careernet_ui.calendar.marks import FeedMark
from careernet_ui.domain import Contact, Interaction, InteractionKind, Settings, ValidationError


@pytest.mark.parametrize('bad', ['A\ud800B', 'A\x00B', 'A\x1bB', 'A\x7fB', 'A\x85B', 'A\tB', 'A\x0bB',
                                 'A\u2028B'])
def test_a_one_line_field_refuses_surrogates_and_controls(bad: str) -> None:
    with pytest.raises(ValidationError, match='remove it') as caught:
        Contact(name=bad)
    assert caught.value.field == 'name'


def test_a_line_break_typed_into_a_name_becomes_a_space() -> None:
    assert Contact(name='Dana\r\n  Okafor').name == 'Dana Okafor'


def test_a_multi_line_field_keeps_tab_and_newline_and_turns_carriage_returns_into_newlines() -> None:
    contact = Contact(name='Dana', notes='one\ttwo\r\nthree\rfour\nfive')
    assert contact.notes == 'one\ttwo\nthree\nfour\nfive'


@pytest.mark.parametrize('bad', ['x\x00y', 'x\ud800y', 'x\x0cy', 'x\x9fy'])
def test_a_multi_line_field_still_refuses_other_controls(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Contact(name='Dana', notes=bad)
    assert caught.value.field == 'notes'


def test_text_beyond_controls_is_kept() -> None:
    name = 'Zoë 李 \ufeff 🤝 \u200d \u202e'
    assert Contact(name=name).name == name.strip()


@pytest.mark.parametrize('bad', [7, ['a'], {'a': 1}, '', 'has space', 'é', 'x' * 201, '-lead', None])
def test_ids_are_only_ids(bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Contact(name='Dana', id=bad)  # type: ignore[arg-type]
    assert caught.value.field == 'id'


def test_references_to_other_records_are_ids_too() -> None:
    with pytest.raises(ValidationError) as caught:
        Interaction(contact_id=['c'], kind=InteractionKind.CALL, on=date(2026, 1, 1))  # type: ignore[arg-type]
    assert caught.value.field == 'contact_id'


@pytest.mark.parametrize(('name', 'value'), [('feed_alarm_minutes', [15]), ('dark_mode', 'yes'),
                                             ('feed_time', ['09:00']), ('cadence_days', [1]),
                                             ('feed_horizon_days', 10**4000)])
def test_settings_of_the_wrong_shape_name_the_setting(name: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(**{name: value})  # type: ignore[arg-type]
    assert caught.value.field == name
    assert len(str(caught.value)) < 200


def test_a_huge_number_is_named_without_printing_it() -> None:
    with pytest.raises(ValidationError, match='too large') as caught:
        Contact(name='Dana', cadence_days=10**4000)
    assert len(str(caught.value)) < 200


def test_a_feed_mark_with_a_sequence_no_calendar_can_read_is_refused() -> None:
    with pytest.raises(ValidationError):
        FeedMark(followup_id='digest-20260101', fingerprint='x', sequence=2**40, changed_at=date(2026, 1, 1))  # type: ignore[arg-type]


def test_line_separators_in_a_multi_line_field_become_newlines() -> None:
    assert Contact(name='Dana', notes='one\u2028two\u2029three').notes == 'one\ntwo\nthree'
