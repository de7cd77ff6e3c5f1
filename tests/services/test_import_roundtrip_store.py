"""Property, through a real data file: contacts exported and imported again are the same contacts,
and importing an export back into the file it came from writes nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from careernet_ui.domain import Contact
from careernet_ui.importers import contacts_to_csv, contacts_to_vcard
from careernet_ui.importers.keys import email_key, url_key
from careernet_ui.services.imports import apply, prepare
from storage import open_store
from tests.conftest import TODAY
from tests.importers.test_import_roundtrip import contacts, exported_fields

EXPORTS = {'csv': lambda people: contacts_to_csv(people).encode('utf-8-sig'),
           'vcard': lambda people: contacts_to_vcard(people).encode()}


def _distinct_people(people: list[Contact]) -> bool:
    """No two share an e-mail address or a link: a file listing one person twice is merged into one."""
    keys = [key for person in people for key in {*map(email_key, person.emails), *map(url_key, person.links)}]
    return len(keys) == len(set(keys))


@pytest.mark.parametrize('kind', EXPORTS)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(contacts(), min_size=1, max_size=6))
def test_export_then_import_gives_the_same_contacts_and_reimport_writes_nothing(
    kind: str, people: list[Contact]
) -> None:
    assume(_distinct_people(people))
    data = EXPORTS[kind](people)
    with tempfile.TemporaryDirectory() as folder:
        fresh = open_store(Path(folder) / 'fresh.json')
        try:
            summary = apply(fresh, prepare(kind, data, [], today=TODAY), include_duplicates=True)
            assert summary.imported == len(people)
            assert sorted(map(exported_fields, fresh.contacts), key=repr) == sorted(map(exported_fields, people),
                                                                                       key=repr)
        finally:
            fresh.close()
        source = open_store(Path(folder) / 'source.json')
        try:
            source.contacts.add_many(people)
            before = source.revision
            again = apply(source, prepare(kind, data, source.contacts.all(), today=TODAY))
            assert again.writes == 0
            assert source.revision == before
        finally:
            source.close()
