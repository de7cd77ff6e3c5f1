"""A goal and a recommendation letter, in a real Chromium (issue 12, points 10 and 11).

Set a goal on the Goals page (reached from the header); on a contact's page ask for a letter,
give where it lives, and mark it received: each shows at once, without a reload, and the letter
moves the keep-in-touch card and the timeline as the touch it is.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from tinydb import TinyDB

from tests.e2e.conftest import Server, screenshot

pytestmark = pytest.mark.e2e


def test_a_goal_and_a_letter_request_marked_received(server: Server, page: Page) -> None:
    page.goto(server.url + '/')
    page.get_by_role('link', name='Goals').first.click()
    expect(page.get_by_text('No goals yet.', exact=False)).to_be_visible()
    page.get_by_role('button', name='Set a goal').click()
    page.get_by_label('What you are aiming for *').fill('Lead a platform team')
    page.get_by_label('By *').fill('2027-06-30')
    page.get_by_role('button', name='Save').click()
    expect(page.get_by_text('Lead a platform team', exact=True)).to_be_visible()
    expect(page.get_by_text('by 30 Jun 2027')).to_be_visible()
    expect(page.get_by_text('No goals yet.', exact=False)).to_have_count(0)
    screenshot(page, 'goals-page')
    [goal] = TinyDB(server.data).table('goals').all()
    assert (goal['title'], goal['target_on'], goal['status']) == ('Lead a platform team', '2027-06-30', 'open')

    # A person to ask.
    page.goto(server.url + '/contacts')
    page.get_by_role('button', name='Add your first contact').click()
    page.get_by_label('Name *').fill('Alex Moreau')
    page.get_by_label('Name *').press('Enter')
    expect(page.locator('.text-2xl', has_text='Alex Moreau')).to_be_visible()
    expect(page.get_by_text('Never contacted.')).to_be_visible()

    letters = page.locator('.q-card', has_text='Recommendation letters')
    expect(letters.get_by_text('No letter asked of Alex Moreau.', exact=False)).to_be_visible()
    page.get_by_role('button', name='Ask for a letter').click()
    page.get_by_label('For what').fill('MSc application')
    page.get_by_label('Where it lives').fill('javascript:alert(1)')
    page.get_by_role('button', name='Save').click()
    expect(page.get_by_text('Where it lives must be a web address', exact=False).first).to_be_visible()
    assert TinyDB(server.data).table('recommendation_letters').all() == []
    page.get_by_label('Where it lives').fill('https://drive.example.com/alex-letter')
    page.get_by_role('button', name='Save').click()
    expect(letters.get_by_text('Asked 25 Nov 2026; not received yet.')).to_be_visible()
    expect(letters.get_by_text('No letter asked of', exact=False)).to_have_count(0)
    link = letters.get_by_role('link', name='https://drive.example.com/alex-letter')
    expect(link).to_have_attribute('rel', 'noopener noreferrer')
    expect(page.get_by_text('Last contact 25 Nov 2026 — Asked for a recommendation letter for MSc application')) \
        .to_be_visible()

    letters.get_by_role('button', name='Received').click()
    expect(letters.get_by_text('Asked 25 Nov 2026; received 25 Nov 2026; not thanked yet.')).to_be_visible()
    expect(page.locator('.q-card', has_text='Timeline')
           .get_by_text('25 Nov 2026 · Wrote a recommendation letter for MSc application')).to_be_visible()
    screenshot(page, 'letter-received')
    [letter] = TinyDB(server.data).table('recommendation_letters').all()
    assert (letter['purpose'], letter['received_on'], letter['location']) == (
        'MSc application', '2026-11-25', 'https://drive.example.com/alex-letter')
