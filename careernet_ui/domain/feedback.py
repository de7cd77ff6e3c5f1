"""Feedback given or asked for: a quote, who said it, and the accomplishment it is about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import validation as v
from .accomplishments import _set
from .errors import ValidationError
from .records import Record


@dataclass(frozen=True, kw_only=True, slots=True)
class Feedback(Record):
    """Feedback asked of a person, and what they said (quotable)."""

    contact_id: str
    asked_on: date | None = None
    received_on: date | None = None
    text: str = ''
    themes: tuple[str, ...] = ()
    accomplishment_ids: tuple[str, ...] = ()
    source: str = ''  # where an imported entry came from, e.g. ``linkedin-recommendations``
    import_id: str = ''  # the import that brought it, so that import can be undone as a whole

    def __post_init__(self) -> None:
        v.stamps(self)
        _set(self, 'contact_id', v.record_id(self.contact_id, 'contact_id', 'Contact'))
        v.sane_date(self.asked_on, 'asked_on', 'Asked on')
        v.sane_date(self.received_on, 'received_on', 'Received on')
        if self.asked_on is None and self.received_on is None:
            raise ValidationError('Give the date you asked, the date you received it, or both.', field='asked_on')
        if self.asked_on and self.received_on and self.received_on < self.asked_on:
            raise ValidationError(
                f'Received on {self.received_on.isoformat()} is before it was asked on '
                f'{self.asked_on.isoformat()}.',
                field='received_on',
            )
        _set(self, 'text', v.optional_text(self.text, 'text', 'What they said', limit=v.MAX_TEXT))
        _set(self, 'themes', v.tag_list(self.themes, 'themes'))
        _set(self, 'accomplishment_ids',
             tuple(v.id_list(self.accomplishment_ids, 'accomplishment_ids', 'Accomplishment')))

    @property
    def awaiting_answer(self) -> bool:
        """Asked, and nothing received yet."""
        return self.asked_on is not None and self.received_on is None
