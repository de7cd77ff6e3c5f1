"""The preview table: rows that need a decision first, capped, each with a unique key."""

from __future__ import annotations

from careernet_ui.services.import_preview import preview_rows
from careernet_ui.services.imports import apply, prepare
from storage import Store
from tests.conftest import TODAY
from tests.services.test_imports import LINKEDIN, VCARDS


def test_rows_that_need_a_look_come_before_unchanged_ones(fresh_store: Store) -> None:
    apply(fresh_store, prepare('linkedin', LINKEDIN, [], today=TODAY))
    vcards = prepare('vcard', VCARDS, fresh_store.contacts.all(), today=TODAY)

    rows = preview_rows(vcards)

    assert [(row['name'], row['action']) for row in rows] == [
        ('Mei Chen', 'New'),
        ('Dana Okafor', 'Update'),
        ('Tomasz Nowak', 'Possible duplicate'),
        ('José Martín', 'Possible duplicate'),
    ]
    assert rows[1]['detail'].startswith('Adds phones, notes.')
    assert rows[2]['detail'].startswith('Possible duplicate of Tomasz Nowak (Umbrella Health)')


def test_the_preview_is_capped_and_keys_are_unique(fresh_store: Store) -> None:
    apply(fresh_store, prepare('linkedin', LINKEDIN, [], today=TODAY))
    again = prepare('linkedin', LINKEDIN, fresh_store.contacts.all(), today=TODAY)

    rows = preview_rows(again, limit=10)

    assert len(rows) == 10
    assert {row['action'] for row in rows} == {'Unchanged'}
    assert len({row['key'] for row in preview_rows(again)}) == 24
