"""The keys that decide whether two records are the same person."""

from __future__ import annotations

import pytest

from careernet_ui.importers.keys import (
    email_key,
    linkedin_key,
    name_key,
    organisation_key,
    phone_key,
    profile_key,
    url_key,
)


@pytest.mark.parametrize(
    ('one', 'other'),
    [
        ('Zoë Müller', 'zoe muller'),
        ('  José   Martín ', 'Jose Martin'),
        ("Liam O'Brien", 'Liam O’Brien'),
        ("Liam O'Brien", 'Liam OBrien'),
        ('Jean-Luc Picard', 'jean luc picard'),
        ('STRASSE', 'Straße'),
    ],
)
def test_names_that_are_the_same(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_names_that_differ() -> None:
    assert name_key('Dana Okafor') != name_key('Dana Okafo')


@pytest.mark.parametrize(
    ('one', 'other'),
    [
        ('Wayne Enterprises, Inc.', 'wayne enterprises'),
        ('Acme Corp', 'ACME'),
        ('Globex Ltd.', 'Globex'),
    ],
)
def test_organisations_that_are_the_same(one: str, other: str) -> None:
    assert organisation_key(one) == organisation_key(other)


def test_a_legal_form_alone_is_kept() -> None:
    assert organisation_key('Inc.') == 'inc'


@pytest.mark.parametrize(
    ('url', 'key'),
    [
        ('https://www.linkedin.com/in/dana-okafor-6305', 'linkedin.com/in/dana-okafor-6305'),
        ('http://WWW.LinkedIn.com/in/Dana-Okafor-6305/', 'linkedin.com/in/dana-okafor-6305'),
        ('https://uk.linkedin.com/in/dana-okafor-6305?trk=people#x', 'linkedin.com/in/dana-okafor-6305'),
        ('linkedin.com/in/dana-okafor-6305', 'linkedin.com/in/dana-okafor-6305'),
        ('https://www.linkedin.com/in/luis-garc%C3%ADa-9779', 'linkedin.com/in/luis-garcía-9779'),
        ('https://GitHub.com/DanaO/', 'github.com/DanaO'),
        ('https://user@example.com:8443/a', 'example.com/a'),
    ],
)
def test_url_keys(url: str, key: str) -> None:
    assert url_key(url) == key


def test_only_links_that_name_one_person_are_profile_keys() -> None:
    assert profile_key('https://acme.example/') is None
    assert profile_key('https://www.linkedin.com/company/acme') is None
    assert profile_key('https://www.linkedin.com/in/dana') == 'linkedin.com/in/dana'
    assert profile_key('https://github.com/dana') == 'github.com/dana'
    assert linkedin_key('https://github.com/dana') is None
    assert linkedin_key('https://linkedin.com/pub/dana/1/2/3') == 'linkedin.com/pub/dana/1/2/3'


def test_email_and_phone_keys() -> None:
    assert email_key(' Dana.Okafor@Example.COM ') == 'dana.okafor@example.com'
    assert phone_key('+1 (415) 555-0142') == phone_key('+14155550142') == '+14155550142'
    assert phone_key('(415) 555-0142') != phone_key('+1 415 555 0142')
    assert phone_key('Ask Dana') == 'ask dana'


def test_a_name_of_punctuation_alone_still_has_a_key() -> None:
    """Regression: ':' had the empty key, so re-importing a file with it added it again every time."""
    assert name_key(' : ') == ':'
    assert name_key('?!') != name_key(':')
