"""After every hostile backup was restored (or refused), no page answers 500, in a real Chromium."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from careernet_ui.cli import main
from careernet_ui.demo import generate_network
from careernet_ui.services.seed import add_network
from storage import open_store
from tests.conftest import TODAY
from tests.e2e.conftest import Server, start_server
from tests.hostile.corpus import hostile_backups

pytestmark = pytest.mark.e2e

PAGES = ['/', '/contacts', '/pipeline', '/applications', '/accomplishments', '/calendar', '/settings', '/import',
         '/contacts/nobody', '/applications/nobody']
EXPORTS = ['/export/contacts.csv', '/export/contacts.vcf', '/export/careernet-backup.json']


@pytest.fixture(scope='module')
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, list[str], str]]:
    """app.py on the demo network with every hostile backup merged into it (the refused ones store nothing)."""
    folder = tmp_path_factory.mktemp('hostile')
    data = folder / 'careernet.json'
    store = open_store(data)
    add_network(store, generate_network(TODAY, storylines=True))
    store.close()
    for name, content in hostile_backups().items():
        backup = folder / name
        backup.write_bytes(content)
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            main(['restore', '--data', str(data), str(backup), '--merge'])
    store = open_store(data)
    paths = [f'/contacts/{contact.id}' for contact in store.contacts.all()[-3:]]
    paths += [f'/applications/{application.id}' for application in store.applications.all()[:1]]
    feed = f'/calendar/{store.settings.feed_token}.ics'
    store.close()
    server = start_server(data)
    yield server, paths, feed
    server.stop()


def test_no_page_answers_500_after_the_hostile_backups(
        hostile_server: tuple[Server, list[str], str], page: Page) -> None:
    server, restored, feed = hostile_server
    statuses = {}
    for path in [*PAGES, *restored]:
        response = page.goto(server.url + path)
        assert response is not None
        page.wait_for_load_state('networkidle')
        statuses[path] = response.status
    for path in [*EXPORTS, feed]:
        statuses[path] = page.request.get(server.url + path).status
    assert {path: status for path, status in statuses.items() if status >= 500} == {}
    assert statuses['/contacts'] == 200
    assert page.request.get(server.url + EXPORTS[1]).text().count('BEGIN:VCARD') >= 3


def test_the_unkind_names_show_as_text(hostile_server: tuple[Server, list[str], str], page: Page) -> None:
    server, _, _ = hostile_server
    page.goto(server.url + '/contacts/' + 'c' * 32)
    page.get_by_text('<script>alert(1)</script>', exact=False).first.wait_for()
    assert page.locator('script:text("alert(1)")').count() == 0
