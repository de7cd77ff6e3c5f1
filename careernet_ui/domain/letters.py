"""Recommendation letters: a written recommendation asked of someone, received, thanked for.

The seed names letters of recommendation as what references and advocates write. A request
records who was asked, for what (free text, or an application), when, when the letter came and
where it lives (a web link or a file name, never anything a browser would run). Two follow-ups
keep the loop going (``letter_followups``). Asking, receiving and thanking are touches (``touches``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from urllib.parse import urlsplit

from . import validation as v
from . import wording
from .errors import ValidationError
from .forms.fields import parse_date
from .records import new_id, utc_now

# A file name: no folder, no scheme; letters, digits, spaces and the usual punctuation.
_FILE_NAME = re.compile(r'[^/\\:*?"<>|\x00-\x1f\x7f]{1,255}')


def letter_location(text: str) -> str:
    """Check where a letter lives: an http(s) address with a host, or a plain file name; empty is fine.

    Raises:
        ValidationError: anything else (a ``javascript:`` address, a path with folders, a control character).
    """
    location = v.optional_text(text, 'location', 'Where it lives', limit=2000)
    if not location:
        return ''
    lowered = location.lower()
    if lowered.startswith(('http://', 'https://')):
        parts = urlsplit(location)
        if parts.hostname and not any(char.isspace() for char in location):
            return location
        raise ValidationError(f'"{v.shown(location)[1:-1]}" is not a complete web address; give one like '
                              'https://drive.example.com/letter, or a file name like letter-acme.pdf.',
                              field='location')
    if _FILE_NAME.fullmatch(location) and location not in ('.', '..'):
        return location
    raise ValidationError('Where it lives must be a web address starting with https:// (or http://), or a plain '
                          'file name like letter-acme.pdf (no folders, no other kinds of address).', field='location')


@dataclass(frozen=True, slots=True, kw_only=True)
class RecommendationLetter:
    """A written recommendation asked of ``contact_id``."""

    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    contact_id: str
    purpose: str
    asked_on: date
    application_id: str | None = None
    received_on: date | None = None
    thanked_on: date | None = None
    location: str = ''

    def __post_init__(self) -> None:
        v.stamps(self)
        object.__setattr__(self, 'contact_id', v.record_id(self.contact_id, 'contact_id', 'Contact'))
        object.__setattr__(self, 'purpose', v.required_text(self.purpose, 'purpose', 'For what'))
        object.__setattr__(self, 'application_id', v.optional_id(self.application_id, 'application_id',
                                                                  'Application'))
        v.sane_date(self.asked_on, 'asked_on', 'Asked on')
        v.sane_date(self.received_on, 'received_on', 'Received on')
        v.sane_date(self.thanked_on, 'thanked_on', 'Thanked on')
        if self.received_on is not None and self.received_on < self.asked_on:
            raise ValidationError(f'Received on {wording.day_label(self.received_on)} is before you asked '
                                  f'({wording.day_label(self.asked_on)}).', field='received_on')
        if self.thanked_on is not None:
            if self.received_on is None:
                raise ValidationError('Record the letter as received before thanking for it.', field='thanked_on')
            if self.thanked_on < self.received_on:
                raise ValidationError(f'Thanked on {wording.day_label(self.thanked_on)} is before the letter came '
                                      f'({wording.day_label(self.received_on)}).', field='thanked_on')
        object.__setattr__(self, 'location', letter_location(self.location))


def letter_order(letter: RecommendationLetter) -> tuple[date, str]:
    """Latest asked first."""
    return letter.asked_on, letter.id


def received(letter: RecommendationLetter, on: date, today: date, location: str | None = None) -> RecommendationLetter:
    """The letter came on ``on`` (and lives at ``location``, when given).

    Raises:
        ValidationError: ``on`` is in the future or before it was asked; the location is not valid.
    """
    v.not_after(on, today, 'received_on', 'The day it came')
    return replace(letter, received_on=on, location=letter.location if location is None else location)


def thanked(letter: RecommendationLetter, on: date, today: date) -> RecommendationLetter:
    """The user thanked them for the letter on ``on``.

    Raises:
        ValidationError: ``on`` is in the future, the letter has not come, or ``on`` is before it came.
    """
    v.not_after(on, today, 'thanked_on', 'The thank-you')
    return replace(letter, thanked_on=on)


@dataclass(kw_only=True, slots=True)
class LetterForm:
    """What the letter dialog holds: the chosen application and the text in each input."""

    purpose: str = ''
    application_id: str | None = None
    asked_on: str = ''
    received_on: str = ''
    location: str = ''

    @classmethod
    def from_letter(cls, letter: RecommendationLetter) -> LetterForm:
        """The form pre-filled for editing ``letter``."""
        return cls(purpose=letter.purpose, application_id=letter.application_id, asked_on=letter.asked_on.isoformat(),
                   received_on=letter.received_on.isoformat() if letter.received_on else '', location=letter.location)

    def to_letter(self, contact_id: str, existing: RecommendationLetter | None, today: date, *,
                  application_label: Callable[[str], str | None]) -> RecommendationLetter:
        """Validate the form and build the letter to store.

        "For what" may stay empty when an application is chosen: it then names the application.

        Raises:
            ValidationError: with ``field`` naming the form field to fix.
        """
        asked = parse_date(self.asked_on, 'asked_on', 'Asked on') or today
        v.not_after(asked, today, 'asked_on', 'The day you asked')
        came = parse_date(self.received_on, 'received_on', 'Received on')
        v.not_after(came, today, 'received_on', 'The day it came')
        label = None
        if self.application_id:
            label = application_label(self.application_id)
            if label is None:
                raise ValidationError('That application no longer exists; choose again.', field='application_id')
        purpose = self.purpose.strip() or label or ''
        if not purpose:
            raise ValidationError('Say what the letter is for, or choose the application.', field='purpose')
        fields = {'contact_id': contact_id, 'purpose': purpose, 'application_id': self.application_id or None,
                  'asked_on': asked, 'received_on': came, 'location': self.location}
        if existing is None:
            return RecommendationLetter(**fields)  # type: ignore[arg-type]
        thanked_on = existing.thanked_on if came is not None else None
        return replace(existing, thanked_on=thanked_on, **fields)  # type: ignore[arg-type]
