"""Searching, filtering, sorting and paging contacts."""

from __future__ import annotations

from careernet_ui.domain import Contact, Role, Stage
from careernet_ui.domain.contact_search import ContactQuery, ContactSort, search_contacts

PEOPLE = [
    Contact(name='Dana Okafor', organisation='Acme Corp', role=Role.SUPERVISOR, stage=Stage.REFERENCE,
            tags=('payments',)),
    Contact(name='José Martín', organisation='Vandelay', role=Role.RECRUITER, emails=('jose@vandelay.example',)),
    Contact(name='Mei Chen', organisation='Acme Corp', role=Role.MENTOR, stage=Stage.ADVOCATE),
]


def names(query: ContactQuery) -> list[str]:
    return [c.name for c in search_contacts(PEOPLE, query).items]


def test_every_word_must_match_somewhere_ignoring_case_and_accents() -> None:
    assert names(ContactQuery(text='acme dana')) == ['Dana Okafor']
    assert names(ContactQuery(text='JOSE')) == ['José Martín']
    assert names(ContactQuery(text='payments')) == ['Dana Okafor']
    assert names(ContactQuery(text='vandelay.example')) == ['José Martín']
    assert names(ContactQuery(text='nobody')) == []


def test_filters_combine() -> None:
    assert names(ContactQuery(role=Role.MENTOR)) == ['Mei Chen']
    assert names(ContactQuery(stage=Stage.REFERENCE, text='acme')) == ['Dana Okafor']


def test_sorting() -> None:
    assert names(ContactQuery(sort=ContactSort.STAGE)) == ['Mei Chen', 'Dana Okafor', 'José Martín']
    assert names(ContactQuery(sort=ContactSort.ORGANISATION)) == ['Dana Okafor', 'Mei Chen', 'José Martín']


def test_paging_clamps_to_the_last_page() -> None:
    page = search_contacts(PEOPLE, ContactQuery(page=9, page_size=2))
    assert (page.page, page.pages, page.total) == (2, 2, 3)
    assert [c.name for c in page.items] == ['Mei Chen']
