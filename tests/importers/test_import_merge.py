"""Merging never overwrites what the user set and never drops data."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain.contacts import Contact, ReferenceConsent, Role, Stage, StageChange
from careernet_ui.importers import merge_contact


def users_contact() -> Contact:
    return Contact(
        name='Dana Okafor',
        role=Role.SUPERVISOR,
        organisation='Acme Corp',
        emails=('dana@acme.example',),
        phones=('+1 (415) 555-0142',),
        links=('https://www.linkedin.com/in/dana-okafor',),
        how_we_met='She hired me in 2019.',
        tags=('former boss',),
        notes='Ask about the platform team.',
        stage=Stage.REFERENCE,
        stage_history=(StageChange(on=date(2024, 1, 5), to_stage=Stage.REFERENCE),),
        cadence_days=30,
        consent=ReferenceConsent(given_on=date(2024, 1, 5)),
        source='manual',
    )


def test_lists_are_united_and_nothing_is_removed() -> None:
    kept = users_contact()
    incoming = Contact(
        name='Dana Okafor',
        emails=('DANA@acme.example', 'dana@home.example'),
        phones=('+14155550142', '+1 415 555 0100'),
        links=('http://linkedin.com/in/Dana-Okafor/', 'https://dana.example/blog'),
        tags=('Former Boss', 'mentor'),
    )

    merge = merge_contact(kept, incoming)

    assert merge.contact.emails == ('dana@acme.example', 'dana@home.example')
    assert merge.contact.phones == ('+1 (415) 555-0142', '+1 415 555 0100')
    assert merge.contact.links == ('https://www.linkedin.com/in/dana-okafor', 'https://dana.example/blog')
    assert merge.contact.tags == ('former boss', 'mentor')
    assert merge.changed == ['emails', 'phones', 'links', 'tags']


def test_user_set_fields_are_never_overwritten() -> None:
    kept = users_contact()
    incoming = Contact(
        name='DANA OKAFOR',
        role=Role.RECRUITER,
        stage=Stage.CONTACT,
        how_we_met='LinkedIn',
        notes='Imported note',
        cadence_days=90,
        source='linkedin',
    )

    merge = merge_contact(kept, incoming)

    assert merge.contact is kept
    assert merge.changed == []
    assert merge.warnings == [
        'The file has other notes for Dana Okafor; kept yours.',
        'The file has role "recruiter"; kept "supervisor".',
    ]


def test_empty_fields_are_filled_and_different_ones_reported() -> None:
    kept = Contact(name='Dana Okafor', organisation='Acme Corp', connected_on=date(2013, 1, 21))
    incoming = Contact(
        name='Dana Okafor',
        organisation='Globex',
        title='Engineering Manager',
        connected_on=date(2015, 6, 1),
        notes='Met at PyCon.',
        source='linkedin',
    )

    merge = merge_contact(kept, incoming)

    assert merge.contact.organisation == 'Acme Corp'
    assert merge.contact.title == 'Engineering Manager'
    assert merge.contact.connected_on == date(2013, 1, 21)
    assert merge.contact.notes == 'Met at PyCon.'
    assert merge.contact.source == ''  # where the contact came from is not what the file says
    assert merge.changed == ['title', 'notes']
    assert merge.warnings == [
        'The file has organisation "Globex"; kept "Acme Corp".',
        'The file has connected on 2015-06-01; kept 2013-01-21.',
    ]


def test_the_same_organisation_spelled_differently_is_not_reported() -> None:
    kept = Contact(name='Kwame Mensah', organisation='Wayne Enterprises, Inc.')

    merge = merge_contact(kept, Contact(name='Kwame Mensah', organisation='Wayne Enterprises'))

    assert merge.warnings == []


def test_ids_and_creation_times_are_kept() -> None:
    kept = users_contact()

    merged = merge_contact(kept, Contact(name='Dana Okafor', title='CTO')).contact

    assert (merged.id, merged.created_at) == (kept.id, kept.created_at)
    assert merged.title == 'CTO'
    assert merged.stage_history == kept.stage_history
    assert merged.consent == kept.consent


def test_a_merge_the_domain_would_refuse_keeps_the_contact_and_says_why() -> None:
    kept = Contact(name='Dana Okafor', tags=tuple(f'tag {number}' for number in range(60)))
    incoming = Contact(name='Dana Okafor', tags=tuple(f'other {number}' for number in range(60)))

    merge = merge_contact(kept, incoming)

    assert merge.contact is kept
    assert merge.changed == []
    assert merge.warnings == [
        'The details in the file were not added to Dana Okafor: Tag: at most 100 entries, got 120.'
    ]
