"""The pipeline board under NiceGUI's simulated user: columns, moves (keyboard and drop), logging, filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.components.pipeline_card import PipelineCard
from careernet_ui.domain import Role, Stage
from careernet_ui.domain.board import COLUMN_SIZE
from storage import open_store
from tests.conftest import TODAY
from tests.ui.helpers import components, texts
from tests.ui.relationships import Story, person, write_story


@pytest.fixture
def story(data_path: Path) -> Story:
    return write_story(data_path)


def cards(user: User, column: str = '') -> list[PipelineCard]:
    """The cards on the board (or in one stage's column), in page order."""
    if not column:
        return components(user, 'pipeline-card', PipelineCard)
    with user.scope(marker=f'cards-{column}'):
        return components(user, 'pipeline-card', PipelineCard)


def card_of(user: User, contact_id: str) -> PipelineCard:
    [card] = [card for card in cards(user) if card.contact.id == contact_id]
    return card


def stored_contact(path: Path, contact_id: str) -> dict[str, Any]:
    [doc] = [d for d in TinyDB(path).table('contacts').all() if d['id'] == contact_id]
    return doc


async def test_new_user_is_told_how_to_fill_the_pipeline(user: User) -> None:
    await user.open('/pipeline')
    await user.should_see('Your pipeline is empty')
    await user.should_see(marker='pipeline-add-contacts')


async def test_each_column_lists_its_people_overdue_first_with_counts(story: Story, user: User) -> None:
    await user.open('/pipeline')
    await user.should_see(marker='pipeline-board')
    assert texts(user, 'total-contact') == ['2']
    assert texts(user, 'total-advocate') == ['1']
    with user.scope(marker='cards-advocate'):
        await user.should_see('Dana Okafor')
        await user.should_see('Overdue')
    with user.scope(marker='cards-reference'):
        await user.should_see('Priya Raman')
        await user.should_not_see('Overdue')
    assert [(card.props['name'], card.overdue) for card in cards(user, 'advocate')] == [('Dana Okafor', True)]
    # Tomasz has no interaction: his last contact (added a year ago) is older than Mei's advice.
    assert [card.props['name'] for card in cards(user, 'contact')] == ['Tomasz Nowak', 'Mei Chen']


async def test_move_to_from_the_keyboard_records_a_dated_stage_change(
    story: Story, user: User, data_path: Path
) -> None:
    await user.open('/pipeline')
    user.find(marker=f'card-{story.mei}').trigger('move')
    await user.should_see(marker='move-dialog')
    with user.scope(marker='move-dialog'):
        user.find(marker='move-stage').click()
        user.find('Potential advocate').click()
        user.find(marker='move-note').type('Asks my view on every design doc')
        user.find(marker='move-note').trigger('keydown.enter')
    await user.should_see('Moved Mei Chen to Potential advocate.')
    await user.should_see(marker='total-contact', content='1')  # the board re-rendered
    with user.scope(marker='cards-potential_advocate'):
        await user.should_see('Mei Chen')
    doc = stored_contact(data_path, story.mei)
    assert doc['stage'] == 'potential_advocate'
    assert doc['stage_history'][-1] == {'on': TODAY.isoformat(), 'to_stage': 'potential_advocate',
                                        'from_stage': 'contact', 'note': 'Asks my view on every design doc'}


async def test_move_without_a_stage_says_what_to_do_and_stores_nothing(
    story: Story, user: User, data_path: Path
) -> None:
    await user.open('/pipeline')
    user.find(marker=f'card-{story.tomasz}').trigger('move')
    await user.should_see(marker='move-dialog')
    user.find(marker='move-save').click()
    stage = user.find(marker='move-stage').elements.pop()
    assert stage.props['error-message'] == 'Choose the stage to move to.'
    assert stored_contact(data_path, story.tomasz)['stage'] == 'contact'


async def test_a_card_dropped_on_another_column_moves_the_contact(story: Story, user: User, data_path: Path) -> None:
    await user.open('/pipeline')
    await user.should_see(marker='pipeline-board')
    card = user.find(marker=f'card-{story.tomasz}').elements.pop()
    source = user.find(marker='cards-contact').elements.pop()
    target = user.find(marker='cards-reference').elements.pop()
    # What SortableJS sends when a card is dropped (see nicegui/elements/sortable/sortable.js).
    user.find(marker='cards-contact').trigger('sortend', {'item_id': card.id, 'from_id': source.id,
                                                          'to_id': target.id, 'old_index': 0, 'new_index': 0})
    await user.should_see('Moved Tomasz Nowak to Reference.')
    await user.should_see(marker='total-reference', content='2')  # the board re-rendered
    with user.scope(marker='cards-reference'):
        await user.should_see('Tomasz Nowak')
    assert stored_contact(data_path, story.tomasz)['stage'] == 'reference'
    assert texts(user, 'total-contact') == ['1']


async def test_log_an_interaction_from_a_card(story: Story, user: User, data_path: Path) -> None:
    await user.open('/pipeline')
    user.find(marker=f'card-{story.dana}').trigger('log')
    await user.should_see('Log an interaction with Dana Okafor')
    with user.scope(marker='log-dialog'):
        user.find(marker='log-kind').click()
        user.find('Coffee').click()
        user.find(marker='log-save').click()
    await user.should_see('Logged: Coffee with Dana Okafor.')
    await user.should_see('Last contact 25 Nov 2026 (today)')  # the board re-rendered
    assert not card_of(user, story.dana).overdue
    logged = [d for d in TinyDB(data_path).table('interactions').all() if d['contact_id'] == story.dana]
    assert sorted(d['on'] for d in logged) == ['2026-09-12', '2026-11-25']


async def test_search_and_filters_narrow_every_column(story: Story, user: User) -> None:
    await user.open('/pipeline')
    user.find(marker='pipeline-search').type('python')  # a tag: Tomasz and Priya
    await user.should_see(marker='empty-advocate')
    assert [texts(user, f'total-{s}') for s in ('contact', 'potential_advocate', 'reference', 'advocate')] == [
        ['1'], ['0'], ['1'], ['0']]
    assert sorted(card.props['name'] for card in cards(user)) == ['Priya Raman', 'Tomasz Nowak']
    assert texts(user, 'empty-advocate') == ['No match here.']
    user.find(marker='pipeline-more-filters').click()  # role, tag and organisation come on request
    user.find(marker='pipeline-organisation').type('hooli')
    await user.should_not_see('Tomasz Nowak')
    assert [card.props['name'] for card in cards(user)] == ['Priya Raman']


async def test_a_long_column_shows_more_on_request(demo_data: Path, user: User) -> None:
    contacts = sum(1 for d in TinyDB(demo_data).table('contacts').all() if d['stage'] == 'contact')
    assert contacts > 2 * COLUMN_SIZE  # the demo network needs "Show more" twice
    await user.open('/pipeline')
    await user.should_see(f'{COLUMN_SIZE} of {contacts}')
    with user.scope(marker='cards-contact'):
        assert len(user.find(marker='pipeline-card').elements) == COLUMN_SIZE
    user.find(marker='more-contact').click()
    await user.should_see(f'{2 * COLUMN_SIZE} of {contacts}')
    with user.scope(marker='cards-contact'):
        assert len(user.find(marker='pipeline-card').elements) == 2 * COLUMN_SIZE


@pytest.fixture
def markup_name(data_path: Path) -> Path:
    store = open_store(data_path)
    store.contacts.add(person('<b>bold</b>', Stage.CONTACT, Role.PEER, '<i>Org</i>', []))
    store.close()
    return data_path


async def test_names_are_shown_as_text(markup_name: Path, user: User) -> None:
    await user.open('/pipeline')
    await user.should_see('<b>bold</b>')
    [card] = cards(user)
    # The card's component puts the name in with {{ }} (text, never HTML): see test_no_component_renders_html.
    assert card.props['name'] == '<b>bold</b>'


async def test_a_moved_card_leads_its_new_column_even_when_it_ranks_last(demo_data: Path, user: User) -> None:
    docs = TinyDB(demo_data).table('contacts').all()
    await user.open('/pipeline')
    await user.should_see(marker='cards-contact')
    first = cards(user, 'contact')[0]
    contact_id = first.props['data-contact']
    [name] = [d['name'] for d in docs if d['id'] == contact_id]
    user.find(marker=f'card-{contact_id}').trigger('move')
    with user.scope(marker='move-dialog'):
        user.find(marker='move-stage').click()
        user.find('Potential advocate').click()
        user.find(marker='move-save').click()
    await user.should_see(f'Moved {name} to Potential advocate.')
    potential = sum(1 for d in docs if d['stage'] == 'potential_advocate')
    await user.should_see(marker='total-potential_advocate', content=str(potential + 1))  # re-rendered
    # Just moved, so last by "longest since contact", yet first in the column, where it was dropped.
    assert cards(user, 'potential_advocate')[0].props['data-contact'] == contact_id


async def test_a_card_of_someone_never_contacted_says_so_and_comes_first(story: Story, user: User) -> None:
    # Issue 12: after an import every card read "Last contact <today> (today)" though nothing was logged.
    await user.open('/pipeline')
    await user.should_see(marker='pipeline-board')
    contacts_column = cards(user, 'contact')
    assert contacts_column[0].contact.id == story.tomasz
    assert contacts_column[0].details.endswith('\nNever contacted')
