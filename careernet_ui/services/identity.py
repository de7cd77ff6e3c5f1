"""Who the user is in what CareerNet writes for them: the name they sign with and their e-mail signature."""

from __future__ import annotations

from dataclasses import replace

from careernet_ui.domain import validation as v
from careernet_ui.domain.settings import Settings
from storage import Store


def save_identity(store: Store, *, own_name: str, signature: str) -> Settings:
    """Remember the user's own name and e-mail signature (stripped; checked like any text).

    Raises:
        ValidationError: either is too long or holds a bad character; ``field`` names it.
    """
    name = v.optional_text(own_name, 'own_name', 'Your name')
    text = v.optional_text(signature, 'signature', 'Your e-mail signature', limit=v.MAX_TEXT)
    settings = replace(store.settings, own_name=name, signature=text)
    store.save_settings(settings)
    return settings


def sign_as(store: Store, own_name: str) -> Settings:
    """Remember the name typed in a brief's "Sign as", for the next brief and draft."""
    return save_identity(store, own_name=own_name, signature=store.settings.signature)
