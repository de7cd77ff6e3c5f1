"""Repository.apply: adds, replacements and removals in one durable write, or nothing at all."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from careernet_ui.calendar.marks import FeedMark
from careernet_ui.domain import Contact, NotFoundError
from storage import Store, open_store

STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def mark(key: str, sequence: int = 0) -> FeedMark:
    return FeedMark(followup_id=key, fingerprint='f', sequence=sequence, changed_at=STAMP)


def test_one_write_adds_replaces_and_removes(fresh_store: Store, data_path: Path) -> None:
    fresh_store.feed_marks.add_many([mark('a'), mark('b'), mark('c')])
    storage = fresh_store.data_file
    writes, revision = storage.writes, fresh_store.revision

    fresh_store.feed_marks.apply(add=[mark('d'), mark('e')], update=[mark('b', 1)], delete=['a', 'c'])

    assert storage.writes == writes + 1
    assert fresh_store.revision == revision + 1
    assert [(m.id, m.sequence) for m in fresh_store.feed_marks] == [('b', 1), ('d', 0), ('e', 0)]
    on_disk = json.loads(data_path.read_bytes())
    assert on_disk == storage.documents()
    assert [doc['followup_id'] for doc in on_disk['feed_marks'].values()] == ['b', 'd', 'e']
    fresh_store.close()
    reopened = open_store(data_path)
    try:
        assert [(m.id, m.sequence) for m in reopened.feed_marks] == [('b', 1), ('d', 0), ('e', 0)]
        reopened.feed_marks.add(mark('f'))  # TinyDB's next doc id still follows the applied adds
        assert len(reopened.feed_marks) == 4
    finally:
        reopened.close()


def test_nothing_to_apply_writes_nothing(fresh_store: Store) -> None:
    revision = fresh_store.revision

    fresh_store.feed_marks.apply()

    assert fresh_store.revision == revision


def test_replacements_are_stamped_like_update(fresh_store: Store) -> None:
    dana = fresh_store.contacts.add(Contact(name='Dana', created_at=STAMP, updated_at=STAMP))

    fresh_store.contacts.apply(update=[dataclasses.replace(dana, name='Dana Okafor')])

    stored = fresh_store.contacts.get(dana.id)
    assert stored.name == 'Dana Okafor'
    assert stored.updated_at > STAMP


@pytest.mark.parametrize(
    ('change', 'error'),
    [
        ({'add': [mark('a')]}, ValueError),
        ({'update': [mark('missing')]}, NotFoundError),
        ({'delete': ['missing']}, NotFoundError),
        ({'update': [mark('a', 1)], 'delete': ['a']}, ValueError),
        ({'add': [mark('x'), mark('x')]}, ValueError),
    ],
    ids=['add-existing', 'update-missing', 'delete-missing', 'update-and-delete', 'add-twice'],
)
def test_a_bad_change_stores_nothing(
    fresh_store: Store, data_path: Path, change: dict[str, list[Any]], error: type[Exception]
) -> None:
    fresh_store.feed_marks.add(mark('a'))
    before, revision = data_path.read_bytes(), fresh_store.revision

    with pytest.raises(error):
        fresh_store.feed_marks.apply(**{'add': [mark('new')], **change})

    assert data_path.read_bytes() == before
    assert fresh_store.revision == revision
    assert [m.id for m in fresh_store.feed_marks] == ['a']


def test_storing_feed_marks_keeps_the_network_snapshot(fresh_store: Store) -> None:
    fresh_store.contacts.add(Contact(name='Dana'))
    network = fresh_store.network()
    heard: list[int] = []
    fresh_store.subscribe(lambda: heard.append(fresh_store.revision))

    fresh_store.feed_marks.apply(add=[mark('a')])

    assert fresh_store.network() is network
    assert heard == [fresh_store.revision], 'listeners still hear of the write'
    fresh_store.contacts.add(Contact(name='Aiko'))
    assert fresh_store.network() is not network
