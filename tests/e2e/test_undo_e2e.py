"""Undo in a real Chromium, on the --demo network: done, a contact delete, and a dropped card's note."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import ARTIFACTS, Server, screenshot
from tests.e2e.layout import PHONE, layout_problems, phone_context
from tests.e2e.test_accessibility_e2e import AXE, serious_violations
from tests.e2e.test_pipeline_e2e import column, drag
from tests.services.test_undo import file_contents

pytestmark = pytest.mark.e2e


def table(server: Server, name: str) -> list[dict[str, Any]]:
    return list(json.loads(server.data.read_text(encoding='utf-8')).get(name, {}).values())


def toast(page: Page) -> Any:
    return page.get_by_role('status').filter(has=page.get_by_role('button', name='Undo'))


def test_done_then_undo_from_the_keyboard(demo_server: Server, page: Page) -> None:
    before = file_contents(demo_server.data)
    page.goto(demo_server.url + '/')
    row = page.locator('.careernet-next-action').first
    expect(row).to_be_visible()
    title = row.locator('.font-medium').first.inner_text()
    row.get_by_role('button', name='Done').click()
    expect(toast(page)).to_contain_text('Marked done.')
    if AXE.exists():  # installed by test_accessibility_e2e's fixture (npm ci in tests/)
        assert serious_violations(page, AXE) == []  # the toast, and the section below the actions
    # "Undo" is in the Tab order, right after the page's content (the toast is last on the page).
    undo = toast(page).get_by_role('button', name='Undo')
    page.evaluate('''() => {
        const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]')]
            .filter(element => element.offsetParent !== null);
        const undo = focusable.findIndex(element => element.textContent.trim() === 'Undo');
        focusable[undo - 1].focus();
    }''')
    page.keyboard.press('Tab')
    expect(undo).to_be_focused()
    page.keyboard.press('Shift+Tab')
    expect(undo).not_to_be_focused()
    shown = time.monotonic()  # the keyboard left the toast: the count starts again
    expect(page.locator('.careernet-next-action').first).not_to_contain_text(title)
    assert [s['status'] for s in table(demo_server, 'followup_states')] == ['done']
    # The toast sits at the bottom, not over the list, for at least 10 s.
    box, viewport = toast(page).bounding_box(), page.viewport_size
    assert box
    assert viewport
    assert box['y'] + box['height'] <= viewport['height']
    screenshot(page, 'undo-toast-done')
    page.wait_for_timeout(max(0.0, shown + 10 - time.monotonic()) * 1000)
    expect(toast(page)).to_be_visible(timeout=100)
    page.keyboard.press('Control+z')  # the shortcut, from anywhere but a text field
    expect(page.get_by_text('Undone.')).to_be_visible()
    expect(page.locator('.careernet-next-action').first).to_contain_text(title)
    assert file_contents(demo_server.data) == before


def test_delete_a_contact_then_undo_puts_everything_back(demo_server: Server, page: Page) -> None:
    witnesses = {w for doc in table(demo_server, 'accomplishments') for w in doc['witness_ids']}
    asked = {doc['contact_id'] for doc in table(demo_server, 'reference_requests')}
    contact_id = sorted(witnesses & asked)[0]
    [name] = [doc['name'] for doc in table(demo_server, 'contacts') if doc['id'] == contact_id]
    before = file_contents(demo_server.data)
    page.goto(f'{demo_server.url}/contacts/{contact_id}')
    page.get_by_role('button', name='Delete').first.click()
    page.get_by_role('dialog').get_by_role('button', name='Delete').click()
    expect(toast(page)).to_contain_text(f'Deleted {name}.')
    assert '/contacts?' in page.url
    assert contact_id not in {doc['id'] for doc in table(demo_server, 'contacts')}
    assert not any(contact_id in doc['witness_ids'] for doc in table(demo_server, 'accomplishments'))
    screenshot(page, 'undo-toast-contact-deleted')
    toast(page).get_by_role('button', name='Undo').click()
    page.wait_for_url(f'{demo_server.url}/contacts/{contact_id}')  # back on their page
    expect(page.get_by_text('Stage history')).to_be_visible()
    assert file_contents(demo_server.data) == before


def test_drop_a_card_then_add_a_note(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/pipeline')
    first = column(page, 'contact').locator('.careernet-card').first
    expect(first).to_be_visible()
    contact_id = first.get_attribute('data-contact')
    assert contact_id
    [name] = [doc['name'] for doc in table(demo_server, 'contacts') if doc['id'] == contact_id]
    drag(page, first, column(page, 'potential_advocate'))
    expect(toast(page)).to_contain_text(f'Moved {name} to Potential advocate.')
    screenshot(page, 'undo-toast-dropped')
    toast(page).get_by_role('button', name='Add note').click()
    dialog = page.get_by_role('dialog')
    expect(dialog.get_by_text(f'Why did {name} move to Potential advocate?')).to_be_visible()
    expect(dialog.get_by_label('Why')).to_be_focused()
    page.keyboard.type('Asked for my view on her talk')
    page.keyboard.press('Enter')
    expect(toast(page)).to_contain_text(f'Moved {name} to Potential advocate, with your note.')
    [stored] = [doc for doc in table(demo_server, 'contacts') if doc['id'] == contact_id]
    assert stored['stage'] == 'potential_advocate'
    assert stored['stage_history'][-1]['note'] == 'Asked for my view on her talk'
    screenshot(page, 'undo-toast-noted')


def test_the_toast_and_the_snoozed_view_fit_a_phone(demo_server: Server, browser: Browser) -> None:
    context = phone_context(browser)
    page = context.new_page()
    try:
        page.goto(demo_server.url + '/')
        row = page.locator('.careernet-next-action').first
        title = row.locator('.font-medium').first.inner_text()
        row.get_by_role('button', name='Dismiss').click()
        expect(toast(page)).to_contain_text('Dismissed.')
        assert layout_problems(page) == []
        box = toast(page).bounding_box()
        assert box
        assert box['y'] + box['height'] <= PHONE['height']
        page.screenshot(path=str(ARTIFACTS / 'undo-toast-phone.png'))  # the window, where the toast is
        # Found again under "Snoozed and dismissed", and brought back from there.
        page.get_by_text('Snoozed and dismissed').click()
        brought = page.get_by_role('button', name=f'Bring back: {title}')
        expect(brought).to_be_visible()
        assert layout_problems(page) == []
        brought.scroll_into_view_if_needed()
        page.wait_for_timeout(500)  # the expansion's opening animation
        page.screenshot(path=str(ARTIFACTS / 'set-aside-phone.png'))
        brought.click()
        expect(toast(page)).to_contain_text(f'Brought back: {title}')
        expect(page.locator('.careernet-next-action').first).to_contain_text(title)
    finally:
        context.close()
