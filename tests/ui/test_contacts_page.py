"""The contacts pages as a person uses them, under NiceGUI's simulated user."""

from __future__ import annotations

from pathlib import Path

from nicegui import ui
from nicegui.testing import User
from tinydb import TinyDB

from storage import open_store
from tests.ui.helpers import texts


def stored_names(path: Path) -> list[str]:
    """Names in the data file, read back with stock TinyDB after the app closed it."""
    return sorted(doc['name'] for doc in TinyDB(path).table('contacts').all())


async def test_new_user_sees_an_empty_state_that_says_what_to_do(user: User) -> None:
    await user.open('/contacts')
    await user.should_see('No contacts yet')
    await user.should_see('Add your first contact')


async def test_add_a_contact_through_the_dialog(user: User, data_path: Path) -> None:
    await user.open('/contacts')
    user.find(marker='add-contact').click()
    user.find(marker='contact-name').type('Dana Okafor')
    user.find(marker='contact-organisation').type('Acme Corp')
    user.find(marker='contact-emails').type('dana.okafor@example.com')
    user.find(marker='contact-save').click()
    await user.should_see('Saved Dana Okafor.')
    await user.should_see('dana.okafor@example.com')  # the contact page it navigated to
    store = open_store(data_path.with_name('copy.json'))  # the live file is locked by the app
    store.close()
    assert TinyDB(data_path).table('contacts').all()[0]['organisation'] == 'Acme Corp'


async def test_invalid_input_is_explained_and_nothing_is_stored(user: User, data_path: Path) -> None:
    await user.open('/contacts')
    user.find(marker='add-contact').click()
    user.find(marker='contact-name').type('Mei Chen')
    user.find(marker='contact-emails').type('mei at globex')
    user.find(marker='contact-save').click()
    await user.should_see('"mei at globex" is not an e-mail address')
    emails = user.find(marker='contact-emails').elements.pop()
    assert emails.props['error'] is True
    assert TinyDB(data_path).table('contacts').all() == []


async def test_empty_name_is_refused(user: User, data_path: Path) -> None:
    await user.open('/contacts')
    user.find(marker='add-contact').click()
    user.find(marker='contact-save').click()
    await user.should_see('Name is required.')
    assert TinyDB(data_path).table('contacts').all() == []


async def test_search_narrows_the_list(demo_data: Path, user: User) -> None:
    names = stored_names(demo_data)
    target = names[0]
    await user.open('/contacts')
    await user.should_see(target)
    user.find(marker='contacts-search').type(target)
    expected = sum(1 for name in names if target in name)
    await user.should_see(f'1–{expected} of {expected}')
    shown = set(texts(user, 'contact-link'))
    assert shown == {target} | {name for name in names if target in name}
    user.find(marker='contacts-search').clear()
    user.find(marker='contacts-search').type('zzzz-nobody')
    await user.should_see('No contact matches')


async def test_stage_filter_shows_only_that_stage(demo_data: Path, user: User) -> None:
    docs = TinyDB(demo_data).table('contacts').all()
    advocates = sorted(d['name'] for d in docs if d['stage'] == 'advocate')
    await user.open('/contacts')
    user.find(marker='contacts-stage').click()
    user.find('Advocate').click()
    await user.should_see(f'1–{len(advocates)} of {len(advocates)}')
    shown = sorted(texts(user, 'contact-link'))
    assert shown == advocates


async def test_list_pages_on_the_server(demo_data: Path, user: User) -> None:
    total = len(TinyDB(demo_data).table('contacts').all())
    await user.open('/contacts')
    await user.should_see(f'1–25 of {total}')
    assert len(texts(user, 'contact-link')) == 25
    user.find('Next').click()
    await user.should_see(f'26–{total} of {total}')


async def test_edit_a_contact_changes_stage_and_records_it(user: User, data_path: Path) -> None:
    await user.open('/contacts')
    user.find(marker='add-contact').click()
    user.find(marker='contact-name').type('Tomasz Nowak')
    user.find(marker='contact-save').click()
    await user.should_see('Saved Tomasz Nowak.')
    await user.should_see(marker='edit-contact')
    user.find(marker='edit-contact').click()
    await user.should_see(marker='contact-stage_note')
    user.find(marker='contact-stage').click()
    user.find('Reference').click()
    user.find(marker='contact-stage_note').type('Gave a reference to Initech')
    user.find(marker='contact-save').click()
    await user.should_see('Contact → Reference — Gave a reference to Initech')
    doc = TinyDB(data_path).table('contacts').all()[0]
    assert doc['stage'] == 'reference'
    assert [change['to_stage'] for change in doc['stage_history']] == ['contact', 'reference']


async def test_delete_asks_first_and_then_removes(user: User, data_path: Path) -> None:
    await user.open('/contacts')
    user.find(marker='add-contact').click()
    user.find(marker='contact-name').type('José Martín')
    user.find(marker='contact-save').click()
    await user.should_see('Saved José Martín.')
    await user.should_see(marker='delete-contact')
    user.find(marker='delete-contact').click()
    await user.should_see('Delete José Martín and everything logged about them?')
    user.find(marker='confirm-cancel').click()
    assert len(TinyDB(data_path).table('contacts').all()) == 1
    user.find(marker='delete-contact').click()
    user.find(marker='confirm-ok').click()
    await user.should_see('Deleted José Martín.')
    assert TinyDB(data_path).table('contacts').all() == []


async def test_unknown_contact_page_says_so(user: User) -> None:
    await user.open('/contacts/does-not-exist')
    await user.should_see('This contact does not exist')


async def test_user_typed_markup_is_shown_as_text(user: User) -> None:
    await user.open('/contacts')
    user.find(marker='add-contact').click()
    user.find(marker='contact-name').type('<b>bold</b>')
    user.find(marker='contact-save').click()
    await user.should_see('Saved <b>bold</b>.')
    await user.should_see(marker='edit-contact')
    title = user.find(marker='page-title').elements.pop()
    assert isinstance(title, ui.label)  # a label sets textContent; markup stays text (see the e2e test)
    assert title.text == '<b>bold</b>'


async def test_enter_saves_from_a_one_line_field_but_not_from_a_textarea(user: User, data_path: Path) -> None:
    """Regression: textareas are inputs to NiceGUI, and Enter in Notes used to save the dialog."""
    await user.open('/contacts')
    user.find(marker='add-contact').click()
    user.find(marker='contact-name').type('Priya Raman')
    user.find(marker='contact-notes').type('First line').trigger('keydown.enter')
    assert TinyDB(data_path).table('contacts').all() == []
    await user.should_see(marker='contact-dialog')
    user.find(marker='contact-name').trigger('keydown.enter')
    await user.should_see('Saved Priya Raman.')
    assert [doc['name'] for doc in TinyDB(data_path).table('contacts').all()] == ['Priya Raman']


async def test_adding_someone_you_already_have_warns_and_offers_to_open_them(user: User, data_path: Path) -> None:
    # Issue 12: adding by hand a person who matches an existing one made a silent second copy.
    await user.open('/contacts')
    user.find(marker='add-contact').click()
    user.find(marker='contact-name').type('Dana Okafor')
    user.find(marker='contact-emails').type('dana.okafor@example.com')
    user.find(marker='contact-save').click()
    await user.should_see('Saved Dana Okafor.')
    await user.open('/contacts')
    user.find(marker='add-contact').click()
    user.find(marker='contact-name').type('Dana O.')
    user.find(marker='contact-emails').type('Dana.Okafor@example.com')
    user.find(marker='contact-save').click()
    await user.should_see(marker='contact-duplicate-warning')
    await user.should_see(marker='contact-duplicate-warning', content='You already have Dana Okafor: same e-mail.')
    await user.should_see(marker='contact-duplicate-open')
    assert stored_names(data_path) == ['Dana Okafor']
    user.find(marker='contact-save').click()  # Save again: a second person after all
    await user.should_see('Saved Dana O..')
    assert sorted(stored_names(data_path)) == ['Dana O.', 'Dana Okafor']
