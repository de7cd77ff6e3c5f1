"""The pipeline, the contact timeline and the dashboard in a real Chromium, on the --demo network."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from tinydb import TinyDB

from tests.e2e.conftest import Server, screenshot

pytestmark = pytest.mark.e2e


def contact(server: Server, contact_id: str) -> dict[str, Any]:
    """The contact as stored in the data file, read with stock TinyDB."""
    [doc] = [d for d in TinyDB(server.data).table('contacts').all() if d['id'] == contact_id]
    return dict(doc)


def named(server: Server, name: str) -> dict[str, Any]:
    """The demo's storyline person called ``name`` (the last one added with that name)."""
    return dict([d for d in TinyDB(server.data).table('contacts').all() if d['name'] == name][-1])


def column(page: Page, stage: str) -> Any:
    """A column's drop zone on the board."""
    return page.locator(f'[data-stage="{stage}"]')


def drag(page: Page, item: Any, target: Any) -> None:
    """Drag ``item`` onto ``target`` with the mouse, in small steps, as a person does."""
    start, end = item.bounding_box(), target.bounding_box()
    assert start is not None
    assert end is not None
    page.mouse.move(start['x'] + start['width'] / 2, start['y'] + 20)
    page.mouse.down()
    page.mouse.move(start['x'] + start['width'] / 2 + 10, start['y'] + 30, steps=5)
    page.mouse.move(end['x'] + end['width'] / 2, end['y'] + 40, steps=20)
    page.mouse.move(end['x'] + end['width'] / 2, end['y'] + 50, steps=5)
    page.mouse.up()


def test_drag_a_card_from_contact_to_potential_advocate(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/pipeline')
    first = column(page, 'contact').locator('.careernet-card').first
    expect(first).to_be_visible()
    contact_id = first.get_attribute('data-contact')
    assert contact_id
    name = contact(demo_server, contact_id)['name']
    drag(page, first, column(page, 'potential_advocate'))
    # The board re-renders from the store once the move is on disk, the moved card on top.
    expect(column(page, 'potential_advocate').locator('.careernet-card').first).to_have_attribute(
        'data-contact', contact_id)
    expect(column(page, 'contact').locator(f'[data-contact="{contact_id}"]')).to_have_count(0)
    expect(page.get_by_text(f'Moved {name} to Potential advocate.')).to_be_visible()
    stored = contact(demo_server, contact_id)
    assert stored['stage'] == 'potential_advocate'
    assert stored['stage_history'][-1]['from_stage'] == 'contact'
    assert stored['stage_history'][-1]['on'] == '2026-11-25'
    screenshot(page, 'pipeline-board')


def test_move_from_the_keyboard_then_see_it_on_the_timeline(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/pipeline')
    card = column(page, 'contact').locator('.careernet-card').first
    expect(card).to_be_visible()
    contact_id = card.get_attribute('data-contact')
    assert contact_id
    name = contact(demo_server, contact_id)['name']
    card.get_by_role('button', name=re.compile('to another stage')).focus()
    page.keyboard.press('Enter')
    dialog = page.get_by_role('dialog')
    expect(dialog.get_by_text(f'Move {name}')).to_be_visible()
    expect(page.get_by_role('combobox', name='Move to *')).to_be_focused()
    # The stage select has the focus: open it, highlight the first option (Potential advocate), take it.
    page.keyboard.press('ArrowDown')
    expect(page.get_by_role('option', name='Potential advocate')).to_be_visible()
    page.keyboard.press('ArrowDown')
    page.keyboard.press('Enter')
    expect(dialog.get_by_text('Potential advocate')).to_be_visible()
    page.keyboard.press('Tab')
    page.keyboard.type('Asked me to review her conference talk')
    page.keyboard.press('Enter')
    expect(column(page, 'potential_advocate').locator('.careernet-card').first).to_have_attribute(
        'data-contact', contact_id)
    expect(column(page, 'contact').locator(f'[data-contact="{contact_id}"]')).to_have_count(0)
    stored = contact(demo_server, contact_id)
    assert stored['stage'] == 'potential_advocate'
    assert stored['stage_history'][-1]['note'] == 'Asked me to review her conference talk'

    page.goto(f'{demo_server.url}/contacts/{contact_id}')
    entry = page.get_by_text('25 Nov 2026 · Moved from Contact to Potential advocate')
    expect(entry).to_be_visible()
    expect(page.get_by_text('Asked me to review her conference talk').first).to_be_visible()
    screenshot(page, 'contact-timeline')


def test_snooze_an_overdue_advocate_then_log_a_coffee(demo_server: Server, page: Page) -> None:
    dana = named(demo_server, 'Dana Okafor')
    assert dana['stage'] == 'advocate'
    page.goto(demo_server.url + '/')
    # The funnel drew on its canvas; touches per month are twelve bars, the busiest the tallest.
    funnel = page.locator('.careernet-funnel canvas')
    expect(funnel).to_be_visible()
    # CareerNet's own ECharts build drew the four stages: a good share of the canvas is painted.
    painted = funnel.evaluate('''canvas => {
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++;
        return count / (canvas.width * canvas.height);
    }''')
    assert painted > 0.2
    bars = page.locator('.careernet-touches-bar')
    expect(bars).to_have_count(12)
    heights = [box['height'] for box in (bars.nth(i).bounding_box() for i in range(12)) if box]
    assert len(heights) == 12
    assert max(heights) > 100
    assert min(heights) >= 2
    # Every next action keeps its buttons beside its text, however long the reason (never wrapped under it).
    actions = page.locator('.careernet-next-action')
    for index in range(actions.count()):
        action = actions.nth(index)
        action_box, done_box = action.bounding_box(), action.get_by_role('button', name='Done').bounding_box()
        assert action_box
        assert done_box
        assert done_box['x'] > action_box['x'] + action_box['width'] / 2
    # Narrow the next actions to keep-in-touch reminders, where the overdue advocate is.
    show = page.get_by_label('Show')
    [keep_in_touch] = [text for text in show.locator('option').all_inner_texts() if text.startswith('Keep in touch')]
    show.select_option(label=keep_in_touch)
    title = 'Catch up with Dana Okafor — 74 days since your last coffee'
    row = page.locator('.careernet-next-action', has=page.get_by_text(title, exact=True))
    expect(row).to_be_visible()
    expect(row.get_by_text('44 days overdue')).to_be_visible()
    screenshot(page, 'dashboard')
    row.get_by_role('button', name='Snooze…').click()
    page.get_by_role('dialog').get_by_role('button', name='For a week').click()
    expect(page.get_by_text('Snoozed until 2 Dec 2026.')).to_be_visible()
    expect(page.get_by_text(title, exact=True)).to_have_count(0)
    [state] = [s for s in TinyDB(demo_server.data).table('followup_states').all()
               if s['followup_id'] == f'keep_in_touch:{dana["id"]}']
    assert (state['status'], state['until']) == ('snoozed', '2026-12-02')
    screenshot(page, 'dashboard-snoozed')

    page.goto(f'{demo_server.url}/contacts/{dana["id"]}')
    due = page.get_by_text(re.compile(r'^Next catch-up'))
    expect(due).to_have_text('Next catch-up 2 Dec 2026: due in 7 days (snoozed)')
    page.get_by_role('button', name='Log interaction').click()
    page.get_by_label('What happened *').click()
    page.get_by_role('option', name='Coffee', exact=True).click()
    page.get_by_label('Note').fill('Coffee near the office; she starts on the platform org in January.')
    page.get_by_role('button', name='Log', exact=True).click()
    expect(due).to_have_text('Next catch-up 25 Dec 2026: due in 30 days')
    expect(page.get_by_text('25 Nov 2026 · Coffee')).to_be_visible()
    logged = [i for i in TinyDB(demo_server.data).table('interactions').all()
              if i['contact_id'] == dana['id'] and i['on'] == '2026-11-25']
    assert [i['kind'] for i in logged] == ['coffee']
    screenshot(page, 'contact-after-coffee')


def test_bad_input_in_the_log_dialog_is_explained_and_not_stored(demo_server: Server, page: Page) -> None:
    dana = named(demo_server, 'Dana Okafor')
    before = len(TinyDB(demo_server.data).table('interactions').all())
    page.goto(f'{demo_server.url}/contacts/{dana["id"]}')
    page.get_by_role('button', name='Log interaction').click()
    page.get_by_role('button', name='Log', exact=True).click()
    expect(page.get_by_text('Choose what kind of interaction it was').first).to_be_visible()
    page.get_by_label('What happened *').click()
    page.get_by_role('option', name='Call', exact=True).click()
    page.get_by_label('When *').fill('2999-01-01')
    page.get_by_label('When *').press('Enter')
    expect(page.get_by_text('Date 2999-01-01 is in the future').first).to_be_visible()
    screenshot(page, 'log-dialog-error')
    assert len(TinyDB(demo_server.data).table('interactions').all()) == before


def test_the_readme_keyboard_path_moves_a_card_and_focus_returns_to_it(demo_server: Server, page: Page) -> None:
    # Tab to "Move to…", Enter, arrows, Enter, the note, Enter: no Tab between the stage and the note.
    page.goto(demo_server.url + '/pipeline')
    card = column(page, 'contact').locator('.careernet-card').first
    expect(card).to_be_visible()
    contact_id = card.get_attribute('data-contact')
    assert contact_id
    card.get_by_role('button', name=re.compile('to another stage')).focus()
    page.keyboard.press('Enter')
    expect(page.get_by_role('combobox', name='Move to *')).to_be_focused()
    page.keyboard.press('ArrowDown')
    expect(page.get_by_role('option', name='Potential advocate')).to_be_visible()
    page.keyboard.press('ArrowDown')
    page.keyboard.press('Enter')
    expect(page.get_by_role('textbox', name='Why (optional)')).to_be_focused()
    page.keyboard.type('Introduced me to the platform team')
    page.keyboard.press('Enter')
    moved = column(page, 'potential_advocate').locator(f'[data-contact="{contact_id}"]')
    expect(moved).to_be_visible()
    expect(moved.get_by_role('button', name=re.compile('to another stage'))).to_be_focused()
    stored = contact(demo_server, contact_id)
    assert stored['stage'] == 'potential_advocate'
    assert stored['stage_history'][-1]['note'] == 'Introduced me to the platform team'
