"""The witnesses picker in a real Chromium: typed text clears on a choice, and no match says so."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server

pytestmark = pytest.mark.e2e


def test_choosing_a_witness_clears_the_typed_text_and_no_match_is_explained(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/accomplishments')
    page.get_by_role('button', name='Log accomplishment').click()
    witnesses = page.get_by_role('combobox', name='Witnesses: who saw it')
    witnesses.click()
    witnesses.press_sequentially('Dana Ok')
    expect(page.get_by_role('option', name='Dana Okafor · Acme Corp')).to_be_visible()
    page.get_by_role('option', name='Dana Okafor · Acme Corp').click()
    expect(witnesses).to_have_value('')
    witnesses.press_sequentially('Mei Meh')
    expect(page.get_by_role('option', name='Mei Mehta · Initech')).to_be_visible()
    page.get_by_role('option', name='Mei Mehta · Initech').click()
    expect(witnesses).to_have_value('')
    witnesses.press_sequentially('Zebulon')
    expect(page.get_by_text('No contact matches "Zebulon". Add them on the Contacts page.')).to_be_visible()


def test_a_reference_picker_with_no_match_says_so(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/applications')
    page.get_by_role('link', name='Principal Engineer at Cyberdyne Systems').click()
    picker = page.get_by_role('combobox', name='Who did you ask?')
    picker.click()
    picker.press_sequentially('Zebulon')
    expect(page.get_by_text('No contact matches "Zebulon". Add them on the Contacts page.')).to_be_visible()
