"""Telling the other cards of a page that the record changed, so each shows the same truth.

A contact page has several cards that read the same record: recording feedback in the feedback
card is also a touch (see ``domain.touches``), so the keep-in-touch card and the timeline must
move too. A card that changes the record calls :func:`record_changed`; a card that shows what
others may change subscribes with :func:`on_record_change`. Listeners belong to the browser tab
(the NiceGUI client) they were made in, and go with it.
"""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

from nicegui import Client, context

_LISTENERS: WeakKeyDictionary[Client, list[Callable[[], object]]] = WeakKeyDictionary()


def on_record_change(listener: Callable[[], object]) -> None:
    """Call ``listener`` whenever a card of this tab's page changes the record.

    Args:
        listener: Typically a refreshable's ``refresh``.
    """
    _LISTENERS.setdefault(context.client, []).append(listener)


def record_changed(client: Client | None = None) -> None:
    """Tell this tab's listeners that the record changed.

    Args:
        client: The tab; the current one unless given (a handler running after its dialog
            closed may pass the client it remembered).
    """
    for listener in list(_LISTENERS.get(client or context.client, ())):
        listener()
