"""Google Contacts CSV (current and older layout) and CareerNet's own CSV template."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from careernet_ui.domain.contacts import Role, Stage
from careernet_ui.importers import TEMPLATE_COLUMNS, ImportFormatError, parse_contacts_csv, parse_contacts_csv_text

FIXTURES = Path(__file__).parent / 'fixtures'


def test_google_export_with_multiple_values_labels_and_department() -> None:
    parsed = parse_contacts_csv(FIXTURES / 'google-contacts.csv')

    assert parsed.format == 'google_csv'
    kwame = parsed.rows[0].contact
    assert kwame.name == 'Kwame Mensah'
    assert kwame.organisation == 'Wayne Enterprises, Inc.'
    assert kwame.title == 'Senior Software Engineer'
    assert kwame.emails == ('kwame@wayne.example', 'kwame.mensah@gmail.example', 'kwame@home.example')
    assert kwame.phones == ('+1 212 555 0142', '+1 212 555 0100')
    assert kwame.links == ('https://www.linkedin.com/in/kwame-mensah-4078',)
    assert kwame.tags == ('colleagues',)  # "* myContacts" and "* starred" are Google's, not the user's
    assert kwame.notes == 'Former teammate.\nGreat at code review.\n\nDepartment: Platform'
    assert kwame.source == 'google'


def test_google_rows_without_a_name_or_with_a_bad_email() -> None:
    parsed = parse_contacts_csv(FIXTURES / 'google-contacts.csv')

    assert [(row.line, row.contact.name) for row in parsed.rows] == [(2, 'Kwame Mensah'), (4, 'Sofia Rossi')]
    assert parsed.rows[1].contact.emails == ()
    assert parsed.rows[1].warnings == [
        '"sofia(at)example.com" is not an e-mail address (expected name@example.com). It was left out.'
    ]
    assert [(skipped.line, skipped.reason) for skipped in parsed.skipped] == [
        (5, 'This entry has no name; a contact needs one.')
    ]
    assert parsed.blank_rows == 1


def test_google_older_layout() -> None:
    parsed = parse_contacts_csv(FIXTURES / 'google-contacts-legacy.csv')

    assert parsed.format == 'google_csv'
    hiroshi, omar = (row.contact for row in parsed.rows)
    assert hiroshi.name == 'Hiroshi Tanaka'
    assert hiroshi.organisation == 'Wayne Enterprises, Inc.'
    assert hiroshi.title == 'Product Designer'
    assert hiroshi.emails == ('hiroshi@wayne.example',)
    assert hiroshi.phones == ('+81 90 1234 5678',)
    assert hiroshi.tags == ('design',)
    assert omar.name == 'Omar Khalil'  # no Name cell: Given Name + Family Name


def test_outlook_columns_are_read_too() -> None:
    text = (
        'First Name,Last Name,Company,Job Title,E-mail Address,E-mail 2 Address,Mobile Phone,Categories,Web Page\n'
        'Yuki,Sato,Acme Corp,Recruiter,yuki@acme.example,yuki@home.example,+81 80 0000 0000,Recruiters;Tokyo,'
        'https://yuki.example/cv\n'
    )

    yuki = parse_contacts_csv_text(text).rows[0].contact

    assert (yuki.organisation, yuki.title) == ('Acme Corp', 'Recruiter')
    assert yuki.emails == ('yuki@acme.example', 'yuki@home.example')
    assert yuki.phones == ('+81 80 0000 0000',)
    assert yuki.tags == ('recruiters', 'tokyo')
    assert yuki.links == ('https://yuki.example/cv',)


def test_template_rows_with_labels_lists_and_defaults() -> None:
    parsed = parse_contacts_csv(FIXTURES / 'template.csv')

    assert parsed.format == 'template_csv'
    ingrid, _noah, chloe = (row.contact for row in parsed.rows)
    assert ingrid.name == 'Ingrid Berg'
    assert ingrid.emails == ('ingrid.berg@example.com', 'ingrid@home.example')
    assert ingrid.role is Role.SUPERVISOR  # "Supervisor"
    assert ingrid.stage is Stage.POTENTIAL_ADVOCATE  # "Potential advocate"
    assert ingrid.tags == ('former boss', 'vandelay')
    assert ingrid.source == 'csv'
    assert (chloe.role, chloe.stage) == (Role.OTHER, Stage.CONTACT)
    assert parsed.blank_rows == 1


def test_template_unknown_stage_skips_the_row_naming_the_value_and_the_allowed_ones() -> None:
    parsed = parse_contacts_csv(FIXTURES / 'template.csv')

    assert [(skipped.line, skipped.name, skipped.reason) for skipped in parsed.skipped] == [
        (
            4,
            'Hannah Schmidt',
            'Unknown stage "champion"; use one of: contact, potential_advocate, reference, advocate.',
        ),
        (5, '', 'This entry has no name; a contact needs one.'),
    ]


def test_a_role_typo_keeps_the_person_with_the_default_role_and_a_warning() -> None:
    # Issue 12: a typo in the role column used to skip the person altogether.
    parsed = parse_contacts_csv(FIXTURES / 'template.csv')
    [noah] = [row for row in parsed.rows if row.contact.name == 'Noah Williams']
    assert noah.contact.role is Role.OTHER
    assert noah.warnings == ['Unknown role "boss"; use one of: supervisor, colleague, mentor, client, peer, '
                             'recruiter, other. Kept as "Other"; change it on their page.']


def test_template_columns_it_does_not_know_are_named_in_a_warning() -> None:
    parsed = parse_contacts_csv(FIXTURES / 'template.csv')

    assert parsed.warnings == [
        'These columns are not part of the CareerNet template and were ignored: favourite colour.'
    ]


def test_template_header_spellings_and_connected_on() -> None:
    text = 'Name,E-mail,Organization,Connected On\nDana Okafor,dana@example.com,Acme,2013-01-21\n'

    dana = parse_contacts_csv_text(text).rows[0].contact

    assert (dana.emails, dana.organisation, dana.connected_on) == (('dana@example.com',), 'Acme', date(2013, 1, 21))


def test_template_with_only_a_name_column() -> None:
    parsed = parse_contacts_csv_text('name\r\nDana Okafor\r\n\r\nMei Chen\r\n')

    assert [(row.line, row.contact.name) for row in parsed.rows] == [(2, 'Dana Okafor'), (4, 'Mei Chen')]
    assert parsed.blank_rows == 1


def test_a_csv_with_other_columns_is_refused_naming_them_and_the_expected_ones() -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_contacts_csv_text('Date,Amount,Payee\n2024-01-01,12.50,Coffee\n')

    message = str(caught.value)
    assert message.startswith(
        'This CSV is not a contacts file CareerNet knows: its first row has the columns "Date", "Amount", "Payee".'
    )
    assert ', '.join(TEMPLATE_COLUMNS) in message
    assert 'Google Contacts export' in message


def test_a_line_the_csv_module_cannot_read_is_reported_with_its_number() -> None:
    text = 'name,notes\nDana Okafor,' + 'x' * 200_000 + '\n'

    with pytest.raises(ImportFormatError, match=r'^Line 2 cannot be read as CSV \(field larger than field limit'):
        parse_contacts_csv_text(text)
