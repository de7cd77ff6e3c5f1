"""Files that are not what they claim: one clear error, nothing imported, no traceback for the user."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from careernet_ui.importers import (
    DEFAULT_MAX_BYTES,
    ImportFormatError,
    ImportSource,
    ImportTooLargeError,
    ParsedFile,
    parse_contacts_csv,
    parse_import,
    parse_linkedin_csv,
    parse_vcard,
)

Parser = Callable[[ImportSource], ParsedFile]
PARSERS: list[Parser] = [parse_linkedin_csv, parse_vcard, parse_contacts_csv, parse_import]
PARSER_IDS = ['linkedin', 'vcard', 'contacts_csv', 'any']


@pytest.mark.parametrize('parse', PARSERS, ids=PARSER_IDS)
@pytest.mark.parametrize('data', [b'', b'   \r\n\n'], ids=['empty', 'whitespace'])
def test_an_empty_file(parse: Parser, data: bytes) -> None:
    with pytest.raises(ImportFormatError, match=r'^The file is empty: there is nothing to import\.$'):
        parse(data)


@pytest.mark.parametrize('parse', PARSERS, ids=PARSER_IDS)
def test_binary_garbage(parse: Parser) -> None:
    garbage = random.Random(3).randbytes(4096)

    with pytest.raises(ImportFormatError, match=r'^This is not a text file \(it contains binary data\)'):
        parse(garbage)


@pytest.mark.parametrize('parse', PARSERS, ids=PARSER_IDS)
def test_a_spreadsheet_instead_of_a_csv(parse: Parser) -> None:
    xlsx = b'PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00' + b'[Content_Types].xml' + b'\x00' * 20

    with pytest.raises(ImportFormatError, match=r'it may be a spreadsheet \(\.xlsx\)'):
        parse(xlsx)


@pytest.mark.parametrize('parse', PARSERS, ids=PARSER_IDS)
def test_a_windows_1252_file_is_refused_with_the_byte_and_the_fix(parse: Parser) -> None:
    data = 'First Name,Last Name,Connected On\nChloé,Dubois,04 Sep 2018\n'.encode('cp1252')

    with pytest.raises(ImportFormatError) as caught:
        parse(data)

    assert str(caught.value).startswith('This file is not UTF-8 text (byte 0xE9 at position 38 is not valid UTF-8)')
    assert '"CSV UTF-8 (Comma delimited)"' in str(caught.value)


def test_a_utf16_file_is_refused_with_the_fix() -> None:
    data = 'First Name\tLast Name\n'.encode('utf-16')

    with pytest.raises(ImportFormatError, match=r'^This file is saved as UTF-16'):
        parse_import(data)


@pytest.mark.parametrize('parse', PARSERS, ids=PARSER_IDS)
def test_a_50_mb_file_of_garbage_is_refused_by_size_before_it_is_read(parse: Parser) -> None:
    data = os.urandom(1024) * (50 * 1024)

    with pytest.raises(ImportTooLargeError) as caught:
        parse(data)

    assert str(caught.value) == (
        'The file is 50.0 MB; imports are limited to 20.0 MB. '
        'Split it into smaller files and import them one after the other.'
    )


def test_a_large_file_on_disk_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / 'huge.csv'
    with path.open('wb') as file:
        file.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: the test writes nothing

    with pytest.raises(ImportTooLargeError, match=r'^The file is 20\.0 MB; imports are limited to 20\.0 MB'):
        parse_linkedin_csv(path)


def test_the_size_limit_is_a_parameter() -> None:
    data = b'First Name,Last Name,Connected On\nDana,Okafor,21 Jan 2013\n'

    assert len(parse_linkedin_csv(data, max_bytes=len(data)).rows) == 1
    with pytest.raises(ImportTooLargeError, match=r'limited to 0\.0 MB'):
        parse_linkedin_csv(data, max_bytes=len(data) - 1)


def test_a_missing_file_is_reported_by_name(tmp_path: Path) -> None:
    missing = tmp_path / 'Connections.csv'

    with pytest.raises(ImportFormatError, match=f'^Cannot read {missing}: No such file or directory'):
        parse_linkedin_csv(missing)


def test_megabytes_of_text_garbage_without_newlines_are_refused_quickly() -> None:
    garbage = random.Random(5).choices('abcdefghij klmnop,"', k=5_000_000)

    with pytest.raises(ImportFormatError) as caught:
        parse_import(''.join(garbage).encode())

    assert str(caught.value).startswith('This CSV is not a contacts file CareerNet knows')
    assert len(str(caught.value)) < 1000  # names a few cells, never echoes the garbage


def test_errors_are_careernet_errors_so_the_ui_can_show_them() -> None:
    from careernet_ui.domain.errors import CareerNetError

    assert issubclass(ImportTooLargeError, ImportFormatError)
    assert issubclass(ImportFormatError, CareerNetError)
    assert issubclass(ImportFormatError, ValueError)


def test_a_byte_order_mark_is_not_part_of_the_first_column() -> None:
    data = b'\xef\xbb\xbfname,email\nDana Okafor,dana@example.com\n'

    parsed = parse_contacts_csv(data)

    assert parsed.format == 'template_csv'
    assert parsed.rows[0].contact.emails == ('dana@example.com',)
