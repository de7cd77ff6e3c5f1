"""Everything a person does most, by keyboard alone, in a real Chromium.

No mouse event and no programmatic focus: the tests move with ``page.keyboard`` only (Tab,
Shift+Tab, Enter, Space, arrows, Escape, typing), and check that the focused control is visible
as such, and where focus lands after a dialog closes.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect
from tinydb import TinyDB

from tests.e2e.conftest import Server, screenshot

pytestmark = pytest.mark.e2e

TABS = 120
_FOCUSED = 'el => el === document.activeElement || el.contains(document.activeElement)'
# What a person sees of the focus: an outline, a ring, or Quasar's focus helper lit on the control.
_SHOWS_FOCUS = '''() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const seen = (node) => {
    const style = getComputedStyle(node);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  };
  if (seen(el)) return true;
  const field = el.closest('.q-field');
  if (field && field.classList.contains('q-field--focused')) return true;
  const helper = el.querySelector(':scope > .q-focus-helper');
  return !!helper && getComputedStyle(helper).opacity !== '0';
}'''


def tab_to(page: Page, target: Locator, *, back: bool = False) -> None:
    """Press Tab (or Shift+Tab) until ``target`` has the focus, and check the focus shows."""
    for _ in range(TABS):
        if target.count() and target.first.evaluate(_FOCUSED):
            assert page.evaluate(_SHOWS_FOCUS), f'the focus on {focused(page)!r} does not show'
            return
        page.keyboard.press('Shift+Tab' if back else 'Tab')
    raise AssertionError(f'{TABS} presses of Tab never reached {target}')


def choose_option(page: Page, name: str) -> None:
    """In the focused select: open its list, walk down to ``name`` with the arrows, take it with Enter."""
    page.keyboard.press('ArrowDown')  # opens the list
    option = page.get_by_role('listbox').get_by_role('option', name=name, exact=True)
    expect(option).to_be_visible()
    for _ in range(TABS):
        if option.evaluate("el => el.classList.contains('q-manual-focusable--focused')"):
            page.keyboard.press('Enter')
            return
        page.keyboard.press('ArrowDown')
    raise AssertionError(f'the arrows never reached {name}')


def focused(page: Page) -> str:
    """The focused element's accessible name, roughly: aria-label, text or value."""
    return str(page.evaluate('''() => { const el = document.activeElement;
        return el.getAttribute('aria-label') || el.innerText || el.value || el.tagName; }'''))


def table(server: Server, name: str) -> list[dict[str, Any]]:
    """A table of the running server's data file, read with stock TinyDB."""
    return [dict(doc) for doc in TinyDB(server.data).table(name).all()]


def test_add_a_contact_and_log_an_interaction_by_keyboard(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/contacts')
    tab_to(page, page.get_by_role('button', name='Add contact'))
    page.keyboard.press('Enter')
    expect(page.get_by_label('Name *')).to_be_focused()
    page.keyboard.type('Farida Haddad')
    tab_to(page, page.get_by_label('Organisation'))
    page.keyboard.type('Umbrella Health')
    screenshot(page, 'keyboard-add-contact')
    page.keyboard.press('Enter')  # Enter in a field saves the dialog
    expect(page.locator('.text-2xl', has_text='Farida Haddad')).to_be_visible()
    [farida] = [c for c in table(demo_server, 'contacts') if c['name'] == 'Farida Haddad']
    assert farida['organisation'] == 'Umbrella Health'

    # On her page: log a coffee.
    tab_to(page, page.get_by_role('button', name=re.compile('^Log')).first)
    page.keyboard.press('Enter')
    dialog = page.get_by_role('dialog')
    kind = dialog.get_by_role('combobox', name='What happened *')
    tab_to(page, kind)
    choose_option(page, 'Coffee')
    expect(kind.locator('xpath=ancestor::label')).to_contain_text('Coffee')
    tab_to(page, dialog.get_by_label('Note'))
    page.keyboard.type('Coffee about the platform team')
    screenshot(page, 'keyboard-log-interaction')
    tab_to(page, dialog.get_by_role('button', name='Log'))
    page.keyboard.press('Enter')
    expect(dialog).to_be_hidden()
    [logged] = [i for i in table(demo_server, 'interactions') if i['contact_id'] == farida['id']]
    assert (logged['kind'], logged['note']) == ('coffee', 'Coffee about the platform team')
    # Focus comes back to where the person was (the redrawn button), not to the top of the page.
    expect(page.get_by_role('button', name='Log interaction')).to_be_focused()
