"""The yardstick for ``bench.pages``: an empty NiceGUI page.

    python -m bench.empty_page PORT [--no-tailwind]

One ``@ui.page('/')`` with one label, same NiceGUI version, same ``ui.run`` options as
``careernet_ui.server.run`` except Tailwind: what any page costs before CareerNet does anything.
By default it keeps NiceGUI's in-browser Tailwind compiler, as every NiceGUI app has out of the box;
``--no-tailwind`` serves it without, as CareerNet serves its pages (its classes come compiled, see
``careernet_ui/styles.py``), for the stricter comparison.
"""

from __future__ import annotations

import sys

from nicegui import ui

READY_TEXT = 'Empty page'
NO_TAILWIND = '--no-tailwind'


@ui.page('/')
def empty_page() -> None:
    """One label: nothing to compute, nothing to load."""
    ui.label(READY_TEXT)


def main(argv: list[str]) -> None:
    """Serve on 127.0.0.1:PORT until stopped."""
    ui.run(host='127.0.0.1', port=int(argv[0]), title='Empty', show=False, reload=False,
           show_welcome_message=False, uvicorn_logging_level='warning', tailwind=NO_TAILWIND not in argv)


if __name__ in {'__main__', '__mp_main__'}:
    main(sys.argv[1:])
