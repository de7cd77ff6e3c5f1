"""Feedback and witnessed accomplishments on a contact's page, and feedback from an accomplishment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User

from careernet_ui.domain import Accomplishment, Contact, Feedback, Metric, Stage
from storage import open_store
from tests.ui.helpers import texts
from tests.ui.test_accomplishments_page import shown, table


@pytest.fixture
def people(data_path: Path) -> dict[str, str]:
    """Mei (who witnessed the latency work and gave feedback on it), Dana (who was asked), Kofi (nothing)."""
    store = open_store(data_path)
    mei = store.contacts.add(Contact(name='Mei Chen', organisation='Globex', stage=Stage.ADVOCATE))
    dana = store.contacts.add(Contact(name='Dana Okafor', organisation='Acme Corp'))
    kofi = store.contacts.add(Contact(name='Kofi Mensah'))
    latency = store.accomplishments.add(Accomplishment(
        title='Cut checkout p95 latency', on=date(2026, 10, 3), witness_ids=(mei.id,),
        metric=Metric(name='p95 latency', value=120, unit='ms', baseline=800)))
    store.accomplishments.add(Accomplishment(title='Raised test coverage', on=date(2026, 6, 1),
                                             witness_ids=(mei.id, dana.id)))
    store.feedback.add(Feedback(contact_id=mei.id, asked_on=date(2026, 10, 5), received_on=date(2026, 10, 9),
                                text='Calm under pressure.', themes=('communication',),
                                accomplishment_ids=(latency.id,)))
    store.feedback.add(Feedback(contact_id=dana.id, asked_on=date(2026, 11, 1)))
    store.close()
    return {'mei': mei.id, 'dana': dana.id, 'kofi': kofi.id, 'latency': latency.id}


async def test_a_contact_with_nothing_yet_is_told_what_to_do(people: dict[str, str], user: User) -> None:
    await user.open(f'/contacts/{people["kofi"]}')
    await user.should_see('No feedback from Kofi yet.')
    await user.should_see('Nothing logged that Kofi Mensah saw yet.')


async def test_the_contact_page_lists_what_they_witnessed_and_said(people: dict[str, str], user: User) -> None:
    await user.open(f'/contacts/{people["mei"]}')
    await user.should_see(marker='contact-witnessed')
    assert texts(user, 'witnessed-title') == ['Cut checkout p95 latency', 'Raised test coverage']
    await user.should_see('3 Oct 2026 · p95 latency 800 → 120 ms')
    assert texts(user, 'feedback-quote') == ['“Calm under pressure.”']
    assert texts(user, 'feedback-status') == ['Asked 5 Oct 2026 · received 9 Oct 2026']
    assert texts(user, 'feedback-about') == ['About: Cut checkout p95 latency']
    link = user.find(marker='contact-witnessed-link').elements.pop()
    assert link.props['href'] == f'/accomplishments?witness={people["mei"]}'


async def test_ask_for_feedback_then_record_the_answer(people: dict[str, str], user: User, data_path: Path) -> None:
    await user.open(f'/contacts/{people["kofi"]}')
    user.find(marker='ask-feedback').click()
    await user.should_see('Ask Kofi Mensah for feedback')
    asked_on = user.find(marker='feedback-asked_on').elements.pop()
    assert isinstance(asked_on, ui.input)
    assert asked_on.value == '2026-11-25'
    user.find(marker='feedback-asked_on').trigger('keydown.enter')
    await user.should_see('Feedback saved.')
    assert await shown(user, 'feedback-status', ['Asked 25 Nov 2026 · no answer yet'])
    [asked] = [f for f in table(data_path, 'feedback') if f['contact_id'] == people['kofi']]
    assert (asked['asked_on'], asked['received_on']) == ('2026-11-25', None)
    user.find(marker='feedback-answer').click()
    await user.should_see('What Kofi Mensah said')
    user.find(marker='feedback-text').type('Your design reviews are the clearest on the team.')
    user.find(marker='feedback-themes').type('clarity, reviews')
    user.find(marker='feedback-save').click()
    assert await shown(user, 'feedback-quote', ['“Your design reviews are the clearest on the team.”'])
    [answered] = [f for f in table(data_path, 'feedback') if f['contact_id'] == people['kofi']]
    assert answered['id'] == asked['id']
    assert (answered['received_on'], answered['themes']) == ('2026-11-25', ['clarity', 'reviews'])


async def test_what_they_said_needs_a_received_date(people: dict[str, str], user: User, data_path: Path) -> None:
    await user.open(f'/contacts/{people["kofi"]}')
    user.find(marker='ask-feedback').click()
    await user.should_see(marker='feedback-dialog')
    user.find(marker='feedback-text').type('Great demo.')
    user.find(marker='feedback-save').click()
    await user.should_see('You wrote what they said: give the date you received it.')
    assert user.find(marker='feedback-received_on').elements.pop().props['error'] is True
    assert not [f for f in table(data_path, 'feedback') if f['contact_id'] == people['kofi']]


async def test_delete_feedback_asks_first(people: dict[str, str], user: User, data_path: Path) -> None:
    await user.open(f'/contacts/{people["dana"]}')
    await user.should_see('Asked 1 Nov 2026 · no answer yet (24 days)')
    user.find(marker='feedback-delete').click()
    await user.should_see('Delete this feedback from Dana Okafor?')
    user.find(marker='confirm-ok').click()
    await user.should_see('Feedback deleted.')
    await user.should_see('No feedback from Dana yet.')
    assert not [f for f in table(data_path, 'feedback') if f['contact_id'] == people['dana']]


async def test_record_feedback_from_an_accomplishment(people: dict[str, str], user: User, data_path: Path) -> None:
    await user.open('/accomplishments')
    user.find(marker='accomplishments-search').type('latency')
    await user.should_see('1–1 of 1')
    user.find(marker='accomplishment-card').trigger('more')
    user.find(marker='accomplishment-feedback').click()
    await user.should_see('Feedback on "Cut checkout p95 latency"')
    user.find(marker='feedback-contact').click()
    user.find(marker='feedback-contact').trigger('inputValue', 'dana')
    user.find('Dana Okafor · Acme Corp').click()
    user.find(marker='feedback-text').type('The rollout plan made it boring, in the best way.')
    user.find(marker='feedback-save').click()
    await user.should_see('Feedback saved.')
    assert await shown(user, 'listed-quote', ['“The rollout plan made it boring, in the best way.” — Dana Okafor',
                                              '“Calm under pressure.” — Mei Chen'])
    [saved] = [f for f in table(data_path, 'feedback') if f['text'].startswith('The rollout')]
    assert (saved['contact_id'], saved['accomplishment_ids']) == (people['dana'], [people['latency']])
    await user.open(f'/contacts/{people["dana"]}')
    await user.should_see('About: Cut checkout p95 latency')


async def test_feedback_from_an_accomplishment_needs_a_person(people: dict[str, str], user: User) -> None:
    await user.open('/accomplishments')
    await user.should_see(marker='accomplishments-list')
    user.find(marker='accomplishment-card').trigger('more')
    user.find(marker='accomplishment-feedback').click()
    await user.should_see(marker='feedback-dialog')
    user.find(marker='feedback-save').click()
    await user.should_see('Choose who the feedback is from.')
    assert user.find(marker='feedback-contact').elements.pop().props['error'] is True
