"""The witnesses picker in a real Chromium: typed text clears on a choice, and no match says so."""

from __future__ import annotations

import signal

import pytest
from playwright.sync_api import Page, expect
from tinydb import TinyDB

from tests.e2e.conftest import Server
from tests.e2e.test_accomplishments_e2e import label

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


def test_two_witnesses_picked_without_waiting_are_both_kept(demo_server: Server, page: Page) -> None:
    # A busy server (paused here, to make it certain) answers the search for "Mei" only after the
    # person has clicked Mei in the list the browser still shows: the choice must still mean Mei.
    page.goto(demo_server.url + '/accomplishments')
    page.get_by_role('button', name='Log accomplishment').click()
    page.get_by_label('Title *').fill('Two witnesses in a hurry')
    witnesses = page.get_by_role('combobox', name='Witnesses: who saw it')
    witnesses.click()
    options = page.get_by_role('listbox').get_by_role('option')
    expect(options.nth(3)).to_be_visible()  # the closest relationships, before anything is typed
    first, last = options.first.inner_text(), options.last.inner_text()
    options.first.click()
    expect(page.get_by_role('option', name=last)).to_be_visible()
    demo_server.process.send_signal(signal.SIGSTOP)
    try:
        witnesses.fill(last.split()[0])
        page.wait_for_timeout(400)  # past the picker's 250 ms debounce: the search is on its way
        page.get_by_role('option', name=last).click()
    finally:
        demo_server.process.send_signal(signal.SIGCONT)
    page.keyboard.press('Escape')
    page.get_by_role('button', name='Save').click()
    expect(page.locator('.q-card', has_text='Two witnesses in a hurry')).to_be_visible()
    [stored] = [doc for doc in TinyDB(demo_server.data).table('accomplishments').all()
                if doc['title'] == 'Two witnesses in a hurry']
    people = {label(doc): doc['id'] for doc in TinyDB(demo_server.data).table('contacts').all()}
    assert stored['witness_ids'] == [people[first], people[last]]
