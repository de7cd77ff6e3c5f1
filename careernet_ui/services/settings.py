"""Changing the settings: the Settings page's cards and the header's dark-mode switch."""

from __future__ import annotations

import dataclasses
from typing import Protocol

from careernet_ui.domain import Settings
from storage import Store


class SettingsForm(Protocol):
    """A form that turns the settings as they stand into the settings it describes."""

    def to_settings(self, settings: Settings) -> Settings:
        """The settings with this form's fields applied; raises ``ValidationError`` naming a bad field."""
        ...


def save_settings_form(store: Store, form: SettingsForm) -> Settings:
    """Store the settings ``form`` describes.

    Raises:
        ValidationError: A field is invalid (``field`` names it); nothing is stored.
        OSError: The data file could not be written; nothing is changed.
    """
    store.save_settings(form.to_settings(store.settings))
    return store.settings


def toggle_dark_mode(store: Store) -> Settings:
    """Switch dark mode on or off and store it.

    Raises:
        OSError: The data file could not be written; the setting is unchanged.
    """
    settings = store.settings
    store.save_settings(dataclasses.replace(settings, dark_mode=not settings.dark_mode))
    return store.settings
