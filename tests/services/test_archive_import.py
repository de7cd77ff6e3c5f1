"""Storing a LinkedIn archive: matched to contacts, tagged with its import, idempotent, undone as a whole."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from careernet_ui.domain import Contact, Interaction, InteractionKind
from careernet_ui.domain.contacts import Stage
from careernet_ui.domain.followups.engine import due_follow_ups
from careernet_ui.domain.followups.stage_suggestion import suggested_stage
from careernet_ui.importers.errors import StrayQuoteError
from careernet_ui.services.archive_import import (
    NothingToUndo,
    PreparedArchive,
    prepare_archive,
    store_archive,
    undo_import,
)
from storage import Store
from tests.conftest import TODAY
from tests.importers.linkedin_archive import DANA, LAST_DANA, archive_files, archive_zip


def prepare(store: Store, data: bytes | None = None) -> PreparedArchive:
    return prepare_archive(archive_zip() if data is None else data, contacts=store.contacts.all(),
                           interactions=store.interactions.all(), feedback=store.feedback.all(),
                           settings=store.settings, today=TODAY, revision=store.revision,
                           label='Basic_LinkedInDataExport_03-25-2026.zip')


def by_name(store: Store) -> dict[str, Contact]:
    return {contact.name: contact for contact in store.contacts.all()}


def last_contact(store: Store, contact: Contact) -> date | None:
    return max((i.on for i in store.interactions.all() if i.contact_id == contact.id), default=None)


def test_an_archive_adds_its_connections_and_their_history_tagged_with_the_import(fresh_store: Store) -> None:
    entry = store_archive(fresh_store, prepare(fresh_store))

    assert entry is not None
    people = by_name(fresh_store)
    assert set(people) == {'Dana Okafor', 'Luis García', 'Mei Chen', 'Kwame Mensah, PhD', 'Jo 🚀 Park'}
    assert 'Sam Rivera' not in people
    assert 'Zed Stranger' not in people
    assert last_contact(fresh_store, people['Dana Okafor']) == LAST_DANA
    interactions = fresh_store.interactions.all()
    assert {i.import_id for i in interactions} == {entry.id}
    assert {i.source for i in interactions} == {'linkedin-messages', 'linkedin-recommendations',
                                                'linkedin-endorsements', 'linkedin-invitations'}
    (recommendation,) = fresh_store.feedback.all()
    assert recommendation.contact_id == people['Kwame Mensah, PhD'].id
    assert recommendation.text.startswith('Sam rebuilt our billing pipeline')
    assert recommendation.import_id == entry.id
    assert entry.counts == {'contacts': 5, 'interactions': len(interactions), 'feedback': 1}


def test_the_user_is_remembered_in_settings(fresh_store: Store) -> None:
    store_archive(fresh_store, prepare(fresh_store))

    assert fresh_store.settings.own_name == 'Sam Rivera'
    assert fresh_store.settings.own_profile_url == 'https://www.linkedin.com/in/sam-rivera-0001'


def test_importing_the_same_archive_again_changes_nothing(fresh_store: Store) -> None:
    store_archive(fresh_store, prepare(fresh_store))
    revision = fresh_store.revision
    again = prepare(fresh_store)

    assert not again.has_work
    assert (again.plan.records, again.plan.already_stored) == (0, 10)  # every exchange found stored
    assert store_archive(fresh_store, again) is None
    assert fresh_store.revision == revision
    assert len(fresh_store.settings.import_history) == 1


def test_history_is_matched_to_contacts_the_user_already_has(fresh_store: Store) -> None:
    dana = fresh_store.contacts.add(Contact(name='Dana O.', links=(DANA.replace('https://www.', 'http://'),)))
    fresh_store.interactions.add(Interaction(contact_id=dana.id, kind=InteractionKind.COFFEE, on=date(2025, 1, 1)))
    prepared = prepare(fresh_store)

    move = next(move for move in prepared.plan.moves if move.contact.id == dana.id)
    assert (move.before, move.after, move.days) == (date(2025, 1, 1), LAST_DANA, 445)
    store_archive(fresh_store, prepared)

    assert last_contact(fresh_store, dana) == LAST_DANA


def test_the_preview_lists_the_contacts_whose_last_contact_moves_most_first(fresh_store: Store) -> None:
    prepared = prepare(fresh_store)

    assert [move.contact.name for move in prepared.plan.moves][:2] == ['Jo 🚀 Park', 'Dana Okafor']
    assert prepared.plan.per_contact[by_id_name(prepared, 'Dana Okafor')] == 3
    assert [c.name for c in prepared.plan.may_be_advocates] == ['Kwame Mensah, PhD']
    assert prepared.plan.not_contacts == {'Zed Stranger': 2}


def by_id_name(prepared: PreparedArchive, name: str) -> str:
    return next(contact_id for contact_id, known in prepared.contact_names.items() if known == name)


def test_undo_removes_everything_the_import_added_and_nothing_else(fresh_store: Store) -> None:
    mine = fresh_store.contacts.add(Contact(name='Ada Lovelace'))
    fresh_store.interactions.add(Interaction(contact_id=mine.id, kind=InteractionKind.CALL, on=date(2026, 1, 1)))
    entry = store_archive(fresh_store, prepare(fresh_store))
    assert entry is not None

    undone = undo_import(fresh_store, entry.id)

    assert set(by_name(fresh_store)) == {'Ada Lovelace'}
    assert [i.kind for i in fresh_store.interactions.all()] == [InteractionKind.CALL]
    assert fresh_store.feedback.all() == []
    assert (undone.contacts, undone.feedback) == (5, 1)
    assert fresh_store.settings.import_history[0].undone
    with pytest.raises(NothingToUndo):
        undo_import(fresh_store, entry.id)


def test_undo_keeps_a_contact_the_user_has_worked_with_since(fresh_store: Store) -> None:
    entry = store_archive(fresh_store, prepare(fresh_store))
    assert entry is not None
    dana = by_name(fresh_store)['Dana Okafor']
    fresh_store.interactions.add(Interaction(contact_id=dana.id, kind=InteractionKind.CALL, on=date(2026, 11, 1)))
    mei = by_name(fresh_store)['Mei Chen']
    fresh_store.contacts.update(replace(mei, notes='Met at the offsite.'))

    undone = undo_import(fresh_store, entry.id)

    assert set(by_name(fresh_store)) == {'Dana Okafor', 'Mei Chen'}
    assert undone.contacts_kept == 2
    assert [i.kind for i in fresh_store.interactions.all()] == [InteractionKind.CALL]


def test_after_an_undo_the_archive_can_be_imported_again(fresh_store: Store) -> None:
    first = store_archive(fresh_store, prepare(fresh_store))
    assert first is not None
    count = len(fresh_store.interactions)
    undo_import(fresh_store, first.id)

    second = store_archive(fresh_store, prepare(fresh_store))

    assert second is not None
    assert second.id != first.id
    assert len(fresh_store.interactions) == count


def test_an_archive_without_connections_imports_history_for_existing_contacts_only(fresh_store: Store) -> None:
    fresh_store.contacts.add(Contact(name='Dana Okafor', links=(DANA,)))
    files = archive_files()
    del files['Connections.csv']

    store_archive(fresh_store, prepare(fresh_store, archive_zip(files=files)))

    assert set(by_name(fresh_store)) == {'Dana Okafor'}
    assert len(fresh_store.interactions) == 3  # two message days and the endorsements


def test_interactions_from_before_this_feature_still_open(fresh_store: Store) -> None:
    from storage.codec import decode

    old = decode(Interaction, {'id': 'a' * 32, 'contact_id': 'c', 'kind': 'call', 'on': '2026-01-01', 'note': ''})

    assert (old.source, old.import_id, old.direction.value) == ('', '', '')


def test_a_recommendation_in_the_archive_suggests_moving_its_writer_to_advocate_until_undone(
    fresh_store: Store,
) -> None:
    def advocate_suggestions() -> list[str]:
        return [f.title for f in due_follow_ups(fresh_store.network(), TODAY)
                if f.kind == 'stage_suggestion' and suggested_stage(f) is Stage.ADVOCATE]

    entry = store_archive(fresh_store, prepare(fresh_store))
    assert entry is not None
    assert advocate_suggestions() == ['Kwame Mensah, PhD wrote you a recommendation: mark as Advocate?']
    undo_import(fresh_store, entry.id)
    assert advocate_suggestions() == []


def stray_quote_archive() -> bytes:
    files = archive_files()
    more = ''.join(f'Pat,Person {n},https://www.linkedin.com/in/pat-{n},,Acme,Engineer,01 Feb 2024\r\n'
                   for n in range(30))
    files['Connections.csv'] = files['Connections.csv'].replace('Jo 🚀'.encode(), '"Jo 🚀'.encode()) + more.encode()
    return archive_zip(files=files)


def test_a_stray_quote_in_connections_stops_the_archive_unless_accepted(fresh_store: Store) -> None:
    with pytest.raises(StrayQuoteError, match='Line 9: a field runs to the end of the file') as caught:
        prepare(fresh_store, stray_quote_archive())
    assert caught.value.line == 9

    prepared = prepare_archive(stray_quote_archive(), contacts=[], interactions=[], feedback=[],
                               settings=fresh_store.settings, today=TODAY, accept_stray_quotes=True)

    assert prepared.contacts is not None
    assert prepared.contacts.parsed.warnings[0].startswith('Line 9: a field runs to the end of the file')
    assert len(prepared.contacts.plan.new) == 4  # the rows before the quote; the 30 after it are its field
    assert fresh_store.contacts.all() == []
