"""Storing an import: the samples bring the right people in, and importing them again writes nothing."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.domain import Contact, Role, Stage, StageChange
from careernet_ui.importers import ImportFormatError, ImportTooLargeError, contacts_to_csv
from careernet_ui.importers.errors import StrayQuoteError
from careernet_ui.services.import_summary import Outcome, count, summary_line, summary_to_csv
from careernet_ui.services.imports import PreparedImport, apply, apply_in_batches, is_stale, prepare, replan
from storage import Store
from tests.conftest import TODAY

SAMPLES = Path(__file__).parents[1] / 'importers' / 'fixtures'  # copies of ../shared/samples
LINKEDIN = SAMPLES / 'linkedin-Connections.csv'
VCARDS = SAMPLES / 'contacts.vcf'


def planned(store: Store, path: Path, kind: str = 'auto') -> PreparedImport:
    return prepare(kind, path, store.contacts.all(), today=TODAY, revision=store.revision)


def imported(store: Store, path: Path, kind: str = 'auto', **options: bool) -> tuple[int, list[str]]:
    """Import ``path``; returns the writes it took and the outcome of each row as 'name: outcome'."""
    summary = apply(store, planned(store, path, kind), **options)
    return summary.writes, [f'{row.name}: {row.outcome.value}' for row in summary.rows]


def by_name(store: Store) -> dict[str, Contact]:
    return {contact.name: contact for contact in store.contacts}


def test_the_linkedin_sample_brings_in_every_connection_with_their_details(
    fresh_store: Store, data_path: Path
) -> None:
    writes, rows = imported(fresh_store, LINKEDIN, 'linkedin')

    assert writes == 1
    assert len(rows) == 24
    assert set(rows) == {f'{name}: imported' for name in by_name(fresh_store)}
    dana = by_name(fresh_store)['Dana Okafor']
    assert (dana.organisation, dana.title, dana.emails, dana.links, dana.connected_on, dana.source) == (
        'Initech', 'Staff Engineer', ('dana.okafor@example.com',),
        ('https://www.linkedin.com/in/dana-okafor-6305',), date(2013, 1, 21), 'linkedin',
    )
    assert dana.stage_history == (StageChange(on=TODAY, to_stage=Stage.CONTACT),)  # as if added by hand today
    kwame = by_name(fresh_store)['Kwame Mensah']
    assert kwame.organisation == 'Wayne Enterprises, Inc.'
    omar = by_name(fresh_store)['Omar Khalil']
    assert (omar.organisation, omar.title) == ('', '')
    assert len(TinyDB(data_path).table('contacts')) == 24  # durably on disk


def test_importing_the_linkedin_sample_again_writes_nothing(fresh_store: Store, data_path: Path) -> None:
    imported(fresh_store, LINKEDIN)
    before, on_disk = fresh_store.revision, data_path.read_bytes()

    writes, rows = imported(fresh_store, LINKEDIN)

    assert writes == 0
    assert fresh_store.revision == before
    assert data_path.read_bytes() == on_disk
    assert all(row.endswith(': unchanged') for row in rows)
    assert len(rows) == 24


def test_the_vcard_sample_after_linkedin_updates_adds_and_holds_back_possible_duplicates(fresh_store: Store) -> None:
    imported(fresh_store, LINKEDIN)

    writes, rows = imported(fresh_store, VCARDS, 'vcard')

    assert writes == 1  # the new contact and the updated one, together
    assert rows == ['Dana Okafor: updated', 'Mei Chen: imported', 'Tomasz Nowak: skipped', 'José Martín: skipped']
    dana = by_name(fresh_store)['Dana Okafor']
    assert dana.phones == ('+1 (415) 555-0142',)  # what the card added
    assert dana.notes.startswith('Managed me 2021-2023.\nHappy to be a reference.')
    assert dana.organisation == 'Initech'  # what the user already had is kept
    assert len(fresh_store.contacts) == 25
    again, _ = imported(fresh_store, VCARDS, 'vcard')
    assert again == 0


def test_the_vcard_sample_alone(fresh_store: Store) -> None:
    writes, rows = imported(fresh_store, VCARDS)

    assert writes == 1
    assert rows == ['Dana Okafor: imported', 'Mei Chen: imported', 'Tomasz Nowak: imported', 'José Martín: imported']
    tomasz = by_name(fresh_store)['Tomasz Nowak']
    assert tomasz.emails == ('tomasz@example.net', 't.nowak@initech.example')
    assert tomasz.tags == ('mentor', 'former colleague')
    assert by_name(fresh_store)['Mei Chen'].links == ('https://www.linkedin.com/in/mei-chen-4410',)


def test_possible_duplicates_are_added_when_the_user_includes_them(fresh_store: Store) -> None:
    imported(fresh_store, LINKEDIN)

    _, rows = imported(fresh_store, VCARDS, include_duplicates=True)

    assert 'José Martín: imported' in rows
    organisations = [c.organisation for c in fresh_store.contacts if c.name == 'José Martín']
    assert organisations == ['Soylent', 'Vandelay Industries']
    again, _ = imported(fresh_store, VCARDS, include_duplicates=False)
    assert again == 0


def test_skipped_rows_come_with_their_reasons(fresh_store: Store) -> None:
    summary = apply(fresh_store, planned(fresh_store, SAMPLES / 'template.csv', 'csv'))

    skipped = {row.line: row.detail for row in summary.skipped}
    assert set(skipped) == {4, 5}  # line 3's unknown role keeps the person (issue 12)
    assert '"champion"' in skipped[4]  # an unknown stage, named
    assert 'no name' in skipped[5]
    assert summary.blank_rows == 1
    assert summary_line(summary) == 'Imported 3, updated 0, unchanged 0, skipped 2.'
    ingrid = by_name(fresh_store)['Ingrid Berg']
    assert (ingrid.role, ingrid.stage) == (Role.SUPERVISOR, Stage.POTENTIAL_ADVOCATE)
    assert ingrid.stage_history == (StageChange(on=TODAY, to_stage=Stage.POTENTIAL_ADVOCATE),)


def test_the_preview_counts(fresh_store: Store) -> None:
    imported(fresh_store, LINKEDIN)
    prepared = planned(fresh_store, VCARDS)

    counts = count(prepared.parsed, prepared.plan)

    assert (counts.new, counts.updated, counts.unchanged, counts.possible_duplicates, counts.skipped) == (1, 1, 0, 2, 0)
    assert counts.rows == 4


GARBAGE_50_MB = (b'\xde\xad\xbe\xef garbage ' * (50 * 1024 * 1024 // 13 + 1))[: 50 * 1024 * 1024]
MALFORMED = {
    'binary': (bytes(range(256)) * 64, 'not a text file'),
    'wrong columns': (b'Colour,Size\nred,9\n', 'This CSV is not a contacts file CareerNet knows'),
    'empty': (b'', 'The file is empty'),
    'not UTF-8': ('Name,E-mail\nJosé,jose@example.com\n'.encode('cp1252'), 'not UTF-8 text'),
    'a 50 MB file of garbage': (GARBAGE_50_MB, 'imports are limited to 20.0 MB'),
}


@pytest.mark.parametrize('case', MALFORMED)
@pytest.mark.parametrize('kind', ['auto', 'linkedin', 'vcard', 'csv'])
def test_a_malformed_file_is_refused_and_nothing_is_stored(case: str, kind: str, fresh_store: Store) -> None:
    content, message = MALFORMED[case]
    if case == 'wrong columns' and kind != 'csv':
        message = {'auto': 'CareerNet also imports', 'linkedin': 'does not look like a LinkedIn',
                   'vcard': 'does not look like a vCard'}[kind]
    before = fresh_store.revision

    with pytest.raises(ImportFormatError, match=message) as caught:
        prepare(kind, content, fresh_store.contacts.all(), today=TODAY)

    assert isinstance(caught.value, ImportTooLargeError) == (case == 'a 50 MB file of garbage')
    assert fresh_store.revision == before
    assert len(fresh_store.contacts) == 0


def test_an_unknown_format_is_a_programming_error(fresh_store: Store) -> None:
    with pytest.raises(ValueError, match='Unknown import format "xlsx"'):
        prepare('xlsx', b'x', [], today=TODAY)


def test_an_edit_made_after_the_preview_wins_over_the_file(fresh_store: Store) -> None:
    imported(fresh_store, LINKEDIN)
    prepared = planned(fresh_store, VCARDS)  # would add Dana's phone and notes
    dana = by_name(fresh_store)['Dana Okafor']
    mine = fresh_store.contacts.update(dataclasses.replace(dana, notes='Written by me meanwhile', title='CTO'))

    summary = apply(fresh_store, prepared)

    after = fresh_store.contacts.get(dana.id)
    assert (after.notes, after.title) == (mine.notes, 'CTO')
    assert after.phones == ('+1 (415) 555-0142',)
    assert [row.outcome for row in summary.rows if row.name == 'Dana Okafor'] == [Outcome.UPDATED]


def test_a_contact_deleted_after_the_preview_is_not_brought_back(fresh_store: Store) -> None:
    imported(fresh_store, LINKEDIN)
    prepared = planned(fresh_store, VCARDS)
    dana = by_name(fresh_store)['Dana Okafor']
    fresh_store.contacts.delete(dana.id)

    summary = apply(fresh_store, prepared)

    assert fresh_store.contacts.find(dana.id) is None
    [row] = [row for row in summary.rows if row.name == 'Dana Okafor']
    assert row.outcome is Outcome.SKIPPED
    assert 'deleted after the preview' in row.detail


def test_a_stale_plan_is_noticed_and_replanned(fresh_store: Store) -> None:
    prepared = planned(fresh_store, LINKEDIN)
    assert not is_stale(prepared, fresh_store)
    imported(fresh_store, LINKEDIN)  # e.g. the same file imported in another tab meanwhile

    assert is_stale(prepared, fresh_store)
    fresh = replan(prepared, fresh_store.contacts.all(), fresh_store.revision, today=TODAY)
    assert apply(fresh_store, fresh).writes == 0
    assert len(fresh_store.contacts) == 24


async def test_applying_in_batches_stores_the_same_and_reports_progress(fresh_store: Store) -> None:
    imported(fresh_store, LINKEDIN)
    prepared = planned(fresh_store, VCARDS, 'vcard')
    seen: list[tuple[int, int]] = []

    summary = await apply_in_batches(fresh_store, prepared, include_duplicates=True,
                                     batch_size=2, progress=lambda done, total: seen.append((done, total)))

    assert seen == [(2, 4), (3, 4), (4, 4)]  # three new contacts in two slices, then the update
    assert summary.writes == 1  # one transaction: all of the file or none of it
    assert summary.imported == 3
    assert summary.updated == 1
    assert len(fresh_store.contacts) == 27


async def test_a_large_file_in_batches_is_one_write(fresh_store: Store) -> None:
    lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On']
    lines += [f'Person,{n},https://www.linkedin.com/in/p{n},,Acme,,01 Feb 2020' for n in range(250)]
    prepared = prepare('linkedin', '\n'.join(lines).encode(), [], today=TODAY)

    seen: list[tuple[int, int]] = []
    summary = await apply_in_batches(fresh_store, prepared, batch_size=100,
                                     progress=lambda done, total: seen.append((done, total)))

    assert seen == [(100, 250), (200, 250), (250, 250)]
    assert summary.writes == 1
    assert summary.imported == len(fresh_store.contacts) == 250


def test_the_summary_csv_neutralises_formulas_from_the_file(fresh_store: Store) -> None:
    content = b'name,email\n=HYPERLINK("http://evil.example"),\n+Mallory,\n@Trudy,not-an-email\n'
    summary = apply(fresh_store, prepare('csv', content, [], today=TODAY))

    text = summary_to_csv(summary)

    assert text.splitlines()[0] == 'line,name,outcome,detail'
    assert '"\'=HYPERLINK(""http://evil.example"")",imported' in text
    assert "'+Mallory,imported" in text
    assert "'@Trudy" in text
    assert by_name(fresh_store)['=HYPERLINK("http://evil.example")']  # stored as the person typed it


def test_reimporting_an_export_into_the_file_it_came_from_writes_nothing(fresh_store: Store) -> None:
    """Regression: contacts added by hand took the file's ``source`` on re-import: one spurious write each."""
    fresh_store.contacts.add_many([Contact(name='Dana Okafor', emails=('dana@example.com',)), Contact(name='Mei Chen')])
    before = fresh_store.revision
    export = contacts_to_csv(fresh_store.contacts.all()).encode()

    summary = apply(fresh_store, prepare('csv', export, fresh_store.contacts.all(), today=TODAY))

    assert (summary.writes, summary.unchanged) == (0, 2)
    assert fresh_store.revision == before
    assert [contact.source for contact in fresh_store.contacts] == ['', '']


# A note of 30 lines is longer than a stray-quote check lets through without asking.
LONG_NOTE = '\n'.join(f'Meeting {n}: talked about the platform team.' for n in range(30))
NOTED_CSV = f'name,email,notes\nDana Okafor,dana@example.com,"{LONG_NOTE}"\nMei Chen,mei@example.com,\n'.encode()


@pytest.mark.parametrize('kind', ['auto', 'csv'])
def test_a_long_quoted_field_is_refused_naming_its_line_unless_accepted(fresh_store: Store, kind: str) -> None:
    with pytest.raises(StrayQuoteError, match='Line 2: a field runs over 30 lines') as caught:
        prepare(kind, NOTED_CSV, fresh_store.contacts.all(), today=TODAY)
    assert caught.value.line == 2

    prepared = prepare(kind, NOTED_CSV, fresh_store.contacts.all(), today=TODAY, accept_stray_quotes=True)

    assert [w for w in prepared.parsed.warnings if w.startswith('Line 2: a field runs over 30 lines')]
    assert [row.contact.name for row in prepared.plan.new] == ['Dana Okafor', 'Mei Chen']
    assert fresh_store.contacts.all() == []  # preparing stores nothing; confirming does
    apply(fresh_store, prepared)
    assert by_name(fresh_store)['Dana Okafor'].notes == LONG_NOTE


def test_accepting_a_stray_quote_reads_the_swallowed_rows_as_one_field_and_skips_that_row(
    fresh_store: Store,
) -> None:
    swallowed = ''.join(f'Person {n},p{n}@example.com\n' for n in range(300))
    text = f'name,email\nDana Okafor,dana@example.com\n"Mei Chen,mei@example.com\n{swallowed}'.encode()

    prepared = prepare('csv', text, fresh_store.contacts.all(), today=TODAY, accept_stray_quotes=True)

    assert prepared.parsed.warnings[0].startswith('Line 3: a field runs to the end of the file')
    assert [row.contact.name for row in prepared.plan.new] == ['Dana Okafor']
    assert [row.line for row in prepared.parsed.skipped] == [3]
