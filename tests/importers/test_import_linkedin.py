"""LinkedIn Connections.csv: preamble, BOM, CRLF, older columns, blank rows, bad dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from careernet_ui.importers import ImportFormatError, ParsedFile, parse_linkedin_csv, parse_linkedin_text

FIXTURES = Path(__file__).parent / 'fixtures'


def by_name(parsed: ParsedFile) -> dict[str, int]:
    return {row.contact.name: index for index, row in enumerate(parsed.rows)}


def test_the_shared_sample_imports_every_connection_with_its_fields() -> None:
    parsed = parse_linkedin_csv(FIXTURES / 'linkedin-Connections.csv')

    assert parsed.format == 'linkedin'
    assert len(parsed.rows) == 24
    assert parsed.skipped == []
    dana = parsed.rows[0]
    assert dana.line == 5  # after "Notes:", the quoted paragraph and a blank line
    assert dana.contact.name == 'Dana Okafor'
    assert dana.contact.organisation == 'Initech'
    assert dana.contact.title == 'Staff Engineer'
    assert dana.contact.emails == ('dana.okafor@example.com',)
    assert dana.contact.links == ('https://www.linkedin.com/in/dana-okafor-6305',)
    assert dana.contact.connected_on == date(2013, 1, 21)
    assert dana.contact.source == 'linkedin'
    kwame = parsed.rows[by_name(parsed)['Kwame Mensah']].contact
    assert kwame.organisation == 'Wayne Enterprises, Inc.'  # a quoted cell with a comma
    assert kwame.emails == ()
    omar = parsed.rows[by_name(parsed)['Omar Khalil']].contact
    assert (omar.organisation, omar.title) == ('', '')
    assert parsed.rows[-1].contact.name == 'Amara Nwosu'
    assert parsed.rows[-1].line == 28


def test_bom_crlf_long_preamble_and_blank_rows() -> None:
    parsed = parse_linkedin_csv(FIXTURES / 'linkedin-bom-crlf.csv')

    assert [row.contact.name for row in parsed.rows] == [
        'Dana Okafor',
        'Luis García',
        'Mallory Hacker',
        'Mei Chen',
        'Aisha Bello',
    ]
    assert [row.line for row in parsed.rows] == [7, 9, 11, 12, 14]
    assert parsed.blank_rows == 2  # an empty line and a row of empty cells
    assert parsed.rows[0].contact.emails == ('Dana.Okafor@Example.com',)


def test_an_unreadable_date_drops_the_date_not_the_person() -> None:
    parsed = parse_linkedin_csv(FIXTURES / 'linkedin-bom-crlf.csv')
    luis = parsed.rows[by_name(parsed)['Luis García']]

    assert luis.contact.connected_on is None
    assert luis.warnings == ['Connected On "31 Feb 2020" is not a date (expected e.g. 21 Jan 2013); it was left out.']
    aisha = parsed.rows[by_name(parsed)['Aisha Bello']]
    assert aisha.contact.connected_on is None
    assert '"sometime"' in aisha.warnings[0]


def test_an_invalid_email_is_dropped_with_a_warning() -> None:
    parsed = parse_linkedin_csv(FIXTURES / 'linkedin-bom-crlf.csv')
    mei = parsed.rows[by_name(parsed)['Mei Chen']]

    assert mei.contact.emails == ()
    assert mei.warnings == ['"not-an-email" is not an e-mail address (expected name@example.com). It was left out.']


def test_formula_looking_cells_are_kept_as_text() -> None:
    parsed = parse_linkedin_csv(FIXTURES / 'linkedin-bom-crlf.csv')
    mallory = parsed.rows[by_name(parsed)['Mallory Hacker']].contact

    assert mallory.organisation == '=HYPERLINK("http://evil.example","click")'
    assert mallory.title == '@SUM(A1:A9)'


def test_a_row_without_a_name_is_skipped_with_its_line() -> None:
    parsed = parse_linkedin_csv(FIXTURES / 'linkedin-bom-crlf.csv')

    assert [(skipped.line, skipped.reason) for skipped in parsed.skipped] == [
        (13, 'This entry has no name; a contact needs one.')
    ]


def test_an_older_export_without_url_column_or_preamble() -> None:
    parsed = parse_linkedin_csv(FIXTURES / 'linkedin-no-url.csv')

    assert tuple((row.line, row.contact.name, row.contact.links) for row in parsed.rows) == (
        (2, 'Priya Raman', ()),
        (3, 'Tomasz Nowak', ()),
    )
    assert parsed.rows[0].contact.emails == ('priya.raman@example.com',)
    assert parsed.rows[1].contact.connected_on == date(2012, 10, 21)


def test_columns_are_found_by_name_in_any_order_and_case() -> None:
    text = 'connected on,COMPANY,last name,first name\n01 Feb 2015,Hooli,Nowak,Tomasz\n'

    contact = parse_linkedin_text(text).rows[0].contact

    assert (contact.name, contact.organisation, contact.connected_on) == ('Tomasz Nowak', 'Hooli', date(2015, 2, 1))


@pytest.mark.parametrize(
    ('written', 'expected'),
    [('21 Jan 2013', date(2013, 1, 21)), ('21 January 2013', date(2013, 1, 21)), ('2013-01-21', date(2013, 1, 21))],
)
def test_date_spellings(written: str, expected: date) -> None:
    text = f'First Name,Last Name,Connected On\nDana,Okafor,{written}\n'

    assert parse_linkedin_text(text).rows[0].contact.connected_on == expected


def test_a_date_out_of_range_is_dropped_with_a_warning() -> None:
    row = parse_linkedin_text('First Name,Last Name,Connected On\nDana,Okafor,01 Jan 1850\n').rows[0]

    assert row.contact.connected_on is None
    assert '"01 Jan 1850"' in row.warnings[0]


def test_a_value_the_domain_refuses_skips_the_row_with_the_reason() -> None:
    text = f'First Name,Last Name,Company,Connected On\nDana,Okafor,{"x" * 201},01 Jan 2015\n'

    parsed = parse_linkedin_text(text)

    assert parsed.rows == []
    assert parsed.skipped[0].name == 'Dana Okafor'
    assert parsed.skipped[0].reason == 'Organisation is 201 characters long; the limit is 200.'


def test_a_file_without_the_header_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_linkedin_text('name,email\nDana,dana@example.com\n')

    assert str(caught.value).startswith(
        'This does not look like a LinkedIn Connections.csv: no header row with First Name, Last Name, '
        'Connected On was found in the first 50 lines.'
    )


def test_the_header_is_only_looked_for_in_the_first_50_lines() -> None:
    header = 'First Name,Last Name,Connected On\nDana,Okafor,21 Jan 2013\n'

    assert len(parse_linkedin_text('Notes:\n' * 49 + header).rows) == 1
    with pytest.raises(ImportFormatError, match='first 50 lines'):
        parse_linkedin_text('Notes:\n' * 50 + header)


def test_a_line_the_csv_module_cannot_read_is_reported_with_its_line_in_the_file() -> None:
    text = ('Notes:\n"When exporting your connection data, you may notice..."\n\n'
            'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
            'Dana,Okafor,,,Acme,Director,01 Mar 2024\n'
            '\n'
            'Mei,Chen,,,Globex,' + 'x' * 200_000 + ',02 Mar 2024\n')

    with pytest.raises(ImportFormatError,
                       match=r'^Line 7 of this LinkedIn export cannot be read as CSV \(field larger than field limit'):
        parse_linkedin_text(text)
