"""Offering a few contacts to choose from, out of many."""

from __future__ import annotations

from careernet_ui.domain import Contact, Stage
from careernet_ui.domain.contact_choice import choice_label, choose_contacts

PEOPLE = [
    Contact(id='1', name='Zoe Reference', stage=Stage.REFERENCE),
    Contact(id='2', name='Adam Contact', organisation='Acme'),
    Contact(id='3', name='Bea Advocate', stage=Stage.ADVOCATE, organisation='Acme'),
    *[Contact(id=f'x{n}', name=f'Person {n:05}') for n in range(3000)],
]


def names(text: str, **kwargs: object) -> list[str]:
    return [c.name for c in choose_contacts(PEOPLE, text, **kwargs)]  # type: ignore[arg-type]


def test_references_and_advocates_come_first_and_the_list_is_capped() -> None:
    shown = names('')
    assert shown[:3] == ['Bea Advocate', 'Zoe Reference', 'Adam Contact']
    assert len(shown) == 20


def test_every_word_must_match_name_or_organisation() -> None:
    assert names('acme') == ['Bea Advocate', 'Adam Contact']
    assert names('acme adam') == ['Adam Contact']
    assert names('person 0299', limit=3) == ['Person 00299', 'Person 02990', 'Person 02991']


def test_with_no_preference_the_order_is_by_name() -> None:
    assert names('', prefer=(), limit=3) == ['Adam Contact', 'Bea Advocate', 'Person 00000']


def test_the_label_names_organisation_and_stage() -> None:
    assert choice_label(PEOPLE[2]) == 'Bea Advocate · Acme (Advocate)'
    assert choice_label(PEOPLE[0]) == 'Zoe Reference (Reference)'
