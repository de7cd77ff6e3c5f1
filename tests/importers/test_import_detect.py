"""parse_import tells the kinds of file apart by their content, not their name."""

from __future__ import annotations

from pathlib import Path

import pytest

from careernet_ui.importers import ImportFormatError, parse_import

FIXTURES = Path(__file__).parent / 'fixtures'


@pytest.mark.parametrize(
    ('fixture', 'expected'),
    [
        ('linkedin-Connections.csv', 'linkedin'),
        ('linkedin-bom-crlf.csv', 'linkedin'),
        ('linkedin-no-url.csv', 'linkedin'),
        ('contacts.vcf', 'vcard'),
        ('vcard21-outlook.vcf', 'vcard'),
        ('vcard30-apple.vcf', 'vcard'),
        ('vcard40.vcf', 'vcard'),
        ('google-contacts.csv', 'google_csv'),
        ('google-contacts-legacy.csv', 'google_csv'),
        ('template.csv', 'template_csv'),
    ],
)
def test_each_kind_of_file_is_recognised(fixture: str, expected: str) -> None:
    parsed = parse_import((FIXTURES / fixture).read_bytes())

    assert parsed.format == expected
    assert parsed.rows


def test_a_vcard_may_start_after_blank_lines_and_a_byte_order_mark() -> None:
    data = b'\xef\xbb\xbf\r\n\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Okafor\r\nEND:VCARD\r\n'

    parsed = parse_import(data)

    assert (parsed.format, parsed.rows[0].line, parsed.rows[0].contact.name) == ('vcard', 3, 'Dana Okafor')


def test_an_unknown_file_names_every_format_that_is_imported() -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_import(b'Hello,\nthis is a letter, not a contacts file.\n')

    message = str(caught.value)
    assert message.startswith('This CSV is not a contacts file CareerNet knows')
    assert message.endswith('CareerNet also imports LinkedIn Connections.csv and vCard (.vcf) files.')
