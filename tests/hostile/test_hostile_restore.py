"""Every hostile backup is refused with one line and nothing stored, or restored whole and readable everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from careernet_ui.cli import main
from careernet_ui.domain import Contact
from careernet_ui.importers.contacts_csv import parse_contacts_csv_text
from careernet_ui.importers.export_csv import contacts_to_csv
from careernet_ui.importers.export_vcard import contacts_to_vcard
from careernet_ui.importers.vcard import parse_vcard_text
from storage import open_store
from tests.hostile.corpus import hostile_backups

BACKUPS = hostile_backups()
ACCEPTED = {'accepted-unkind-text.json', 'big-but-parsable-integer.json', 'float-cadence.json',
            'dangling-reference.json', 'unknown-table.json'}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / 'careernet.json'
    store = open_store(path)
    store.contacts.add(Contact(id='e' * 32, name='Already here'))
    store.close()
    return path


def restore(data: Path, name: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    backup = data.parent / name
    backup.write_bytes(BACKUPS[name])
    code = main(['restore', '--data', str(data), str(backup), '--merge'])
    return code, capsys.readouterr().err


@pytest.mark.parametrize('name', sorted(set(BACKUPS) - ACCEPTED))
def test_a_hostile_backup_is_refused_in_one_line_and_nothing_is_stored(
        name: str, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = data.read_bytes()
    code, err = restore(data, name, capsys)
    assert code == 1
    assert err.startswith('careernet: '), err
    assert err.count('\n') == 1, err
    assert 'Nothing was restored' in err or 'not a CareerNet backup' in err, err
    assert data.read_bytes() == before


@pytest.mark.parametrize('name', sorted(ACCEPTED))
def test_a_backup_of_unkind_but_valid_records_restores_and_exports_round_trip(
        name: str, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = restore(data, name, capsys)
    store = open_store(data)
    try:
        contacts = store.contacts.all()
    finally:
        store.close()
    if code != 0:  # refusing is allowed too, in one line, with the file untouched
        assert err.startswith('careernet: '), err
        assert err.count('\n') == 1, err
        assert [c.name for c in contacts] == ['Already here']
        return
    by_csv = {row.contact.name: row.contact for row in parse_contacts_csv_text(contacts_to_csv(contacts)).rows}
    by_vcard = {row.contact.name: row.contact for row in parse_vcard_text(contacts_to_vcard(contacts)).rows}
    for contact in contacts:
        for exported in (by_csv[contact.name], by_vcard[contact.name]):
            assert (exported.organisation, exported.notes, exported.emails, exported.tags, exported.links,
                    exported.phones) == (contact.organisation, contact.notes, contact.emails, contact.tags,
                                         contact.links, contact.phones)
