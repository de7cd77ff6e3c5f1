"""Property: contacts exported to CSV or vCard and imported again are the same contacts."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from careernet_ui.domain.contacts import Contact, Role, Stage
from careernet_ui.domain.errors import ValidationError
from careernet_ui.importers import contacts_to_csv, contacts_to_vcard, parse_contacts_csv_text, parse_vcard_text

# Any printable text: letters of every script, punctuation (formula starters = + - @ included),
# symbols and spaces. Control characters are not something a person types into a field.
TEXT = st.characters(exclude_categories=('Cc', 'Cs'))
# List cells are separated by ";" and that has no escape in the template (documented), so list
# items are generated without it.
ITEM = st.characters(exclude_categories=('Cc', 'Cs'), exclude_characters=';')

emails = st.from_regex(r'[A-Za-z0-9._%+=-]{1,12}@[a-z0-9-]{1,10}\.[a-z]{2,6}', fullmatch=True)
phones = st.text(alphabet='0123456789 +-().x', min_size=1, max_size=20)
links = st.from_regex(r'https://[a-z]{1,10}\.example/[A-Za-z0-9_~%.-]{0,12}', fullmatch=True)


@st.composite
def contacts(draw: st.DrawFn) -> Contact:
    fields: dict[str, Any] = {
        'name': draw(st.text(TEXT, min_size=1, max_size=40)),
        'emails': draw(st.lists(emails, max_size=3)),
        'organisation': draw(st.text(TEXT, max_size=40)),
        'title': draw(st.text(TEXT, max_size=40)),
        'role': draw(st.sampled_from(Role)),
        'stage': draw(st.sampled_from(Stage)),
        'tags': draw(st.lists(st.text(ITEM, min_size=1, max_size=15), max_size=4)),
        'phones': draw(st.lists(phones, max_size=3)),
        'links': draw(st.lists(links, max_size=2)),
        'notes': draw(st.text(st.one_of(TEXT, st.just('\n')), max_size=120)),
        'connected_on': draw(st.none() | st.dates(date(1900, 1, 1), date(2100, 12, 31))),
    }
    try:
        return Contact(**fields)
    except ValidationError:  # e.g. a name of spaces only: not a contact anyone can have
        return Contact(name='Placeholder Person')


def exported_fields(contact: Contact) -> tuple[object, ...]:
    return (
        contact.name,
        contact.emails,
        contact.organisation,
        contact.title,
        contact.role,
        contact.stage,
        contact.tags,
        contact.phones,
        contact.links,
        contact.notes,
        contact.connected_on,
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(contacts(), min_size=1, max_size=5))
def test_csv_export_then_import_gives_the_same_contacts(people: list[Contact]) -> None:
    parsed = parse_contacts_csv_text(contacts_to_csv(people))

    assert parsed.skipped == []
    assert [row.warnings for row in parsed.rows] == [[] for _ in people]
    assert [exported_fields(row.contact) for row in parsed.rows] == [exported_fields(person) for person in people]


@settings(max_examples=300, deadline=None)
@given(st.lists(contacts(), min_size=1, max_size=5))
def test_vcard_export_then_import_gives_the_same_contacts(people: list[Contact]) -> None:
    parsed = parse_vcard_text(contacts_to_vcard(people))

    assert parsed.skipped == []
    assert [row.warnings for row in parsed.rows] == [[] for _ in people]
    assert [exported_fields(row.contact) for row in parsed.rows] == [exported_fields(person) for person in people]
