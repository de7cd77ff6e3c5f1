"""Mixed-direction user text, in a real Chromium: each part is isolated, so it does not scramble."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, screenshot
from tests.e2e.test_contacts_e2e import add_contact

pytestmark = pytest.mark.e2e

NAME = 'نور الهدى'  # Arabic
ORGANISATION = 'אקמה בע"מ'  # Hebrew


def test_a_pipeline_card_isolates_the_name_and_the_organisation(server: Server, page: Page) -> None:
    page.goto(server.url + '/contacts')
    add_contact(page, NAME, ORGANISATION)
    page.goto(server.url + '/pipeline')
    card = page.locator('.careernet-card', has_text=NAME)
    expect(card).to_have_count(1)
    expect(card.get_by_role('link', name=NAME)).to_have_attribute('dir', 'auto')
    expect(card.locator('bdi')).to_have_text(['Other', ORGANISATION])
    screenshot(page, 'pipeline-card-isolated')
