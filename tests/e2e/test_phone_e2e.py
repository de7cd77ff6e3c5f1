"""Every page and the main dialogs on a phone (390×844, and 360 wide): nothing runs off the screen sideways.

Each page is also saved at the phone's size and at 1280×800 in tests/artifacts/, for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import ARTIFACTS, Server, screenshot
from tests.e2e.layout import DESKTOP, NARROW, layout_problems, phone_context

pytestmark = pytest.mark.e2e

PAGES = ('/', '/contacts', '/accomplishments', '/goals', '/pipeline', '/applications', '/settings', '/calendar',
         '/import')


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A tab in a phone's browser that fails the test on any page error."""
    context = phone_context(browser)
    tab = context.new_page()
    errors: list[str] = []
    tab.on('pageerror', lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, f'the page raised: {errors}'


def first_link(page: Page, server: Server, path: str, prefix: str) -> str:
    """The first link on ``path`` whose address starts with ``prefix``."""
    page.goto(server.url + path)
    settle(page)
    href = page.locator(f'a[href^="{prefix}"]:not([href="{path}"])').first.get_attribute('href')
    assert href
    return href


def all_pages(page: Page, server: Server) -> list[str]:
    """Every page of the demo network: the lists, a contact, an application and a reference brief."""
    application = first_link(page, server, '/applications', '/applications/')
    brief = first_link(page, server, application, f'{application}/brief/')
    return [*PAGES, first_link(page, server, '/contacts', '/contacts/'), application, brief]


def settle(page: Page) -> None:
    """Wait until the page has drawn what it draws after connecting (charts, lower cards)."""
    page.wait_for_load_state('networkidle')
    page.wait_for_timeout(300)  # what the page adds once connected


def name_of(path: str) -> str:
    """A file name for a page's screenshot."""
    parts = [part for part in path.strip('/').split('/') if part]
    kept = [part if len(part) < 20 else 'detail' for part in parts]  # an id says nothing to a reader
    return '-'.join(kept) or 'dashboard'


def test_every_page_fits_a_phone_and_is_saved_at_both_sizes(demo_server: Server, phone: Page, browser: Browser) -> None:
    paths = all_pages(phone, demo_server)
    problems: dict[str, list[str]] = {}
    for path in paths:
        phone.goto(demo_server.url + path)
        settle(phone)
        # Nothing takes the focus by itself on a touch screen: it would pop the keyboard up.
        assert phone.evaluate('document.activeElement.tagName') not in ('INPUT', 'TEXTAREA', 'SELECT'), path
        if found := layout_problems(phone):
            problems[path] = found
        screenshot(phone, f'phone-{name_of(path)}')
        if path == '/':  # the first screen, as README.md shows it (docs/phone-dashboard.png)
            phone.screenshot(path=str(ARTIFACTS / 'phone-dashboard-screen.png'))
    assert not problems, problems

    desktop = browser.new_context(viewport=DESKTOP).new_page()
    for path in paths:
        desktop.goto(demo_server.url + path)
        settle(desktop)
        assert not layout_problems(desktop), path
        screenshot(desktop, f'desktop-{name_of(path)}')
    desktop.context.close()


def test_the_narrowest_phone_fits_too(demo_server: Server, browser: Browser) -> None:
    context = phone_context(browser, NARROW)
    page = context.new_page()
    for path in ('/', '/contacts', '/pipeline', '/applications'):
        page.goto(demo_server.url + path)
        settle(page)
        assert not layout_problems(page), (path, layout_problems(page))
    context.close()


def test_the_header_menu_opens_the_pages_on_a_phone(demo_server: Server, phone: Page) -> None:
    phone.goto(demo_server.url + '/')
    nav = phone.get_by_role('navigation', name='Main')
    expect(nav).to_be_hidden()
    menu = phone.get_by_role('button', name='Menu')
    expect(menu).to_have_attribute('aria-expanded', 'false')
    menu.tap()
    expect(nav).to_be_visible()
    expect(menu).to_have_attribute('aria-expanded', 'true')
    header = phone.locator('header').bounding_box()
    assert header is not None
    assert not layout_problems(phone)
    screenshot(phone, 'phone-menu-open')
    nav.get_by_role('link', name='Applications').tap()
    expect(phone).to_have_url(demo_server.url + '/applications')


def open_dialog(page: Page, server: Server, path: str, open_it: Callable[[Page], None]) -> None:
    """Go to ``path``, open a dialog there, and wait for it."""
    page.goto(server.url + path)
    settle(page)
    open_it(page)
    expect(page.get_by_role('dialog')).to_be_visible()
    page.wait_for_timeout(400)  # the dialog's opening transition


DIALOGS: dict[str, tuple[str, Callable[[Page], None]]] = {
    'add-contact': ('/contacts', lambda p: p.get_by_role('button', name='Add contact').click()),
    'snooze': ('/', lambda p: p.get_by_role('button', name='Snooze…').first.click()),
    'log-interaction': ('/pipeline', lambda p: p.get_by_role('button', name='Log an interaction with').first.click()),
    'move': ('/pipeline', lambda p: p.get_by_role('button', name='to another stage').first.click()),
    'add-accomplishment': ('/accomplishments', lambda p: p.get_by_role('button', name='Log accomplishment').click()),
    'add-application': ('/applications', lambda p: p.get_by_role('button', name='Add application').click()),
    'set-goal': ('/goals', lambda p: p.get_by_role('button', name='Set a goal').click()),
    'draft-progress-update': ('/goals', lambda p: p.get_by_role('button', name='Draft update').first.click()),
    'share-accomplishment': ('/accomplishments', lambda p: p.get_by_role('button', name='Share').first.click()),
    'ask-for-letter': ('/contacts', lambda p: on_first_contact(p, 'Ask for a letter')),
    'record-feedback': ('/contacts', lambda p: on_first_contact(p, 'Record feedback')),
    'record-introduction': ('/contacts', lambda p: on_first_contact(p, 'Record an introduction')),
}


def on_first_contact(page: Page, button: str) -> None:
    """Open the first listed contact's page and press ``button`` there."""
    page.locator('a[href^="/contacts/"]').first.click()
    page.wait_for_url('**/contacts/*')
    settle(page)
    page.get_by_role('button', name=button).first.click()


@pytest.mark.parametrize('dialog', DIALOGS)
def test_a_dialog_is_one_column_on_a_phone(demo_server: Server, phone: Page, dialog: str) -> None:
    path, open_it = DIALOGS[dialog]
    open_dialog(phone, demo_server, path, open_it)
    assert phone.evaluate('document.activeElement.tagName') not in ('INPUT', 'TEXTAREA'), dialog
    assert not layout_problems(phone), layout_problems(phone)
    screenshot(phone, f'phone-dialog-{dialog}')
