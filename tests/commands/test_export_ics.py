"""``python app.py export-ics OUT.ics``, as a person runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tinydb import TinyDB

from careernet_ui.calendar.feed import event_uid
from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.cli import main
from storage import open_store
from tests.conftest import TODAY
from tests.feed_helpers import events, seed_demo


@pytest.fixture
def demo_file(data_path: Path) -> Path:
    store = open_store(data_path)
    seed_demo(store, digest_threshold=5)
    store.close()
    return data_path


def test_export_writes_a_valid_feed_and_says_how_many_events(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / 'careernet.ics'

    assert main(['export-ics', str(out), '--data', str(demo_file)]) == 0

    parsed = events(out.read_bytes())
    assert parsed
    assert capsys.readouterr().out == f'Wrote {len(parsed)} calendar events to {out}\n'
    assert all(str(event['URL']).startswith('http://127.0.0.1:8080/') for event in parsed.values())


def test_export_is_byte_identical_run_after_run_and_matches_the_service(demo_file: Path, tmp_path: Path) -> None:
    first, second = tmp_path / 'first.ics', tmp_path / 'second.ics'

    assert main(['export-ics', str(first), '--data', str(demo_file)]) == 0
    assert main(['export-ics', str(second), '--data', str(demo_file)]) == 0

    assert first.read_bytes() == second.read_bytes()
    store = open_store(demo_file)
    try:
        assert CalendarFeed(store, 'http://127.0.0.1:8080').current(TODAY).body == first.read_bytes()
    finally:
        store.close()


def test_export_stores_the_feed_marks_as_the_server_would(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / 'careernet.ics'

    assert main(['export-ics', str(out), '--data', str(demo_file), '--store-marks']) == 0

    data = TinyDB(demo_file)
    marks = data.table('feed_marks').all()
    (settings,) = data.table('settings').all()
    individual = [uid for uid in events(out.read_bytes()) if not uid.startswith('digest-')]
    assert {event_uid(mark['followup_id'], settings['calendar_id']) for mark in marks} >= set(individual)


def test_base_url_sets_where_the_events_link(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / 'careernet.ics'

    main(['export-ics', str(out), '--data', str(demo_file), '--base-url', 'https://careernet.example/'])

    links = [str(event['URL']) for event in events(out.read_bytes()).values()]
    assert links
    assert all(link.startswith('https://careernet.example/') for link in links)


def test_a_missing_data_file_is_an_error_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing, out = tmp_path / 'typo.json', tmp_path / 'careernet.ics'

    assert main(['export-ics', str(out), '--data', str(missing)]) == 1

    assert 'There is no data file at' in capsys.readouterr().err
    assert not missing.exists()
    assert not out.exists()


def test_an_unwritable_output_is_one_line_and_exit_1(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(['export-ics', str(tmp_path / 'no-such-folder' / 'x.ics'), '--data', str(demo_file)]) == 1
    assert main(['export-ics', str(tmp_path), '--data', str(demo_file)]) == 1

    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith('careernet: Cannot write ')
    assert errors[1] == f'careernet: {tmp_path} is a folder; give a file name such as {tmp_path / "careernet.ics"}.'


def test_storing_marks_in_a_file_the_server_has_open_is_refused(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    running = open_store(demo_file)
    try:
        assert main(['export-ics', str(tmp_path / 'x.ics'), '--data', str(demo_file), '--store-marks']) == 1
    finally:
        running.close()

    assert 'is already open in CareerNet' in capsys.readouterr().err
