"""The page frame: the same header, navigation and width on every page."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from nicegui import ui

from careernet_ui.context import AppContext
from careernet_ui.nicegui_compat import TextElement, page_layout
from careernet_ui.services.settings import toggle_dark_mode

from .feedback import attempt
from .isolated_text import IsolatedHeading
from .nav_link import NavLink
from .plain_button import IconButton
from .plain_link import PlainLink
from .storage_notices import storage_notices
from .undo_toast import show_carried

# (label, path, icon) for every page that exists; later pages add themselves here.
NAV: tuple[tuple[str, str, str], ...] = (
    ('Dashboard', '/', 'space_dashboard'),
    ('Contacts', '/contacts', 'people'),
    ('Accomplishments', '/accomplishments', 'emoji_events'),
    ('Goals', '/goals', 'flag'),
    ('Pipeline', '/pipeline', 'view_kanban'),
    ('Applications', '/applications', 'work'),
    ('Settings', '/settings', 'settings'),
    ('Calendar', '/calendar', 'event'),
    ('Import', '/import', 'upload_file'),
)


@contextmanager
def frame(ctx: AppContext, title: str, *, title_parts: tuple[Sequence[str], str] | None = None
          ) -> Iterator[ui.column]:
    """Open a page with the CareerNet header; yields the main content column.

    ``title_parts`` (user texts and the words joining them) draws the heading with each user text
    isolated, so an Arabic position beside a Hebrew company does not scramble; ``title`` is then
    the browser tab's title.
    """
    ui.page_title(f'{title} · CareerNet')
    dark = ui.dark_mode(ctx.store.settings.dark_mode)
    with _header():
        PlainLink('CareerNet', '/').classes('text-lg font-semibold text-white no-underline')
        ui.space().classes('lg:hidden')
        _menu_button()
        with ui.element('nav').classes('careernet-nav gap-1 items-center grow').props(
                f'id={NAV_ID} aria-label="Main"'):
            current = _current_path()
            for label, path, icon in NAV:
                NavLink(label, path, icon, current=path == current).mark(f'nav-{path}')
        # A native button, named by aria-label and title (a tooltip would mount a Quasar menu on every page).
        IconButton('dark_mode', lambda: _toggle_dark(ctx, dark), label='Dark mode',
                   classes='text-2xl text-white p-1 hover:bg-white/20 focus-visible:outline-white').mark('dark-toggle')
    with ui.column().classes('w-full max-w-6xl mx-auto px-0 py-2 sm:p-4 gap-4') as content:
        heading = IsolatedHeading(*title_parts) if title_parts is not None else ui.label(title)
        heading.classes('text-2xl font-semibold break-words max-w-full').props('dir=auto').mark('page-title')
        storage_notices(ctx.store)
        show_carried(ctx.store)  # "Undo" for what the previous page did before it sent the user here
        yield content


NAV_ID = 'careernet-nav'

_TOGGLE_MENU = (
    "(event) => { const nav = document.getElementById('careernet-nav');"
    " const open = nav.classList.toggle('careernet-nav-open');"
    " event.currentTarget.setAttribute('aria-expanded', String(open)); }"
)
"""Opens and closes the narrow screen's menu in the browser alone: no round trip for a menu."""


def _menu_button() -> None:
    """The "Menu" button a narrow screen shows instead of the links (static/tailwind.css hides it on wide ones)."""
    with TextElement(tag='button', text='').classes(
            'careernet-menu-button items-center justify-center rounded-full text-2xl text-white p-1 '
            'hover:bg-white/20 focus-visible:outline focus-visible:outline-2 focus-visible:outline-white') as button:
        TextElement(tag='i', text='menu').classes('material-icons').props('aria-hidden=true')
    button.on('click', js_handler=_TOGGLE_MENU)  # handled in the browser only
    button.props('type=button aria-label=Menu title=Menu')
    button.props(f'aria-controls={NAV_ID} aria-expanded=false').mark('menu-toggle')


def _header() -> ui.element:
    """The page's ``<header>`` (a banner landmark), above the page, staying at the top as it scrolls.

    A plain element in Quasar's elevated-header look rather than ``ui.header``: Quasar's header
    measures itself after mounting to pad the page, and NiceGUI's has a template Vue compiles in
    the browser, which no CareerNet page needs otherwise. ``print-hide``: a printed brief has none.
    """
    with page_layout():
        header = ui.element('header').classes(
            'sticky top-0 z-[2000] flex flex-wrap items-center gap-x-4 gap-y-1 px-3 sm:px-4 py-2 '
            'bg-primary text-white shadow-md print-hide')
    header.move(target_index=0)  # before the page, as NiceGUI places its own header
    return header


def _current_path() -> str:
    # The page being rendered: its nav link is marked as the current one.
    request = ui.context.client.request
    return request.url.path if request is not None else ''


def _toggle_dark(ctx: AppContext, dark: ui.dark_mode) -> None:
    # A failed save (a full disk) is one message; the page keeps the mode that is stored.
    stored = attempt(lambda: toggle_dark_mode(ctx.store))
    if stored is not None:
        dark.set_value(stored.dark_mode)


def not_found(ctx: AppContext, noun: str, marker: str, back_label: str, back_path: str) -> None:
    """A whole page saying the record asked for is gone, with the way back (a bookmarked or stale link)."""
    with frame(ctx, f'{noun.capitalize()} not found'):
        ui.label(f'This {noun} does not exist; it may have been deleted.').mark(marker)
        ui.link(back_label, back_path)
