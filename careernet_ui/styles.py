"""CareerNet's Tailwind classes as a compiled stylesheet, instead of NiceGUI's in-browser Tailwind compiler.

NiceGUI compiles Tailwind in the browser on every page load: a script that scans the page's classes
and writes their CSS, main-thread work before a page shows, more on a page with many cards (figures,
and NiceGUI's UnoCSS option measured against this, in bench/README.md). CareerNet's classes are all
written in its own sources, so ``make css`` compiles them once, with the same Tailwind version, into
``static/careernet.css``; ``server.run`` turns the in-browser compiler off and every page links that
file (small, and cached by the browser).

A class the stylesheet lacks would silently do nothing: ``tests/ui/test_styles.py`` checks that every
class written in the sources is in it, or is one of Quasar's or NiceGUI's own.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from nicegui import app, ui

STYLESHEET = Path(__file__).parent / 'static' / 'careernet.css'
URL_PATH = '/careernet/careernet.css'
PRIMARY = '#1f5fa6'
"""CareerNet's blue: 6.4:1 against white."""

POSITIVE = '#1e7b34'
"""Its green, for "done" and "sent": 5.4:1 against white (Quasar's #21ba45 is 2.6:1)."""

CACHE_SECONDS = 365 * 24 * 3600
"""The URL names the file's content, so the browser may keep it as long as it likes."""


def install_styles() -> None:
    """Serve the stylesheet and link it from every page's head."""
    app.add_static_file(local_file=STYLESHEET, url_path=URL_PATH, max_cache_age=CACHE_SECONDS)
    # Quasar's default primary (#5898d4) is 3:1 against white, as a button's fill or as text; WCAG AA asks 4.5:1.
    app.colors(primary=PRIMARY, positive=POSITIVE)
    ui.add_head_html(f'<link rel="stylesheet" href="{stylesheet_url()}">', shared=True)


@cache
def stylesheet_url() -> str:
    """The stylesheet's URL, with a digest of its content: a rebuilt file is a new URL, never a stale cache."""
    digest = hashlib.sha256(STYLESHEET.read_bytes()).hexdigest()[:12]
    return f'{URL_PATH}?v={digest}'
