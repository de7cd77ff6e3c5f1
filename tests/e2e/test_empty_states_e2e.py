"""Every empty state shows its first item as soon as it is saved, in a real Chromium (issue 12, point 3).

The bug: saving the first accomplishment on an empty list said "Saved" and kept "No
accomplishments yet" until a reload (the server logged "The parent element this slot belongs to
has been deleted"), so people saved twice. Each transition is driven as a person does it, and
nothing here reloads the page by hand.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from tinydb import TinyDB

from tests.e2e.conftest import Server

pytestmark = pytest.mark.e2e


def test_each_first_item_shows_without_a_reload(server: Server, page: Page) -> None:
    # The first accomplishment, on an empty list.
    page.goto(server.url + '/accomplishments')
    expect(page.get_by_text('No accomplishments yet')).to_be_visible()
    page.get_by_role('button', name='Log your first accomplishment').click()
    page.get_by_label('Title *').fill('Cut checkout p95 latency')
    page.get_by_role('button', name='Save').click()
    expect(page.locator('.q-card', has_text='Cut checkout p95 latency')).to_be_visible()
    expect(page.get_by_text('No accomplishments yet')).to_have_count(0)
    assert len(TinyDB(server.data).table('accomplishments')) == 1  # saved once

    # The first contact: their page opens.
    page.goto(server.url + '/contacts')
    expect(page.get_by_text('No contacts yet')).to_be_visible()
    page.get_by_role('button', name='Add your first contact').click()
    page.get_by_label('Name *').fill('Dana Okafor')
    page.get_by_label('Name *').press('Enter')
    expect(page.locator('.text-2xl', has_text='Dana Okafor')).to_be_visible()
    contact_url = page.url
    expect(page.get_by_text('Never contacted.')).to_be_visible()

    # Their first feedback: the entry shows, and as a touch it moves the keep-in-touch card and the timeline.
    expect(page.get_by_text('No feedback from Dana yet.', exact=False)).to_be_visible()
    page.get_by_role('button', name='Record feedback').click()
    page.get_by_label('What they said (quotable)').fill('Your design docs are the clearest on the team.')
    page.get_by_role('button', name='Save').click()
    expect(page.get_by_text('“Your design docs are the clearest on the team.”')).to_be_visible()
    expect(page.get_by_text('No feedback from Dana yet.', exact=False)).to_have_count(0)
    expect(page.get_by_text('Last contact 25 Nov 2026 — Gave feedback')).to_be_visible()
    expect(page.locator('.q-card', has_text='Timeline').get_by_text('25 Nov 2026 · Gave feedback')).to_be_visible()

    # Their first introduction.
    expect(page.get_by_text('No introduction recorded.', exact=False)).to_be_visible()
    page.get_by_role('button', name='Record an introduction').click()
    page.get_by_label('Introduced you to').fill('Lee at Globex')
    page.get_by_role('button', name='Save').click()
    expect(page.get_by_text('No introduction recorded.', exact=False)).to_have_count(0)
    expect(page.locator('.q-card', has_text='Doors opened').get_by_text('Lee at Globex').first).to_be_visible()
    assert page.url == contact_url

    # The first application: its page opens, with no reference yet; then the first reference.
    page.goto(server.url + '/applications')
    expect(page.get_by_text('No applications yet')).to_be_visible()
    page.get_by_role('button', name='Add your first application').click()
    page.get_by_label('Company *').fill('Initech')
    page.get_by_label('Position *').fill('Staff Engineer')
    page.get_by_role('button', name='Save').click()
    expect(page).to_have_url(re.compile(r'/applications/[0-9a-f]{32}$'))
    expect(page.get_by_text('No reference yet.', exact=False)).to_be_visible()
    page.get_by_label('Who did you ask?').click()
    page.get_by_label('Who did you ask?').fill('Dana')
    page.get_by_role('option', name=re.compile('Dana Okafor')).click()
    page.get_by_role('button', name='Add reference').click()
    expect(page.get_by_role('group', name='Reference: Dana Okafor')).to_be_visible()
    expect(page.get_by_text('No reference yet.', exact=False)).to_have_count(0)
