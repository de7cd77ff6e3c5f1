"""Regression: records added together came back in another order after reopening the file.

The table view collected the written document keys in a set, so the durable storage appended new
documents to the file in hash order, and ``Repository.all()`` ("oldest first") changed order on
the next start.
"""

from __future__ import annotations

from pathlib import Path

from careernet_ui.domain import Contact
from storage import open_store


def test_records_added_together_keep_their_order_after_reopening(data_path: Path) -> None:
    store = open_store(data_path)
    added = store.contacts.add_many(Contact(name=f'Person {number}') for number in range(40))
    store.contacts.add(Contact(name='Added later'))
    store.close()

    again = open_store(data_path)
    try:
        assert [contact.name for contact in again.contacts.all()] == [
            *(contact.name for contact in added),
            'Added later',
        ]
    finally:
        again.close()
