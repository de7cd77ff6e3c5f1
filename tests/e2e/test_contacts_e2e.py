"""The foundation's flows in a real Chromium."""

from __future__ import annotations

import re
import signal
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect
from tinydb import TinyDB

from tests.e2e.conftest import Server, screenshot

pytestmark = pytest.mark.e2e


def add_contact(page: Page, name: str, organisation: str = '', email: str = '') -> None:
    """Fill and save the add-contact dialog, as a person would, from the keyboard."""
    page.get_by_role('button', name='Add').first.click()  # 'Add contact' or 'Add your first contact'
    page.get_by_label('Name *').fill(name)
    if organisation:
        page.get_by_label('Organisation').fill(organisation)
    if email:
        page.get_by_label('E-mails').fill(email)
    page.get_by_label('Name *').press('Enter')
    # Saving confirms by opening the new contact's page, which happens only once it is on disk.
    expect(page.locator('.text-2xl', has_text=name)).to_be_visible()
    expect(page).to_have_url(re.compile(r'/contacts/[0-9a-f]{32}$'))


def test_add_find_and_open_a_contact(server: Server, page: Page) -> None:
    page.goto(server.url + '/contacts')
    expect(page.get_by_text('No contacts yet')).to_be_visible()
    screenshot(page, 'contacts-empty')
    add_contact(page, 'Dana Okafor', 'Acme Corp', 'dana.okafor@example.com')
    expect(page).to_have_url(f'{server.url}/contacts/' + TinyDB(server.data).table('contacts').all()[0]['id'])
    page.goto(server.url + '/contacts')
    add_contact(page, 'Mei Chen', 'Globex')
    page.goto(server.url + '/contacts')
    page.get_by_label('Search').fill('acme')
    expect(page.get_by_text('1–1 of 1')).to_be_visible()
    expect(page.get_by_role('link', name='Mei Chen')).to_have_count(0)
    screenshot(page, 'contacts-search')
    page.get_by_role('link', name='Dana Okafor').click()
    expect(page.get_by_text('dana.okafor@example.com')).to_be_visible()
    expect(page.get_by_text('Acme Corp', exact=False).first).to_be_visible()
    screenshot(page, 'contact-page')


def test_markup_in_a_name_is_shown_as_text_and_runs_nothing(server: Server, page: Page) -> None:
    hostile = '<img src=x onerror=alert(1)>'
    page.goto(server.url + '/contacts')
    add_contact(page, hostile)
    expect(page.locator('.text-2xl', has_text=hostile)).to_be_visible()
    assert page.locator('img[src="x"]').count() == 0
    page.goto(server.url + '/contacts')
    expect(page.get_by_role('link', name=hostile)).to_be_visible()
    assert page.locator('img[src="x"]').count() == 0
    screenshot(page, 'contacts-markup-as-text')
    # The `page` fixture fails the test if an alert dialog opened.


def test_a_saved_contact_survives_kill_9(server: Server, page: Page) -> None:
    page.goto(server.url + '/contacts')
    add_contact(page, 'Tomasz Nowak', 'Initech')
    server.stop(signal.SIGKILL)
    names = [doc['name'] for doc in TinyDB(server.data).table('contacts').all()]
    assert names == ['Tomasz Nowak']


def test_foreign_host_header_gets_400(server: Server) -> None:
    request = urllib.request.Request(server.url + '/', headers={'Host': 'attacker.example'})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == 400
    with urllib.request.urlopen(server.url + '/', timeout=10) as ok:
        assert ok.status == 200
