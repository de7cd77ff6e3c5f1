"""vCard 2.1, 3.0 and 4.0 from Outlook, Apple, Google and CareerNet itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from careernet_ui.domain.contacts import Role, Stage
from careernet_ui.importers import ImportFormatError, parse_vcard, parse_vcard_text

FIXTURES = Path(__file__).parent / 'fixtures'


def test_the_shared_sample_imports_every_card() -> None:
    parsed = parse_vcard(FIXTURES / 'contacts.vcf')

    assert parsed.format == 'vcard'
    assert [(row.line, row.contact.name) for row in parsed.rows] == [
        (1, 'Dana Okafor'),
        (13, 'Mei Chen'),
        (23, 'Tomasz Nowak'),
        (32, 'José Martín'),
    ]
    assert parsed.skipped == []
    dana, mei, tomasz, jose = (row.contact for row in parsed.rows)
    assert dana.organisation == 'Acme Corp'
    assert dana.title == 'Engineering Manager'
    assert dana.emails == ('dana.okafor@example.com',)  # the grouped item1.EMAIL
    assert dana.phones == ('+1 (415) 555-0142',)
    assert dana.notes == 'Managed me 2021-2023.\nHappy to be a reference.\n\nDepartment: Platform Engineering'
    assert mei.links == ('https://www.linkedin.com/in/mei-chen-4410',)
    assert (mei.organisation, mei.title) == ('Globex', 'Director of Product')
    assert tomasz.emails == ('tomasz@example.net', 't.nowak@initech.example')
    assert tomasz.tags == ('mentor', 'former colleague')
    assert (jose.organisation, jose.title, jose.emails) == ('Vandelay Industries', 'Recruiter', ())
    assert {contact.source for contact in (dana, mei, tomasz, jose)} == {'vcard'}


def test_version_21_quoted_printable_with_soft_line_breaks() -> None:
    parsed = parse_vcard(FIXTURES / 'vcard21-outlook.vcf')
    zoe = parsed.rows[0].contact

    assert zoe.name == 'Zoë Müller'
    assert zoe.notes == (
        'Met at the Berlin meetup.\nShe reviewed my thesis — a long note that is soft-broken by the '
        'quoted-printable encoding so the lines stay short.\n\nDepartment: Research'
    )
    assert zoe.organisation == 'Stark Industries'
    assert zoe.title == 'Principal Scientist'
    assert zoe.links == ('https://stark.example/people/zoe',)


def test_version_21_bare_pref_puts_that_address_and_number_first() -> None:
    zoe = parse_vcard(FIXTURES / 'vcard21-outlook.vcf').rows[0].contact

    assert zoe.emails == ('zoe.mueller@stark.example', 'zoe@home.example')
    assert zoe.phones == ('+49 170 555 0101', '+49 30 1234 5678')


def test_a_card_without_fn_is_named_from_n() -> None:
    parsed = parse_vcard(FIXTURES / 'vcard21-outlook.vcf')
    apple = parse_vcard(FIXTURES / 'vcard30-apple.vcf')

    assert parsed.rows[1].contact.name == 'Dr. Fatima Haddad'
    assert apple.rows[1].contact.name == 'Ravi Iyer'


def test_apple_grouped_emails_urls_social_profiles_and_categories() -> None:
    jonas = parse_vcard(FIXTURES / 'vcard30-apple.vcf').rows[0].contact

    assert jonas.emails == ('jonas.lindqvist@acme.example', 'jonas@home.example')  # type=pref first
    assert jonas.phones == ('+46 70 123 45 67', '+46 8 555 0100')
    assert jonas.links == ('https://jonas.example/', 'https://www.linkedin.com/in/jonas-lindqvist-3181')
    assert jonas.tags == ('mentor', 'stockholm', 'ex-acme')
    assert jonas.organisation == 'Acme Corp'
    assert jonas.notes == (
        'Mentored me through the 2022 migration.\nAsk him about SRE hiring.\nLikes: coffee, climbing; books'
        '\n\nDepartment: Platform Engineering — SRE'
    )


def test_folded_lines_and_escaped_commas_are_unfolded() -> None:
    ravi = parse_vcard(FIXTURES / 'vcard30-apple.vcf').rows[1].contact

    assert ravi.organisation == 'Wayne Enterprises, Inc.'
    assert ravi.notes == (
        'This note is long enough that Apple Contacts folds it onto a second line when it writes the card, '
        'as RFC 2425 asks.'
    )


def test_broken_nameless_and_cut_short_cards_are_skipped_with_their_line() -> None:
    parsed = parse_vcard(FIXTURES / 'vcard30-apple.vcf')

    assert [row.contact.name for row in parsed.rows] == ['Jonas Lindqvist', 'Ravi Iyer']
    assert [(skipped.line, skipped.reason) for skipped in parsed.skipped] == [
        (27, 'This card cannot be read: Failed to parse line: this line is not a vCard property'),
        (32, 'This entry has no name; a contact needs one.'),
        (37, 'This card has no END:VCARD line; the file may have been cut short.'),
    ]


def test_version_40_pref_parameter_tel_uri_and_careernet_fields() -> None:
    elena = parse_vcard(FIXTURES / 'vcard40.vcf').rows[0].contact

    assert elena.emails == ('elena.petrova@piedpiper.example', 'elena@home.example')
    assert elena.phones == ('+1-555-555-0199',)
    assert elena.tags == ('recruiter', 'bay area')
    assert elena.notes == 'Line one\nLine two'
    assert elena.role is Role.RECRUITER
    assert elena.stage is Stage.POTENTIAL_ADVOCATE
    assert elena.connected_on == date(2020, 11, 16)


def test_an_unknown_careernet_role_keeps_the_card_with_a_warning() -> None:
    text = 'BEGIN:VCARD\nVERSION:3.0\nFN:Dana Okafor\nX-CAREERNET-ROLE:boss\nEND:VCARD\n'

    row = parse_vcard_text(text).rows[0]

    assert row.contact.role is Role.OTHER
    assert row.warnings == [
        'Unknown role "boss"; use one of: supervisor, colleague, mentor, client, peer, recruiter, other. Kept other.'
    ]


def test_lf_line_endings_and_text_between_cards() -> None:
    text = 'junk before\nBEGIN:VCARD\nVERSION:3.0\nFN:A One\nEND:VCARD\n\nBEGIN:VCARD\nVERSION:3.0\nFN:B Two\nEND:VCARD'

    parsed = parse_vcard_text(text)

    assert [(row.line, row.contact.name) for row in parsed.rows] == [(2, 'A One'), (7, 'B Two')]


def test_a_3_0_value_mentioning_quoted_printable_does_not_swallow_the_next_line() -> None:
    text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Okafor\r\nNOTE:about quoted-printable=\r\nTITLE:CTO\r\nEND:VCARD\r\n'

    contact = parse_vcard_text(text).rows[0].contact

    assert (contact.notes, contact.title) == ('about quoted-printable=', 'CTO')


def test_an_invalid_email_in_a_card_is_dropped_with_a_warning() -> None:
    text = 'BEGIN:VCARD\nVERSION:3.0\nFN:Dana Okafor\nEMAIL:dana at example\nEMAIL:dana@example.com\nEND:VCARD\n'

    row = parse_vcard_text(text).rows[0]

    assert row.contact.emails == ('dana@example.com',)
    assert row.warnings == ['"dana at example" is not an e-mail address (expected name@example.com). It was left out.']


def test_a_file_without_any_card_is_refused() -> None:
    with pytest.raises(ImportFormatError, match='no BEGIN:VCARD line was found'):
        parse_vcard_text('First Name,Last Name\nDana,Okafor\n')


def test_version_21_quoted_printable_in_another_charset() -> None:
    text = (
        'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Dubois;Chlo=E9\r\n'
        'FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Chlo=E9 Dubois\r\n'
        'NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Caf=E9 au lait=0D=0Aensuite\r\nEND:VCARD\r\n'
    )

    contact = parse_vcard_text(text).rows[0].contact

    assert (contact.name, contact.notes) == ('Chloé Dubois', 'Café au lait\nensuite')
