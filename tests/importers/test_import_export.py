"""Exporting contacts to CSV and vCard: safe in spreadsheets, standard, deterministic."""

from __future__ import annotations

import csv
import io
from datetime import date

import vobject

from careernet_ui.domain.contacts import Contact, Role, Stage
from careernet_ui.importers import (
    EXPORT_COLUMNS,
    contacts_to_csv,
    contacts_to_vcard,
    parse_contacts_csv_text,
    parse_vcard_text,
)


def dana() -> Contact:
    return Contact(
        name='Dana Okafor',
        role=Role.SUPERVISOR,
        organisation='Acme Corp',
        title='Engineering Manager',
        emails=('dana@acme.example', 'dana@home.example'),
        phones=('+1 (415) 555-0142',),
        links=('https://www.linkedin.com/in/dana-okafor',),
        tags=('former boss', 'acme'),
        notes='Managed me 2021-2023.\nHappy to be a reference.',
        stage=Stage.REFERENCE,
        connected_on=date(2013, 1, 21),
    )


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline='')))


def test_csv_has_the_template_columns_and_one_row_per_contact() -> None:
    text = contacts_to_csv([dana(), Contact(name='Mei Chen')])

    header, first, second = rows_of(text)
    assert header == list(EXPORT_COLUMNS)
    assert header[:7] == ['name', 'email', 'organisation', 'title', 'role', 'stage', 'tags']
    assert dict(zip(header, first, strict=True)) == {
        'name': 'Dana Okafor',
        'email': 'dana@acme.example; dana@home.example',
        'organisation': 'Acme Corp',
        'title': 'Engineering Manager',
        'role': 'supervisor',
        'stage': 'reference',
        'tags': 'former boss; acme',
        'phones': "'+1 (415) 555-0142",
        'links': 'https://www.linkedin.com/in/dana-okafor',
        'notes': 'Managed me 2021-2023.\nHappy to be a reference.',
        'connected_on': '2013-01-21',
    }
    assert second[0] == 'Mei Chen'
    assert text.endswith('\r\n')


def test_csv_cells_that_could_run_as_formulas_are_neutralized() -> None:
    risky = Contact(
        name='=HYPERLINK("http://evil.example","click")',
        organisation='+cmd|/C calc!A0',
        title='-2+3',
        notes='@SUM(A1:A9)',
        tags=('=x',),
    )

    _, cells = rows_of(contacts_to_csv([risky]))

    row = dict(zip(EXPORT_COLUMNS, cells, strict=True))
    assert row['name'] == '\'=HYPERLINK("http://evil.example","click")'
    assert row['organisation'] == "'+cmd|/C calc!A0"
    assert row['title'] == "'-2+3"
    assert row['notes'] == "'@SUM(A1:A9)"
    assert row['tags'] == "'=x"
    assert not any(cell.startswith(('=', '+', '-', '@', '\t', '\r')) for cell in cells)


def test_csv_export_reads_back_through_the_template_parser() -> None:
    risky = Contact(name='Mallory', organisation='=1+1', title="'=quoted already")

    parsed = parse_contacts_csv_text(contacts_to_csv([dana(), risky]))

    assert parsed.format == 'template_csv'
    back_dana, back_risky = (row.contact for row in parsed.rows)
    assert (back_dana.emails, back_dana.phones, back_dana.stage) == (dana().emails, dana().phones, Stage.REFERENCE)
    assert back_dana.connected_on == date(2013, 1, 21)
    assert (back_risky.organisation, back_risky.title) == ('=1+1', "'=quoted already")


def test_a_list_value_holding_the_separator_reads_back_whole() -> None:
    """Found by hypothesis: a link with a ';' came back as two links (or none)."""
    semi = Contact(name='Semi', links=('https://example.com/a;b', 'https://example.com/c'), phones=(';',),
                   tags=('a;b',))

    back = parse_contacts_csv_text(contacts_to_csv([semi, dana()])).rows

    assert (back[0].contact.links, back[0].contact.phones, back[0].contact.tags) == (semi.links, semi.phones,
                                                                                     semi.tags)
    assert rows_of(contacts_to_csv([dana()]))[1][8] == 'https://www.linkedin.com/in/dana-okafor'  # one: as before
    assert back[1].contact.tags == dana().tags


def test_the_same_contacts_give_the_same_bytes() -> None:
    contacts = [dana(), Contact(name='Mei Chen', organisation='Globex')]

    assert contacts_to_csv(contacts) == contacts_to_csv(contacts)
    assert contacts_to_vcard(contacts) == contacts_to_vcard(contacts)


def test_vcard_is_version_3_with_every_field() -> None:
    contact = dana()

    card = vobject.readOne(contacts_to_vcard([contact]))

    assert card.version.value == '3.0'
    assert card.uid.value == contact.id
    assert card.fn.value == 'Dana Okafor'
    assert (card.n.value.given, card.n.value.family) == ('Dana', 'Okafor')
    assert card.org.value == ['Acme Corp']
    assert card.title.value == 'Engineering Manager'
    assert [line.value for line in card.contents['email']] == ['dana@acme.example', 'dana@home.example']
    assert [line.value for line in card.contents['tel']] == ['+1 (415) 555-0142']
    assert card.url.value == 'https://www.linkedin.com/in/dana-okafor'
    assert card.note.value == 'Managed me 2021-2023.\nHappy to be a reference.'
    assert card.categories.value == ['former boss', 'acme']
    assert card.contents['x-careernet-role'][0].value == 'supervisor'
    assert card.contents['x-careernet-stage'][0].value == 'reference'
    assert card.contents['x-careernet-connected-on'][0].value == '2013-01-21'


def test_vcard_lines_end_in_crlf_and_long_lines_are_folded() -> None:
    text = contacts_to_vcard([Contact(name='Dana Okafor', notes='word ' * 100)])

    lines = text.split('\r\n')
    assert '\n' not in text.replace('\r\n', '')
    assert max(len(line.encode()) for line in lines) <= 76
    assert any(line.startswith(' ') for line in lines)


def test_vcard_export_reads_back_through_the_vcard_parser() -> None:
    single = Contact(name='Cher', organisation='Acme; Inc, Ltd', tags=('a,b',))

    parsed = parse_vcard_text(contacts_to_vcard([dana(), single]))

    back_dana, back_single = (row.contact for row in parsed.rows)
    assert (back_dana.name, back_dana.role, back_dana.stage) == ('Dana Okafor', Role.SUPERVISOR, Stage.REFERENCE)
    assert back_dana.notes == dana().notes
    assert (back_single.name, back_single.organisation, back_single.tags) == ('Cher', 'Acme; Inc, Ltd', ('a,b',))
