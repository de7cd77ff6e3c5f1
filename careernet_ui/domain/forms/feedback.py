"""The ask/record feedback form: strings as typed, to and from a ``Feedback``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from .. import validation as v
from ..errors import ValidationError
from ..feedback import Feedback
from .fields import parse_date, split_list


@dataclass(kw_only=True, slots=True)
class FeedbackForm:
    """What the feedback dialog holds; dates and themes are the text in their inputs."""

    contact_id: str = ''
    asked_on: str = ''
    received_on: str = ''
    text: str = ''
    themes: str = ''
    accomplishment_ids: list[str] = field(default_factory=list)

    @classmethod
    def asking(cls, contact_id: str, today: date, accomplishment_ids: list[str] | None = None) -> FeedbackForm:
        """A new request: asked today, nothing received yet."""
        return cls(contact_id=contact_id, asked_on=today.isoformat(), accomplishment_ids=accomplishment_ids or [])

    @classmethod
    def receiving(cls, contact_id: str, today: date, accomplishment_ids: list[str] | None = None) -> FeedbackForm:
        """New feedback the person gave today (asked or not)."""
        return cls(contact_id=contact_id, received_on=today.isoformat(), accomplishment_ids=accomplishment_ids or [])

    @classmethod
    def from_feedback(cls, feedback: Feedback) -> FeedbackForm:
        """The form pre-filled for editing ``feedback``."""
        return cls(
            contact_id=feedback.contact_id,
            asked_on=feedback.asked_on.isoformat() if feedback.asked_on else '',
            received_on=feedback.received_on.isoformat() if feedback.received_on else '',
            text=feedback.text,
            themes=', '.join(feedback.themes),
            accomplishment_ids=list(feedback.accomplishment_ids),
        )

    def to_feedback(
        self,
        existing: Feedback | None,
        today: date,
        *,
        is_contact: Callable[[str], bool],
        is_accomplishment: Callable[[str], bool],
    ) -> Feedback:
        """Validate the form and build the feedback to store.

        Args:
            existing: The feedback being edited, or None for a new entry.
            today: The user's today: neither date may be after it.
            is_contact: Whether an id names a stored contact.
            is_accomplishment: Whether an id names a stored accomplishment.

        Raises:
            ValidationError: with ``field`` naming the form field to fix.
        """
        if not self.contact_id:
            raise ValidationError('Choose who the feedback is from.', field='contact_id')
        if not is_contact(self.contact_id):
            raise ValidationError('That person is no longer in your contacts (deleted in another tab?).',
                                  field='contact_id')
        asked = parse_date(self.asked_on, 'asked_on', 'Asked on')
        received = parse_date(self.received_on, 'received_on', 'Received on')
        v.not_after(asked, today, 'asked_on', 'Asked on')
        v.not_after(received, today, 'received_on', 'Received on')
        if received is None and self.text.strip():
            raise ValidationError('You wrote what they said: give the date you received it.', field='received_on')
        missing = [linked for linked in self.accomplishment_ids if not is_accomplishment(linked)]
        if missing:
            raise ValidationError(
                f'{len(missing)} of the linked accomplishments no longer exist{"s" if len(missing) == 1 else ""}: '
                'remove them and choose again.',
                field='accomplishment_ids',
            )
        fields = {
            'contact_id': self.contact_id,
            'asked_on': asked,
            'received_on': received,
            'text': self.text,
            'themes': split_list(self.themes),
            'accomplishment_ids': list(self.accomplishment_ids),
        }
        if existing is None:
            return Feedback(**fields)  # type: ignore[arg-type]
        return replace(existing, **fields)  # type: ignore[arg-type]
