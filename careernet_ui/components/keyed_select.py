"""``ui.select`` whose browser side names each option by its key, not by its position.

NiceGUI sends a select's options as ``{value: index, label}`` and the browser answers a choice with
that index, which the server looks up in its *current* options. A select whose options follow what
is typed (the people pickers) replaces them on every search, so a choice made in the list the
browser still shows, while the server is already answering the next search, named someone else
or no one: the second witness picked quickly was lost. Here an option's value is its key (a
contact id), so a choice means the same person whatever the server's options are by then.
"""

from __future__ import annotations

from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments

# Options sent earlier that a choice may still name (the browser can be a few searches behind).
_REMEMBERED = 500


ISOLATED_CLASS = 'careernet-isolated'
"""Set on the field and its options menu: each label (a person's name and organisation, typed by the user)
takes its direction from its own text (``unicode-bidi: plaintext``, static/tailwind.css), as ``dir="auto"``
does, so an Arabic name beside Hebrew options is not laid out in the page's direction."""


class KeyedSelect(ui.select):
    """``ui.select`` (options a dict of string keys to labels) whose browser side sends keys back."""

    _offered: dict[Any, str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.classes(ISOLATED_CLASS)
        self.props(f'popup-content-class={ISOLATED_CLASS}')

    def offers_label(self, text: str) -> bool:
        """Whether ``text`` is one of the options' labels as offered now."""
        return text in self._labels

    def _update_options(self) -> None:
        before = self.value
        offered = getattr(self, '_offered', {})
        if len(offered) > _REMEMBERED:
            offered = {}
        offered.update(zip(self._values, self._labels, strict=True))
        self._offered = offered
        self._props['options'] = [{'value': key, 'label': label} for key, label in zip(self._values, self._labels,
                                                                                       strict=True)]
        self._props[self.VALUE_PROP] = self._value_to_model_value(before)
        if not isinstance(before, list):
            self.value = before if before in self._values else None

    def _event_args_to_value(self, e: GenericEventArguments) -> Any:
        if self.multiple:
            return [key for key in (self._chosen_key(arg) for arg in e.args or []) if key is not None]
        return None if e.args is None else self._chosen_key(e.args)

    def _chosen_key(self, arg: Any) -> Any:
        key = arg.get('value') if isinstance(arg, dict) else None
        if key in self._values:
            return key
        if key in self._offered and isinstance(self.options, dict):
            # Chosen from a list the server has replaced since: it stays an option, so it stays chosen.
            self.options[key] = self._offered[key]
            with self._props.suspend_updates():
                self._update_values_and_labels()
                self._update_options()
            return key
        return None

    def _value_to_model_value(self, value: Any) -> Any:
        labels = dict(zip(self._values, self._labels, strict=True))
        if self.multiple:
            return [{'value': key, 'label': labels[key]} for key in value or [] if key in labels]
        return {'value': value, 'label': labels[value]} if value in labels else None
