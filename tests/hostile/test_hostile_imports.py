"""Every hostile import file gets a message, or a bounded and correct import; nothing invalid is stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from careernet_ui.importers import ImportFormatError
from careernet_ui.services.imports import apply, prepare
from storage import Store, open_store
from tests.conftest import TODAY
from tests.hostile.corpus import csv_files, vcard_files

FILES = {**vcard_files(), **csv_files()}
REFUSED = {'not-utf8.vcf', 'nul-in-name.vcf', 'nul-byte.csv', 'surrogate-escape-bytes.csv', 'stray-quote-template.csv',
           'stray-quote-linkedin.csv', 'huge-cell.csv', 'no-header.csv', 'only-garbage.vcf'}


@pytest.mark.parametrize('name', sorted(REFUSED))
def test_a_hostile_import_file_is_refused_in_one_line_and_nothing_stored(name: str, fresh_store: Store) -> None:
    with pytest.raises(ImportFormatError) as caught:
        prepare('auto', FILES[name], fresh_store.contacts.all(), today=TODAY)
    assert '\n' not in str(caught.value)
    assert len(fresh_store.contacts) == 0


@pytest.mark.parametrize('name', sorted(set(FILES) - REFUSED))
def test_a_hostile_import_file_imports_its_valid_rows_and_names_the_rest(name: str, tmp_path: Path) -> None:
    path = tmp_path / 'careernet.json'
    store = open_store(path)
    try:
        prepared = prepare('auto', FILES[name], store.contacts.all(), today=TODAY)
        for skipped in prepared.parsed.skipped:
            assert skipped.reason
            assert '\n' not in skipped.reason
        apply(store, prepared)
        stored = store.contacts.all()
    finally:
        store.close()
    reopened = open_store(path)  # every stored record passes its own validation again
    try:
        assert [c.name for c in reopened.contacts] == [c.name for c in stored]
    finally:
        reopened.close()
    assert len(stored) + len(prepared.parsed.skipped) >= 1


def test_control_characters_in_an_imported_name_skip_that_row_with_its_line(tmp_path: Path) -> None:
    prepared = prepare('auto', FILES['control-in-name.csv'], [], today=TODAY)
    assert [row.contact.name for row in prepared.plan.new] == ['Mei']
    (skipped,) = prepared.parsed.skipped
    assert skipped.line == 2
    assert 'control character' in skipped.reason


def test_a_line_separator_in_a_vcard_note_becomes_a_newline() -> None:
    prepared = prepare('auto', FILES['line-separator-in-note.vcf'], [], today=TODAY)
    assert [row.contact.notes for row in prepared.plan.new] == ['one\ntwo']

