"""Accomplishments, witnesses, feedback, updates for advocates and the brag document, in a real Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page, expect
from tinydb import TinyDB

from tests.e2e.conftest import Server, screenshot

pytestmark = pytest.mark.e2e

TITLE = 'Cut search p99 latency'


def contacts_at(server: Server, stage: str) -> list[dict[str, Any]]:
    """Contacts at ``stage`` in the running server's data file, read with stock TinyDB."""
    return [dict(doc) for doc in TinyDB(server.data).table('contacts').all() if doc['stage'] == stage]


def label(contact: dict[str, Any]) -> str:
    """How the contact reads in a pick-list."""
    return f'{contact["name"]} · {contact["organisation"]}' if contact['organisation'] else contact['name']


def choose(page: Page, field: str, typed: str, option: str) -> None:
    """Type into a searchable select and click the option, as a person does."""
    page.get_by_label(field).click()
    page.get_by_label(field).fill(typed)
    page.get_by_role('option', name=option).click()
    # A person sees the chip, closes the list and then types the next name; the picker clears the
    # typed text and refreshes its options from the server meanwhile (later under load).
    expect(page.get_by_label(field).locator('xpath=ancestor::label').get_by_text(option)).to_be_visible()
    page.keyboard.press('Escape')
    expect(page.get_by_label(field)).to_have_value('')
    page.wait_for_timeout(600)  # the picker's 250 ms search debounce and the server's answer


def test_log_share_and_export_an_accomplishment(demo_server: Server, page: Page, tmp_path: Path) -> None:
    advocate = contacts_at(demo_server, 'advocate')[0]
    reference = contacts_at(demo_server, 'reference')[0]
    page.context.grant_permissions(['clipboard-read', 'clipboard-write'], origin=demo_server.url)

    # Log it: a metric and two witnesses.
    page.goto(demo_server.url + '/accomplishments')
    expect(page.get_by_text('1–8 of 8')).to_be_visible()
    page.get_by_role('button', name='Log accomplishment').click()
    page.get_by_label('Title *').fill(TITLE)
    page.get_by_label('Project').fill('Search')
    page.get_by_label('Metric', exact=True).fill('p99 latency')
    page.get_by_label('Before (optional)').fill('2400')
    page.get_by_label('Value').fill('310')
    page.get_by_label('Unit (optional)').fill('ms')
    expect(page.get_by_text('Reads: p99 latency 2400 → 310 ms')).to_be_visible()
    choose(page, 'Witnesses: who saw it', advocate['name'].split()[0], label(advocate))
    choose(page, 'Witnesses: who saw it', reference['name'].split()[0], label(reference))
    page.get_by_label('Skills and tags').fill('performance, search')
    page.get_by_label('What you did').fill('Replaced the N+1 query with one join and cached the facets.')
    screenshot(page, 'accomplishment-dialog')
    page.get_by_role('button', name='Save').click()
    expect(page.get_by_text('1–9 of 9')).to_be_visible()
    card = page.locator('.q-card', has_text=TITLE)
    expect(card.get_by_text('p99 latency 2400 → 310 ms')).to_be_visible()
    expect(card.get_by_role('link', name=advocate['name'])).to_be_visible()
    screenshot(page, 'accomplishments-list')
    [stored] = [a for a in TinyDB(demo_server.data).table('accomplishments').all() if a['title'] == TITLE]
    assert stored['witness_ids'] == [advocate['id'], reference['id']]

    # Edit it from the card's menu (built on first click; the dialog opens beside it); Enter saves.
    card.get_by_role('button', name='More actions').click()
    page.get_by_text('Edit or delete', exact=True).click()
    page.get_by_label('Your role').fill('Staff engineer')
    page.get_by_label('Your role').press('Enter')
    expect(card.get_by_text('25 Nov 2026 · Staff engineer · Search')).to_be_visible()

    # Both witnesses' pages show it; feedback from one of them, linked to it.
    page.goto(f'{demo_server.url}/contacts/{reference["id"]}')
    expect(page.locator('.q-card', has_text='Accomplishments they witnessed').get_by_text(TITLE)).to_be_visible()
    page.goto(f'{demo_server.url}/contacts/{advocate["id"]}')
    expect(page.locator('.q-card', has_text='Accomplishments they witnessed').get_by_text(TITLE)).to_be_visible()
    page.get_by_role('button', name='Record feedback').click()
    page.get_by_label('What they said (quotable)').fill('The search team finally stopped apologising for the UI.')
    page.get_by_label('Themes').fill('impact')
    page.get_by_label('About these accomplishments').click()
    page.get_by_role('option', name=re.compile(re.escape(TITLE))).click()
    page.keyboard.press('Escape')  # close the options, not the dialog
    page.get_by_role('button', name='Save').click()
    expect(page.get_by_text('“The search team finally stopped apologising for the UI.”')).to_be_visible()
    expect(page.get_by_text(f'About: {TITLE}')).to_be_visible()
    screenshot(page, 'contact-feedback')
    [said] = [f for f in TinyDB(demo_server.data).table('feedback').all() if f['text'].startswith('The search team')]
    assert (said['contact_id'], said['accomplishment_ids']) == (advocate['id'], [stored['id']])

    # Share with advocates: a draft in the user's words; copy it, check the mailto, mark it sent.
    page.goto(demo_server.url + '/accomplishments')
    page.get_by_label('Search').fill('p99')
    expect(page.get_by_text('1–1 of 1')).to_be_visible()
    page.get_by_role('button', name='Share').click()
    dialog = page.locator('.q-dialog')
    draft = dialog.locator('.q-card', has_text=advocate['name']).last
    expect(draft.get_by_text('saw this work', exact=True)).to_be_visible()
    draft.get_by_label('Personal line').fill('Thank you for pushing me to measure it first.')
    preview = draft.get_by_text(re.compile('^Subject: Update: ' + re.escape(TITLE)))
    expect(preview).to_contain_text('Thank you for pushing me to measure it first.')
    expect(preview).to_contain_text('The result: p99 latency 2400 → 310 ms.')
    draft.get_by_role('button', name='Copy').click()
    expect(page.get_by_text('Copied the update to the clipboard.')).to_be_visible()
    copied = page.evaluate('navigator.clipboard.readText()')
    assert copied.startswith(f'Subject: Update: {TITLE}\n\nHi {advocate["name"].split()[0]},')
    href = draft.get_by_role('link', name='Open in e-mail').get_attribute('href') or ''
    assert href.startswith(f'mailto:{advocate["emails"][0] if advocate["emails"] else ""}?subject=')
    assert 'Thank you for pushing me to measure it first.' in unquote(href)
    draft.scroll_into_view_if_needed()
    screenshot(page, 'share-dialog')
    draft.get_by_role('button', name='Mark as sent').click()
    expect(draft.get_by_text('Shared 25 Nov 2026')).to_be_visible()
    dialog.get_by_text('Include references too').click()
    other = dialog.locator('.q-card', has_text=reference['name']).last
    other.get_by_role('button', name='Mark as sent').click()
    expect(other.get_by_text('Shared 25 Nov 2026')).to_be_visible()
    dialog.get_by_role('button', name='Close').click()
    expect(card.get_by_text(re.compile(f'^Shared with .*{re.escape(advocate["name"])} \\(advocate\\)'))).to_be_visible()
    sent = [i for i in TinyDB(demo_server.data).table('interactions').all()
            if i['kind'] == 'update_sent' and i['note'] == f'Shared "{TITLE}"']
    assert sorted((i['contact_id'], i['on']) for i in sent) == \
        sorted([(advocate['id'], '2026-11-25'), (reference['id'], '2026-11-25')])
    [shared] = [a for a in TinyDB(demo_server.data).table('accomplishments').all() if a['title'] == TITLE]
    assert {s['contact_id'] for s in shared['shared']} == {advocate['id'], reference['id']}

    # The brag document of what is shown (the search keeps just this one).
    with page.expect_download() as download:
        page.get_by_role('button', name='Download brag.md').click()
    assert download.value.suggested_filename == 'brag.md'
    saved = tmp_path / 'brag.md'
    download.value.save_as(saved)
    text = saved.read_text(encoding='utf-8')
    assert text.startswith('# Accomplishments\n')
    assert f'### {TITLE}' in text
    assert '**Result:** p99 latency 2400 → 310 ms' in text
    assert f'**Witnesses:** {advocate["name"]}, {reference["name"]}' in text
    assert '**Tags:** performance, search' in text
    assert '> The search team finally stopped apologising for the UI.' in text
    assert text.count('### ') == 1
