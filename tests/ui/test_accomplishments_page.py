"""The accomplishments page as a person uses it, under NiceGUI's simulated user."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB

from careernet_ui.components.accomplishment_card import AccomplishmentCard
from careernet_ui.demo import generate_network
from careernet_ui.domain import Accomplishment, Contact, Network, Stage, due_follow_ups
from careernet_ui.domain.followups.feedback_nudge import FEEDBACK_NUDGE
from careernet_ui.domain.followups.share_accomplishment import SHARE_ACCOMPLISHMENT
from careernet_ui.opening import seed_demo
from storage import open_store
from tests.conftest import TODAY
from tests.ui.helpers import components, texts


@pytest.fixture
def full_demo(data_path: Path) -> Path:
    """The whole --demo network (accomplishments and feedback too) in this test's data file."""
    store = open_store(data_path)
    seed_demo(store, TODAY)
    store.close()
    return data_path


@pytest.fixture
def two_people(data_path: Path) -> tuple[str, str]:
    """Mei Chen (an advocate, with an e-mail) and Dana Okafor, and nothing else."""
    store = open_store(data_path)
    mei = store.contacts.add(Contact(name='Mei Chen', organisation='Globex', stage=Stage.ADVOCATE,
                                     emails=('mei.chen@example.com',)))
    dana = store.contacts.add(Contact(name='Dana Okafor', organisation='Acme Corp', stage=Stage.REFERENCE))
    store.close()
    return mei.id, dana.id


def table(path: Path, name: str) -> list[dict[str, Any]]:
    """A table as stock TinyDB reads it from the file."""
    return [dict(doc) for doc in TinyDB(path).table(name).all()]


def pick(user: User, marker: str, typed: str, option: str) -> None:
    """Type into a server-searched contact select and choose an option, as a person would."""
    select = user.find(marker=marker).elements.pop()
    assert isinstance(select, ui.select)
    if not select.is_showing_popup:
        user.find(marker=marker).click()
    user.find(marker=marker).trigger('inputValue', typed)
    user.find(option).click()


async def shown(user: User, marker: str, expected: list[str]) -> bool:
    """Whether the texts with ``marker`` become ``expected`` within a second (a refresh lands a tick later)."""
    found: list[str] = []
    for _ in range(20):
        found = visible_texts(user, marker)
        if found == expected:
            return True
        await asyncio.sleep(0.05)
    print(f'{marker}: {found}')
    return False


LISTED = {'listed-title': 'title', 'listed-metric': 'metric', 'listed-shared': 'shared', 'listed-quote': 'quotes'}
"""What each accomplishment card shows, by the name the tests ask for it."""


def listed(user: User, marker: str) -> list[Any]:
    """One field of every accomplishment card on the page, in page order (every quote, for quotes)."""
    cards = components(user, 'accomplishment-card', AccomplishmentCard)
    field = LISTED[marker]
    if field == 'quotes':
        return [quote for card in cards for quote in card.props['quotes']]
    return [card.props[field] for card in cards]


def visible_texts(user: User, marker: str) -> list[Any]:
    """Like ``texts`` (or ``listed``, for a card's field), but an empty list when nothing has the marker yet."""
    if marker in LISTED:
        return listed(user, marker)
    try:
        return texts(user, marker)
    except AssertionError:
        return []


async def fill_latency(user: User) -> None:
    user.find(marker='add-accomplishment').click()
    await user.should_see(marker='accomplishment-dialog')
    user.find(marker='accomplishment-title').type('Cut checkout p95 latency')
    user.find(marker='accomplishment-on').clear().type('2026-11-02')
    user.find(marker='accomplishment-project').type('Checkout')
    user.find(marker='accomplishment-metric_name').type('p95 latency')
    user.find(marker='accomplishment-metric_baseline').type('800')
    user.find(marker='accomplishment-metric_value').type('120')
    user.find(marker='accomplishment-metric_unit').type('ms')
    user.find(marker='accomplishment-tags').type('performance, python')


async def test_a_new_user_is_told_why_to_document_accomplishments(user: User) -> None:
    await user.open('/accomplishments')
    await user.should_see('No accomplishments yet')
    await user.should_see('Name the people who saw it')
    await user.should_see('Log your first accomplishment')


async def test_log_an_accomplishment_with_a_metric_and_two_witnesses(two_people: tuple[str, str], user: User,
                                                                    data_path: Path) -> None:
    mei, dana = two_people
    await user.open('/accomplishments')
    await fill_latency(user)
    await user.should_see('Reads: p95 latency 800 → 120 ms')
    await user.should_not_see(marker='accomplishment-delete')  # nothing to delete until it is saved
    pick(user, 'accomplishment-witnesses', 'mei', 'Mei Chen · Globex')
    pick(user, 'accomplishment-witnesses', 'okafor', 'Dana Okafor · Acme Corp')
    user.find(marker='accomplishment-save').click()
    await user.should_see('Saved "Cut checkout p95 latency".')
    await user.should_see(marker='accomplishments-list')
    assert listed(user, 'listed-metric') == ['p95 latency 800 → 120 ms']
    [card] = user.find(marker='accomplishment-card').elements
    assert card.props['witnesses'] == [
        {'name': 'Mei Chen', 'href': f'/contacts/{mei}'}, {'name': 'Dana Okafor', 'href': f'/contacts/{dana}'}]
    [doc] = table(data_path, 'accomplishments')
    assert doc['witness_ids'] == [mei, dana]
    assert doc['metric'] == {'name': 'p95 latency', 'value': 120.0, 'unit': 'ms', 'baseline': 800.0, 'signed': False}
    assert doc['tags'] == ['performance', 'python']


async def test_the_witness_search_offers_at_most_a_few_matches(full_demo: Path, user: User) -> None:
    await user.open('/accomplishments')
    user.find(marker='add-accomplishment').click()
    await user.should_see(marker='accomplishment-witnesses')
    user.find(marker='accomplishment-witnesses').trigger('inputValue', 'a')
    select = user.find(marker='accomplishment-witnesses').elements.pop()
    assert isinstance(select, ui.select)
    assert isinstance(select.options, dict)
    assert len(select.options) == 20  # of the demo's many matches
    assert all('a' in label.lower() for label in select.options.values())
    user.find(marker='accomplishment-witnesses').trigger('inputValue', 'zzz-nobody')
    assert select.options == {}


async def test_opening_the_witness_list_suggests_the_closest_relationships(full_demo: Path, user: User) -> None:
    advocates = sorted(label_of(d) for d in table(full_demo, 'contacts') if d['stage'] == 'advocate')
    await user.open('/accomplishments')
    user.find(marker='add-accomplishment').click()
    await user.should_see(marker='accomplishment-witnesses')
    select = user.find(marker='accomplishment-witnesses').elements.pop()
    assert isinstance(select, ui.select)
    assert select.options == {}  # nothing computed while the page was built
    user.find(marker='accomplishment-witnesses').trigger('popupShow')
    assert isinstance(select.options, dict)
    assert len(select.options) == 20
    assert list(select.options.values())[:len(advocates)] == advocates


def label_of(doc: dict[str, Any]) -> str:
    """A contact document as the pick-list shows it."""
    return f'{doc["name"]} · {doc["organisation"]}' if doc['organisation'] else doc['name']


async def test_a_metric_value_that_is_not_a_number_is_explained_under_the_field(user: User, data_path: Path) -> None:
    await user.open('/accomplishments')
    await fill_latency(user)
    user.find(marker='accomplishment-metric_value').clear().type('fast')
    user.find(marker='accomplishment-save').click()
    await user.should_see('Metric value "fast" is not a number.')
    value = user.find(marker='accomplishment-metric_value').elements.pop()
    assert value.props['error'] is True
    assert value.props['error-message'] == 'Metric value "fast" is not a number.'
    assert table(data_path, 'accomplishments') == []


async def test_a_future_date_is_refused_and_enter_saves(user: User, data_path: Path) -> None:
    await user.open('/accomplishments')
    await fill_latency(user)
    user.find(marker='accomplishment-on').clear().type('2027-01-01')
    user.find(marker='accomplishment-title').trigger('keydown.enter')
    await user.should_see('Date 2027-01-01 is in the future')
    assert table(data_path, 'accomplishments') == []
    user.find(marker='accomplishment-on').clear().type('2026-11-20')
    user.find(marker='accomplishment-title').trigger('keydown.enter')
    await user.should_see('Saved "Cut checkout p95 latency".')
    assert len(table(data_path, 'accomplishments')) == 1


async def test_search_filters_and_sort_narrow_the_list(full_demo: Path, user: User) -> None:
    docs = table(full_demo, 'accomplishments')
    await user.open('/accomplishments')
    await user.should_see(f'1–{len(docs)} of {len(docs)}')
    newest_first = [d['title'] for d in sorted(docs, key=lambda d: d['on'], reverse=True)]
    assert listed(user, 'listed-title') == newest_first
    user.find(marker='accomplishments-search').type('latency')
    await user.should_see('1–1 of 1')
    assert listed(user, 'listed-title') == ['Cut checkout p95 latency']
    user.find(marker='accomplishments-search').clear().type('zzzz')
    await user.should_see('No accomplishment matches')
    user.find(marker='accomplishments-search').clear()
    tag = docs[0]['tags'][0]
    await user.should_not_see(marker='accomplishments-tag')  # built when the filters are first opened
    user.find(marker='accomplishments-filters').click()
    with user.scope(marker='accomplishments-filter-panel'):  # the cards show tags too
        user.find(marker='accomplishments-tag').click()
        user.find(tag).click()
    tagged = [d['title'] for d in docs if tag in d['tags']]
    await user.should_see(f'1–{len(tagged)} of {len(tagged)}')
    assert sorted(listed(user, 'listed-title')) == sorted(tagged)
    user.find(marker='accomplishments-sort').click()
    user.find('Title A–Z').click()
    assert await shown(user, 'listed-title', sorted(tagged))


async def test_the_year_filter(full_demo: Path, user: User) -> None:
    docs = table(full_demo, 'accomplishments')
    year = min(int(d['on'][:4]) for d in docs)
    in_year = [d['title'] for d in docs if d['on'].startswith(str(year))]
    await user.open('/accomplishments')
    user.find(marker='accomplishments-filters').click()
    with user.scope(marker='accomplishments-filter-panel'):  # the cards show years too
        user.find(marker='accomplishments-year').click()
        user.find(str(year)).click()
    await user.should_see('Filters · 1 on')
    await user.should_see(f'1–{len(in_year)} of {len(in_year)}')
    assert sorted(listed(user, 'listed-title')) == sorted(in_year)


async def test_a_link_from_a_contact_filters_by_witness(full_demo: Path, user: User) -> None:
    docs = table(full_demo, 'accomplishments')
    witness = docs[0]['witness_ids'][0]
    witnessed = [d['title'] for d in docs if witness in d['witness_ids']]
    await user.open(f'/accomplishments?witness={witness}')
    await user.should_see(f'1–{len(witnessed)} of {len(witnessed)}')
    await user.should_see('Filters · 1 on')
    await user.should_see(marker='accomplishments-witness')  # the filters start open, showing who
    assert sorted(listed(user, 'listed-title')) == sorted(witnessed)


async def test_edit_keeps_the_record_and_delete_asks_first(full_demo: Path, user: User) -> None:
    before = len(table(full_demo, 'accomplishments'))
    await user.open('/accomplishments')
    user.find(marker='accomplishments-search').type('latency')
    await user.should_see('1–1 of 1')
    user.find(marker='accomplishment-card').trigger('more')
    user.find(marker='accomplishment-edit').click()
    await user.should_see(marker='accomplishment-dialog')
    user.find(marker='accomplishment-title').clear().type('Cut checkout latency by 85 %')
    user.find(marker='accomplishment-save').click()
    await user.should_see('Saved "Cut checkout latency by 85 %".')
    assert await shown(user, 'listed-title', ['Cut checkout latency by 85 %'])
    assert sum(d['title'] == 'Cut checkout latency by 85 %' for d in table(full_demo, 'accomplishments')) == 1
    user.find(marker='accomplishment-card').trigger('more')
    user.find(marker='accomplishment-edit').click()
    await user.should_see(marker='accomplishment-delete')
    user.find(marker='accomplishment-delete').click()
    await user.should_see('Delete "Cut checkout latency by 85 %"?')
    user.find(marker='confirm-cancel').click()
    assert len(table(full_demo, 'accomplishments')) == before
    user.find(marker='accomplishment-delete').click()
    user.find(marker='confirm-ok').click()
    await user.should_see('Deleted "Cut checkout latency by 85 %".')
    assert len(table(full_demo, 'accomplishments')) == before - 1
    await user.should_see('No accomplishment matches')  # the search for 'latency' is still on


async def test_share_with_advocates_drafts_an_update_and_logs_it_once_sent(two_people: tuple[str, str], user: User,
                                                                         data_path: Path) -> None:
    mei, _ = two_people
    await user.open('/accomplishments')
    await fill_latency(user)
    user.find(marker='accomplishment-save').click()
    await user.should_see(marker='accomplishments-list')
    assert listed(user, 'listed-shared') == ['Not shared with anyone yet.']
    user.find(marker='accomplishment-card').trigger('share')
    await user.should_see(marker='share-dialog')
    assert texts(user, 'share-name') == ['Mei Chen']  # the advocate; Dana is a reference
    user.find(marker='share-personal').clear().type('Your caching tip paid off.')
    [preview] = texts(user, 'share-preview')
    assert preview.startswith('Subject: Update: Cut checkout p95 latency\n\nHi Mei,\n\nYour caching tip paid off.')
    assert 'The result: p95 latency 800 → 120 ms.' in preview
    mailto = user.find(marker='share-mailto').elements.pop()
    assert mailto.props['href'].startswith('mailto:mei.chen@example.com?subject=Update%3A%20Cut%20checkout')
    assert 'Your%20caching%20tip%20paid%20off.' in mailto.props['href']
    user.find(marker='share-sent').click()
    await user.should_see('Recorded: "Cut checkout p95 latency" shared with Mei Chen.')
    [logged] = table(data_path, 'interactions')
    assert (logged['contact_id'], logged['kind'], logged['on']) == (mei, 'update_sent', TODAY.isoformat())
    assert table(data_path, 'accomplishments')[0]['shared'] == [{'contact_id': mei, 'on': TODAY.isoformat()}]
    assert await shown(user, 'share-done', ['Shared 25 Nov 2026'])
    user.find(marker='share-include-references').click()
    assert await shown(user, 'share-name', ['Dana Okafor', 'Mei Chen'])
    user.find(marker='share-close').click()
    assert await shown(user, 'listed-shared', ['Shared with Mei Chen (advocate) on 25 Nov 2026.'])


async def test_the_share_follow_up_link_opens_the_drafts(full_demo: Path, user: User) -> None:
    doc = table(full_demo, 'accomplishments')[0]
    await user.open(f'/accomplishments?share={doc["id"]}')
    await user.should_see(f'Share "{doc["title"]}" with your advocates')
    assert texts(user, 'share-name')


async def test_download_the_brag_document(full_demo: Path, user: User) -> None:
    docs = table(full_demo, 'accomplishments')
    await user.open('/accomplishments')
    await user.should_see(marker='accomplishments-list')
    user.find(marker='download-brag').click()
    response = await user.download.next()
    text = response.content.decode('utf-8')
    assert text.startswith('# Accomplishments\n')
    assert all(f'### {d["title"]}' in text for d in docs)
    assert '**Result:** p95 latency 800 → 120 ms' in text
    user.find(marker='accomplishments-search').type('latency')
    await user.should_see('1–1 of 1')
    user.find(marker='download-brag').click()
    filtered = (await user.download.next()).content.decode('utf-8')
    assert 'one accomplishment' not in filtered  # wording.count_of says "an accomplishment"
    assert '_Exported 25 Nov 2026: an accomplishment._' in filtered
    assert filtered.count('### ') == 1


async def test_the_share_reminder_reaches_the_dashboard(full_demo: Path, user: User) -> None:
    demo = generate_network(TODAY)  # what full_demo stored (the app holds the file's lock now)
    network = Network(contacts=demo.contacts, accomplishments=demo.accomplishments, feedback=demo.feedback)
    kinds = {f.kind: f for f in due_follow_ups(network, TODAY) if f.kind in (SHARE_ACCOMPLISHMENT, FEEDBACK_NUDGE)}
    assert set(kinds) == {SHARE_ACCOMPLISHMENT, FEEDBACK_NUDGE}  # the demo shows both kinds
    await user.open('/')
    # Overdue, so within the first pages of Next actions (thank-yous and offers owed come before it).
    user.find(marker='next-actions-more').click()
    await user.should_see(kinds[SHARE_ACCOMPLISHMENT].title)



@pytest.fixture
def shared_win(two_people: tuple[str, str], data_path: Path) -> tuple[str, str]:
    """``two_people``, and an accomplishment to share."""
    store = open_store(data_path)
    store.accomplishments.add(Accomplishment(id='win', title='Cut p95 latency', on=date(2026, 11, 1)))
    store.close()
    return two_people


async def test_a_share_draft_for_someone_without_email_says_where_to_add_one(shared_win: tuple[str, str],
                                                                            user: User) -> None:
    _, dana = shared_win
    await user.open('/accomplishments')
    user.find(marker='accomplishment-card').trigger('share')
    await user.should_see(marker='share-dialog')
    user.find(marker='share-include-references').click()
    assert await shown(user, 'share-name', ['Dana Okafor', 'Mei Chen'])
    # Mei has an address: her link is shown. Dana has none: no recipient-less mailto, but where to add one.
    [link] = user.find(marker='share-mailto').elements
    assert link.props['href'].startswith('mailto:mei.chen@example.com?')
    await user.should_see('No e-mail for Dana Okafor:')
    assert [a.props['href'] for a in user.find(marker='share-mailto-none-add').elements] == [f'/contacts/{dana}']
