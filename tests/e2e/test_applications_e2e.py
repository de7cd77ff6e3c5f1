"""The reference workflow in a real Chromium, as a new user: from an empty file to a closed application."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from tinydb import TinyDB

from tests.e2e.conftest import Server, screenshot

pytestmark = pytest.mark.e2e


def add_contact(page: Page, name: str, stage: str, consent_since: str = '', consent_until: str = '') -> None:
    """Add a contact at ``stage`` with their consent to be listed, through the contact dialog."""
    page.get_by_role('button', name='Add').first.click()
    page.get_by_label('Name *').fill(name)
    page.get_by_role('dialog').get_by_label('Stage').click()
    page.get_by_role('option', name=stage, exact=True).click()
    if consent_since:
        page.get_by_label('OK to list as reference since').fill(consent_since)
    if consent_until:
        page.get_by_label('… until (optional)').fill(consent_until)
    page.get_by_label('Name *').press('Enter')
    expect(page.locator('.text-2xl', has_text=name)).to_be_visible()


def choose_contact(page: Page, label: str, typed: str, option: str) -> None:
    """Type into a searchable contact select and pick the option the server offers."""
    page.get_by_label(label).click()
    page.get_by_label(label).fill(typed)
    page.get_by_role('option', name=re.compile(re.escape(option))).click()


def record_step(page: Page, person: str, step: str) -> None:
    """Click a reference's next-step button and save the dialog (dated today)."""
    page.get_by_role('group', name=f'Reference: {person}').get_by_role('button', name=step).click()
    page.get_by_role('button', name='Save').click()
    expect(page.get_by_text(f'{person}: {step.lower()}.')).to_be_visible()


def test_a_job_search_run_properly_from_an_empty_file(server: Server, page: Page) -> None:
    page.goto(server.url + '/contacts')
    add_contact(page, 'Dana Okafor', 'Reference', '2026-01-01')
    page.goto(server.url + '/contacts')
    add_contact(page, 'Mei Chen', 'Reference', '2025-01-01', '2026-06-30')
    page.goto(server.url + '/contacts')
    add_contact(page, 'Ada Lovelace', 'Advocate')

    # An application, introduced by the advocate.
    page.goto(server.url + '/applications')
    expect(page.get_by_text('No applications yet')).to_be_visible()
    screenshot(page, 'applications-empty')
    page.get_by_role('button', name='Add your first application').click()
    page.get_by_label('Company *').fill('Initech')
    page.get_by_label('Position *').fill('Staff Engineer')
    page.get_by_label('Job link').fill('https://jobs.example/initech/42')
    page.get_by_label('Interview dates').fill('2026-12-03')
    page.get_by_role('dialog').get_by_label('Stage', exact=True).click()
    page.get_by_role('option', name='Applied').click()
    choose_contact(page, 'Introduced by (optional)', 'Ada', 'Ada Lovelace')
    page.get_by_role('button', name='Save').click()
    expect(page).to_have_url(re.compile(r'/applications/[0-9a-f]{32}$'))
    expect(page.locator('.text-2xl', has_text='Staff Engineer at Initech')).to_be_visible()
    application_url = page.url

    # Two references; the one whose consent expired is warned about.
    choose_contact(page, 'Who did you ask?', 'Dana', 'Dana Okafor')
    page.get_by_role('button', name='Add reference').click()
    expect(page.get_by_role('group', name='Reference: Dana Okafor')).to_be_visible()
    choose_contact(page, 'Who did you ask?', 'Mei', 'Mei Chen')
    expect(page.get_by_text("Mei Chen's consent to be listed expired on 30 Jun 2026")).to_be_visible()
    expect(page.get_by_role('listbox')).to_have_count(0)  # the options menu closed and shows the warning
    screenshot(page, 'application-expired-consent-warning')
    page.get_by_role('button', name='Add reference').click()
    expect(page.get_by_role('group', name='Reference: Mei Chen')).to_be_visible()
    # Only the steps that may come next are offered.
    dana = page.get_by_role('group', name='Reference: Dana Okafor')
    expect(dana.get_by_role('button', name='Agreed')).to_be_visible()
    expect(dana.get_by_role('button', name='Mark thanked')).to_have_count(0)
    record_step(page, 'Dana Okafor', 'Agreed')
    expect(page.get_by_text('Brief Dana Okafor for the Initech Staff Engineer role before your interview on '
                            '3 Dec 2026')).to_be_visible()

    # The brief: generated, then sent.
    page.get_by_role('group', name='Reference: Dana Okafor').get_by_role('link', name='Brief').click()
    expect(page.locator('.text-2xl', has_text='Reference brief for Dana Okafor')).to_be_visible()
    page.get_by_label('Talking points').fill('The checkout rewrite, and how I brought the team along.')
    page.get_by_role('button', name='Save talking points').click()
    expect(page.get_by_text('What I hope comes across:')).to_be_visible()
    # Dana has no e-mail: no message with no recipient, but a way to add the address.
    expect(page.get_by_role('link', name='Open in e-mail')).to_have_count(0)
    expect(page.get_by_text('No e-mail for Dana Okafor:')).to_be_visible()
    expect(page.get_by_role('link', name='add one')).to_have_attribute('href', re.compile(r'^/contacts/[0-9a-f]{32}$'))
    screenshot(page, 'reference-brief')
    page.emulate_media(media='print')
    expect(page.get_by_role('banner')).to_be_hidden()
    screenshot(page, 'reference-brief-print')
    page.emulate_media(media='screen')
    page.get_by_role('button', name='Mark as sent').click()
    expect(page.get_by_text('Brief sent on 25 Nov 2026.')).to_be_visible()

    # The employer called Dana: a thank-you is due within two days.
    page.goto(application_url)
    record_step(page, 'Dana Okafor', 'Employer contacted')
    followups = page.locator('.q-card', has_text='Next steps')
    expect(followups.get_by_text('Thank Dana Okafor for the Initech reference')).to_be_visible()
    expect(followups.get_by_text('Due 27 Nov 2026')).to_be_visible()
    screenshot(page, 'application-thank-you-due')
    page.goto(server.url + '/')
    expect(page.get_by_text('Thank Dana Okafor for the Initech reference').first).to_be_visible()
    expect(page.get_by_text('References in flight')).to_be_visible()
    screenshot(page, 'dashboard-job-search')

    # Mei agrees; the offer comes and is accepted: both references (and Ada) are to hear how it ended.
    page.goto(application_url)
    record_step(page, 'Mei Chen', 'Agreed')
    for stage in ('Offer', 'Accepted'):
        page.get_by_label('Move to').click()
        page.get_by_role('option', name=stage, exact=True).click()
        page.get_by_role('button', name='Move', exact=True).click()
        expect(page.get_by_text(f'Moved to {stage.lower()}.')).to_be_visible()
    for person in ('Dana Okafor', 'Mei Chen', 'Ada Lovelace'):
        expect(followups.get_by_text(f'Tell {person} how the Initech application ended (accepted)')).to_be_visible()
    screenshot(page, 'application-share-outcome')
    record_step(page, 'Mei Chen', 'Outcome shared')
    expect(followups.get_by_text('Tell Mei Chen how the Initech application ended (accepted)')).to_have_count(0)

    # Ada's introduction, recorded on her page, with the application it led to and how far it got.
    page.get_by_role('link', name='Ada Lovelace').first.click()
    expect(page.locator('.text-2xl', has_text='Ada Lovelace')).to_be_visible()
    page.get_by_role('button', name='Record an introduction').click()
    page.get_by_label('Introduced you to').fill('the Initech hiring manager')
    page.get_by_label('Led to the application (optional)').click()
    page.get_by_role('option', name='Staff Engineer at Initech').click()
    page.get_by_role('button', name='Save').click()
    doors = page.locator('.q-card', has_text='Doors opened')
    expect(doors.get_by_text('Introduced you to the Initech hiring manager')).to_be_visible()
    expect(doors.get_by_role('link', name='Staff Engineer at Initech (accepted)')).to_be_visible()
    expect(doors.get_by_text('Offer')).to_be_visible()
    screenshot(page, 'advocate-doors-opened')

    # The references' timelines carry each dated step.
    page.goto(application_url)
    page.get_by_role('link', name='Dana Okafor').first.click()
    expect(page.get_by_text('Reference for Initech: employer contacted')).to_be_visible()
    expect(page.get_by_text('Reference for Initech: briefed')).to_be_visible()
    screenshot(page, 'reference-timeline')

    data = TinyDB(server.data)
    statuses = {doc['contact_id']: doc['status'] for doc in data.table('reference_requests').all()}
    names = {doc['id']: doc['name'] for doc in data.table('contacts').all()}
    assert {names[cid]: status for cid, status in statuses.items()} == {'Dana Okafor': 'employer_contacted',
                                                                       'Mei Chen': 'outcome_shared'}
    kinds = sorted((names[doc['contact_id']], doc['kind']) for doc in data.table('interactions').all())
    assert kinds == [('Dana Okafor', 'email'), ('Mei Chen', 'update_sent')]


def test_the_demo_job_search_opens_without_errors(demo_server: Server, page: Page) -> None:
    page.goto(demo_server.url + '/applications')
    expect(page.get_by_text('Show')).to_be_visible()
    links = page.locator('a[href^="/applications/"]')
    expect(links.first).to_be_visible()
    screenshot(page, 'applications-demo')
    links.first.click()
    expect(page.get_by_text('Next steps')).to_be_visible()
    expect(page.get_by_text('References', exact=True)).to_be_visible()
    screenshot(page, 'application-demo')
    brief = page.get_by_role('link', name='Brief').first
    if brief.count():
        brief.click()
        expect(page.get_by_text('What the employer will probably ask')).to_be_visible()
        expect(page.get_by_text('Work they saw you do')).to_be_visible()
        screenshot(page, 'reference-brief-demo')
    # The page fixture fails the test on any page error.
