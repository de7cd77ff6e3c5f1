"""Everything a person does most, by keyboard alone, in a real Chromium.

No mouse event and no programmatic focus: the tests move with ``page.keyboard`` only (Tab,
Shift+Tab, Enter, Space, arrows, Escape, typing), and check that the focused control is visible
as such, and where focus lands after a dialog closes.

A dialog's first field takes the focus only once the dialog has finished opening (Quasar holds
the ``autofocus`` back while a dialog or menu animates). The tests wait for that focus before
they press anything, as a person waits for the cursor: a Tab pressed sooner, then a select's
menu opened and closed, let the held-back focus land later, in the middle of typing a note.
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
    expect(kind).to_be_focused()  # the dialog has finished opening
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


def pick_person(page: Page, field: Locator, typed: str, option: str) -> None:
    """In a focused people picker: type, wait for the server's match, highlight it, take it with Enter."""
    expect(field).to_be_focused()
    page.keyboard.type(typed)
    # Every letter lands, even typed right after the last choice (which clears the field in the browser).
    expect(field).to_have_value(typed)
    page.wait_for_timeout(700)  # a person reads the list the server sends (250 ms debounce, then the answer)
    match = page.get_by_role('listbox').get_by_role('option', name=re.compile(re.escape(option)))
    expect(match).to_be_visible()
    for _ in range(TABS):
        if match.evaluate("el => el.classList.contains('q-manual-focusable--focused')"):
            page.keyboard.press('Enter')
            return
        page.keyboard.press('ArrowDown')
    raise AssertionError(f'the arrows never reached {option}')


def test_move_a_card_with_a_note_by_keyboard(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/pipeline')
    card = page.locator('[data-stage="contact"] .careernet-card').first
    expect(card).to_be_visible()
    contact_id = card.get_attribute('data-contact')
    tab_to(page, card.get_by_role('button', name=re.compile('to another stage')))
    page.keyboard.press('Enter')
    expect(page.get_by_role('combobox', name='Move to *')).to_be_focused()
    choose_option(page, 'Potential advocate')
    expect(page.get_by_role('textbox', name='Why (optional)')).to_be_focused()
    page.keyboard.type('Offered to introduce me to her VP')
    screenshot(page, 'keyboard-move-card')
    page.keyboard.press('Enter')
    moved = page.locator(f'[data-stage="potential_advocate"] [data-contact="{contact_id}"]')
    expect(moved.get_by_role('button', name=re.compile('to another stage'))).to_be_focused()
    [stored] = [c for c in table(demo_server, 'contacts') if c['id'] == contact_id]
    assert stored['stage'] == 'potential_advocate'
    assert stored['stage_history'][-1]['note'] == 'Offered to introduce me to her VP'


def test_complete_a_next_action_by_keyboard(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/')
    rows = page.locator('.careernet-next-action')
    expect(rows.first).to_be_visible()
    first_title = rows.first.locator('span').first.inner_text()
    second_title = rows.nth(1).locator('span').first.inner_text()
    tab_to(page, rows.first.get_by_role('button', name='Done'))
    page.keyboard.press('Enter')
    expect(page.get_by_text(first_title, exact=True)).to_have_count(0)
    # The focus moves on to the row that took its place, ready for the next one.
    expect(page.locator('.careernet-next-action', has_text=second_title).get_by_role('button', name='Done')) \
        .to_be_focused()
    screenshot(page, 'keyboard-next-action-done')
    assert any(state['status'] == 'done' for state in table(demo_server, 'followup_states'))


def test_log_an_accomplishment_with_two_witnesses_by_keyboard(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/accomplishments')
    tab_to(page, page.get_by_role('button', name='Log accomplishment'))
    page.keyboard.press('Enter')
    dialog = page.get_by_role('dialog')
    expect(dialog.get_by_label('Title *')).to_be_focused()  # the dialog has finished opening
    page.keyboard.type('Halved the build time')
    witnesses = dialog.get_by_role('combobox', name='Witnesses: who saw it')
    tab_to(page, witnesses)
    pick_person(page, witnesses, 'Dana', 'Dana Okafor')
    pick_person(page, witnesses, 'Mei', 'Mei Mehta')
    screenshot(page, 'keyboard-accomplishment-witnesses')
    page.keyboard.press('Escape')  # closes the list, not the dialog
    expect(dialog).to_be_visible()
    tab_to(page, dialog.get_by_role('button', name='Save'))
    page.keyboard.press('Enter')
    expect(dialog).to_be_hidden()
    [stored] = [a for a in table(demo_server, 'accomplishments') if a['title'] == 'Halved the build time']
    people = {c['id']: c['name'] for c in table(demo_server, 'contacts')}
    assert [people[i] for i in stored['witness_ids']] == ['Dana Okafor', 'Mei Mehta']


def test_walk_a_reference_request_through_every_step_by_keyboard(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/applications')
    tab_to(page, page.get_by_role('link', name='Principal Engineer at Cyberdyne Systems'))
    page.keyboard.press('Enter')
    picker = page.get_by_role('combobox', name='Who did you ask?')
    tab_to(page, picker)
    pick_person(page, picker, 'Dana', 'Dana Okafor')
    tab_to(page, page.get_by_role('button', name='Add reference'))
    page.keyboard.press('Enter')
    reference = page.get_by_role('group', name='Reference: Dana Okafor')
    expect(reference).to_be_visible()
    for step in ('Agreed', 'Brief sent', 'Employer contacted', 'Mark thanked'):
        tab_to(page, reference.get_by_role('button', name=step))
        page.keyboard.press('Enter')
        expect(page.get_by_role('dialog').get_by_label('Note (optional)')).to_be_focused()
        page.keyboard.type(f'{step}, by keyboard')
        page.keyboard.press('Enter')  # Enter in the note saves the step
        expect(page.get_by_role('dialog')).to_be_hidden()
    # The outcome can be shared once the application has closed.
    tab_to(page, page.get_by_role('combobox', name='Move to'))
    choose_option(page, 'Rejected')
    tab_to(page, page.get_by_role('button', name='Move', exact=True))
    page.keyboard.press('Enter')
    expect(page.get_by_text('Moved to rejected.')).to_be_visible()
    tab_to(page, reference.get_by_role('button', name='Outcome shared'))
    page.keyboard.press('Enter')
    expect(page.get_by_role('dialog').get_by_label('Note (optional)')).to_be_focused()
    page.keyboard.press('Enter')
    expect(page.get_by_role('dialog')).to_be_hidden()
    screenshot(page, 'keyboard-reference-request')
    people = {c['name']: c['id'] for c in table(demo_server, 'contacts')}
    [request] = [r for r in table(demo_server, 'reference_requests')
                 if r['contact_id'] == people['Dana Okafor'] and r['status'] == 'outcome_shared']
    assert [s['status'] for s in request['history']] == ['asked', 'agreed', 'briefed', 'employer_contacted',
                                                          'thanked', 'outcome_shared']
