"""Matching incoming rows to the user's contacts, and what an import would change."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from careernet_ui.domain.contacts import Contact, Role, Stage
from careernet_ui.importers import ImportPlan, ParsedRow, parse_import, plan_import

FIXTURES = Path(__file__).parent / 'fixtures'
ALL_FIXTURES = sorted(path.name for path in FIXTURES.iterdir())


def row(line: int = 2, **fields: object) -> ParsedRow:
    return ParsedRow(line=line, contact=Contact(**fields))  # type: ignore[arg-type]


def after_storing(plan: ImportPlan, existing: list[Contact]) -> list[Contact]:
    """What a page would store: the new contacts and the merged ones, replacing their old selves."""
    merged = {match.existing.id: match.merged for match in plan.updated}
    return [merged.get(contact.id, contact) for contact in existing] + [new.contact for new in plan.new]


@pytest.mark.parametrize('fixture', ALL_FIXTURES)
def test_importing_the_same_file_twice_changes_nothing_the_second_time(fixture: str) -> None:
    first = plan_import([], parse_import(FIXTURES / fixture).rows)
    stored = after_storing(first, [])
    assert first.new  # the first import adds people

    second = plan_import(stored, parse_import(FIXTURES / fixture).rows)

    assert second.new == []
    assert second.updated == []
    assert len(second.unchanged) + len(second.possible_duplicates) == len(first.new)


def test_importing_a_file_twice_on_top_of_another_changes_nothing_the_second_time() -> None:
    stored = after_storing(plan_import([], parse_import(FIXTURES / 'linkedin-Connections.csv').rows), [])
    vcards = parse_import(FIXTURES / 'contacts.vcf').rows
    stored = after_storing(plan_import(stored, vcards), stored)

    again = plan_import(stored, parse_import(FIXTURES / 'contacts.vcf').rows)

    assert (again.new, again.updated) == ([], [])


def test_a_vcard_after_the_linkedin_sample() -> None:
    stored = after_storing(plan_import([], parse_import(FIXTURES / 'linkedin-Connections.csv').rows), [])

    plan = plan_import(stored, parse_import(FIXTURES / 'contacts.vcf').rows)

    [dana] = plan.updated
    assert dana.matched_by == 'e-mail'
    assert dana.changed == ['phones', 'notes']
    assert dana.merged.id == dana.existing.id
    assert dana.merged.organisation == 'Initech'  # LinkedIn's, already there, is kept
    assert dana.merged.phones == ('+1 (415) 555-0142',)
    assert 'The file has organisation "Acme Corp"; kept "Initech".' in dana.warnings
    # Mei Chen at Globex has another LinkedIn profile than Mei Chen at Umbrella Health: someone else.
    assert [new.contact.name for new in plan.new] == ['Mei Chen']
    assert [(duplicate.row.contact.name, duplicate.reason) for duplicate in plan.possible_duplicates] == [
        (
            'Tomasz Nowak',
            'Possible duplicate of Tomasz Nowak (Umbrella Health): skipped. Include it to add it as a new contact.',
        ),
        (
            'José Martín',
            'Possible duplicate of José Martín (Soylent): skipped. Include it to add it as a new contact.',
        ),
    ]


def test_match_by_profile_url_ignores_scheme_www_case_query_and_trailing_slash() -> None:
    existing = Contact(name='Dana Okafor', links=('https://www.linkedin.com/in/dana-okafor-6305',))

    plan = plan_import([existing], [row(name='Dana O.', links=['http://linkedin.com/in/Dana-Okafor-6305/?trk=x'])])

    [match] = plan.unchanged
    assert match.existing is existing
    assert match.matched_by == 'profile URL'


def test_match_by_email_ignores_case() -> None:
    existing = Contact(name='Dana Okafor', emails=('dana@acme.example',))

    plan = plan_import([existing], [row(name='D. Okafor', emails=['DANA@Acme.Example'], title='CTO')])

    [match] = plan.updated
    assert match.matched_by == 'e-mail'
    assert match.changed == ['title']
    assert match.merged.emails == ('dana@acme.example',)


def test_match_by_name_and_organisation_ignores_accents_case_and_legal_form() -> None:
    existing = Contact(name='Zoë Müller', organisation='Stark Industries, Inc.')

    plan = plan_import([existing], [row(name='zoe muller', organisation='Stark Industries', title='CTO')])

    [match] = plan.updated
    assert match.matched_by == 'name and organisation'
    assert match.merged.name == 'Zoë Müller'


def test_same_name_other_organisation_is_a_possible_duplicate_not_merged() -> None:
    existing = Contact(name='Dana Okafor', organisation='Acme Corp', stage=Stage.ADVOCATE)

    plan = plan_import([existing], [row(name='Dana Okafor', organisation='Globex')])

    assert plan.new == []
    assert plan.updated == []
    [duplicate] = plan.possible_duplicates
    assert duplicate.candidates == [existing]
    assert duplicate.row.contact.organisation == 'Globex'
    assert duplicate.reason == (
        'Possible duplicate of Dana Okafor (Acme Corp): skipped. Include it to add it as a new contact.'
    )


def test_same_name_with_another_linkedin_profile_is_someone_else() -> None:
    existing = Contact(name='Wei Zhang', organisation='Hooli', links=('https://www.linkedin.com/in/wei-zhang-1',))

    plan = plan_import([existing], [row(name='Wei Zhang', organisation='Hooli', links=['linkedin.com/in/wei-zhang-2'])])

    assert tuple(new.contact.links for new in plan.new) == (('linkedin.com/in/wei-zhang-2',),)
    assert plan.possible_duplicates == []


def test_an_email_shared_by_two_contacts_matches_neither() -> None:
    one = Contact(name='Dana Okafor', emails=('team@acme.example',))
    other = Contact(name='Mei Chen', emails=('team@acme.example',))

    plan = plan_import([one, other], [row(name='Acme Team', emails=['team@acme.example'])])

    assert plan.updated == plan.unchanged == []
    [duplicate] = plan.possible_duplicates
    assert duplicate.candidates == [one, other]


def test_rows_of_one_file_with_the_same_email_become_one_contact() -> None:
    rows = [
        row(line=2, name='Dana Okafor', emails=['dana@acme.example'], phones=['+1 555 0100']),
        row(line=3, name='Mei Chen', emails=['mei@globex.example']),
        row(line=7, name='Dana Okafor', emails=['DANA@acme.example', 'dana@home.example'], title='CTO'),
    ]

    plan = plan_import([], rows)

    assert [(new.line, new.contact.name) for new in plan.new] == [(2, 'Dana Okafor'), (3, 'Mei Chen')]
    dana = plan.new[0]
    assert dana.contact.emails == ('dana@acme.example', 'dana@home.example')
    assert dana.contact.phones == ('+1 555 0100',)
    assert dana.contact.title == 'CTO'
    assert dana.warnings == ['Line 7 lists the same person (same e-mail or profile URL); merged into line 2.']


def test_two_rows_for_one_existing_contact_make_one_update() -> None:
    existing = Contact(name='Dana Okafor', emails=('dana@acme.example', 'dana@home.example'))
    rows = [
        row(line=2, name='Dana Okafor', emails=['dana@acme.example'], phones=['+1 555 0100']),
        row(line=9, name='Dana Okafor', emails=['dana@home.example'], tags=['mentor']),
    ]

    plan = plan_import([existing], rows)

    [match] = plan.updated
    assert match.lines == [2, 9]
    assert match.changed == ['phones', 'tags']
    assert (match.merged.phones, match.merged.tags) == (('+1 555 0100',), ('mentor',))


def test_user_set_fields_survive_an_import() -> None:
    existing = Contact(
        name='Dana Okafor',
        role=Role.SUPERVISOR,
        stage=Stage.ADVOCATE,
        notes='Mine.',
        how_we_met='Hired me.',
        cadence_days=14,
        tags=('favourite',),
        emails=('dana@acme.example',),
    )
    incoming = row(name='Dana Okafor', emails=['dana@acme.example'], stage=Stage.REFERENCE, notes='Theirs.', tags=['x'])

    [match] = plan_import([existing], [incoming]).updated

    assert (match.merged.role, match.merged.stage) == (Role.SUPERVISOR, Stage.ADVOCATE)
    assert (match.merged.notes, match.merged.how_we_met, match.merged.cadence_days) == ('Mine.', 'Hired me.', 14)
    assert match.merged.tags == ('favourite', 'x')
    assert 'The file has stage "reference"; kept "advocate".' in match.warnings


def test_planning_changes_neither_the_existing_contacts_nor_the_rows() -> None:
    existing = [Contact(name='Dana Okafor', emails=('dana@acme.example',), connected_on=date(2013, 1, 21))]
    rows = [row(name='Dana Okafor', emails=['dana@acme.example'], title='CTO', phones=['+1 555'])]
    before = copy.deepcopy((existing, rows))

    plan_import(existing, rows)

    assert (existing, rows) == before


def test_nothing_in_nothing_out() -> None:
    assert plan_import([Contact(name='Dana Okafor')], []) == ImportPlan()
