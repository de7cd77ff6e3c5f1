"""A schema version that is not a known whole number is refused, and the file left untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import UnsupportedSchemaVersion, open_store


@pytest.mark.parametrize('version', ['2.0', '"2"', 'NaN', 'true', '-1', 'null', '1.0'])
def test_an_odd_schema_version_is_refused_untouched(data_path: Path, version: str) -> None:
    meta = '{"_meta": {"1": {"schema_version": ' + version + '}}, '
    data_path.write_text(meta + '"contacts": {"1": {"id": "c1", "name": "Dana"}}}')
    before = data_path.read_bytes()
    with pytest.raises(UnsupportedSchemaVersion) as caught:
        open_store(data_path)
    assert data_path.read_bytes() == before
    assert str(data_path) in str(caught.value)
    assert 'not changed' in str(caught.value)


def test_a_meta_table_without_a_version_is_refused(data_path: Path) -> None:
    data_path.write_text('{"_meta": {"1": {}}, "contacts": {}}')
    with pytest.raises(UnsupportedSchemaVersion):
        open_store(data_path)


def test_the_current_version_opens(data_path: Path) -> None:
    data_path.write_text('{"_meta": {"1": {"schema_version": 1}}, "contacts": {"1": {"id": "c1", "name": "Dana"}}}')
    store = open_store(data_path)
    try:
        assert store.contacts.get('c1').name == 'Dana'
    finally:
        store.close()
