"""One stray quote must not swallow a CSV: the row where it opened is named and nothing is imported."""

from __future__ import annotations

import pytest

from careernet_ui.importers import ImportFormatError, parse_import
from careernet_ui.importers.contacts_csv import parse_contacts_csv_text
from careernet_ui.importers.errors import StrayQuoteError
from careernet_ui.importers.linkedin import parse_linkedin_text

LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'


def linkedin(rows: list[str]) -> str:
    return 'Notes:\n"When exporting your connection data, you may notice..."\n\n' + LINKEDIN_HEADER + ''.join(rows)


def people(count: int, start: int = 0) -> list[str]:
    return [f'Person,{n},https://www.linkedin.com/in/p{n},,Acme,Engineer,01 Feb 2024\n' for n in range(start, count)]


def test_a_stray_quote_in_row_two_of_a_linkedin_export_names_its_line() -> None:
    text = linkedin(['Dana,Okafor,https://www.linkedin.com/in/dana,,Acme,Director,01 Feb 2024\n',
                     '"Mei,Chen,https://www.linkedin.com/in/mei,,Globex,Engineer,01 Feb 2024\n', *people(300)])
    with pytest.raises(StrayQuoteError, match='Line 6: a field runs') as caught:
        parse_linkedin_text(text)
    assert caught.value.line == 6
    assert 'Nothing was imported' in str(caught.value)


def test_a_stray_quote_in_a_template_csv_names_its_line() -> None:
    rows = [f'Person {n},p{n}@example.com\n' for n in range(300)]
    text = 'name,email\nDana Okafor,dana@example.com\n"Mei Chen,mei@example.com\n' + ''.join(rows)
    with pytest.raises(StrayQuoteError) as caught:
        parse_contacts_csv_text(text)
    assert caught.value.line == 3
    with pytest.raises(ImportFormatError, match='Line 3'):
        parse_import(text.encode())


@pytest.mark.parametrize('ending', ['\n', ''])
def test_a_quote_left_open_near_the_end_is_caught_however_few_rows_it_swallows(ending: str) -> None:
    text = 'name,email\nDana,dana@example.com\n"Mei,mei@example.com\nNoah,noah@example.com' + ending
    with pytest.raises(StrayQuoteError) as caught:
        parse_contacts_csv_text(text)
    assert caught.value.line == 3


def test_an_implausibly_long_field_on_one_line_is_refused() -> None:
    with pytest.raises(StrayQuoteError, match='Line 2'):
        parse_contacts_csv_text('name,notes\nDana,"' + 'x' * 30_000 + '"\n')


def test_quoted_multi_line_notes_of_a_normal_length_still_import() -> None:
    text = 'name,notes\nDana,"Met at PyCon\nLikes, coffee, and tea\nAsk about the move"\nMei,\n'
    parsed = parse_contacts_csv_text(text)
    assert [row.contact.name for row in parsed.rows] == ['Dana', 'Mei']
    assert parsed.rows[0].contact.notes == 'Met at PyCon\nLikes, coffee, and tea\nAsk about the move'


def test_a_closed_multi_line_field_in_the_last_row_imports() -> None:
    parsed = parse_contacts_csv_text('name,notes\nDana,"one\ntwo"\n')
    assert parsed.rows[0].contact.notes == 'one\ntwo'


def test_a_linkedin_export_read_anyway_keeps_the_rows_before_the_quote_and_names_its_line() -> None:
    text = linkedin(['Dana,Okafor,https://www.linkedin.com/in/dana,,Acme,Director,01 Feb 2024\n',
                     '"Mei,Chen,https://www.linkedin.com/in/mei,,Globex,Engineer,01 Feb 2024\n', *people(300)])

    parsed = parse_linkedin_text(text, accept_stray_quotes=True)

    assert parsed.warnings[0].startswith('Line 6: a field runs')
    assert 'imported as it is' in parsed.warnings[0]
    assert [row.contact.name for row in parsed.rows][:1] == ['Dana Okafor']
