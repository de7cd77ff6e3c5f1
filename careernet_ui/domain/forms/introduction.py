"""The record-an-introduction form: strings as typed, to and from an ``Introduction``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from .. import validation as v
from ..errors import ValidationError
from ..introductions import Introduction
from .fields import parse_date


@dataclass(kw_only=True, slots=True)
class IntroductionForm:
    """What the introduction dialog holds: chosen ids, and the text in each input."""

    advocate_id: str | None = None
    on: str = ''
    to_whom: str = ''
    application_id: str | None = None
    outcome: str = ''

    @classmethod
    def from_introduction(cls, introduction: Introduction) -> IntroductionForm:
        """The form pre-filled for editing ``introduction``."""
        return cls(advocate_id=introduction.advocate_id, on=introduction.on.isoformat(),
                   to_whom=introduction.to_whom, application_id=introduction.application_id,
                   outcome=introduction.outcome)

    def to_introduction(self, existing: Introduction | None, today: date, *, is_contact: Callable[[str], bool],
                        application_label: Callable[[str], str | None]) -> Introduction:
        """Validate the form and build the introduction to store.

        "Introduced to" may stay empty when an application is chosen: it then names the application.

        Args:
            existing: The introduction being edited, or None for a new one.
            today: The user's today; the introduction cannot be after it (empty means today).
            is_contact: Whether an id names a stored contact.
            application_label: "Position at Company" for a stored application's id, None if there is none.

        Raises:
            ValidationError: with ``field`` naming the form field to fix.
        """
        if not self.advocate_id:
            raise ValidationError('Choose who introduced you.', field='advocate_id')
        if not is_contact(self.advocate_id):
            raise ValidationError('That person is no longer among your contacts; choose again.', field='advocate_id')
        on = parse_date(self.on, 'on', 'Date') or today
        v.not_after(on, today, 'on', 'The introduction date')
        label = None
        if self.application_id:
            label = application_label(self.application_id)
            if label is None:
                raise ValidationError('That application no longer exists; choose again.', field='application_id')
        to_whom = self.to_whom.strip() or label or ''
        if not to_whom:
            raise ValidationError('Say whom you were introduced to, or choose the application it led to.',
                                  field='to_whom')
        fields = {'advocate_id': self.advocate_id, 'on': on, 'to_whom': to_whom,
                  'application_id': self.application_id or None, 'outcome': self.outcome}
        if existing is None:
            return Introduction(**fields)  # type: ignore[arg-type]
        return replace(existing, **fields)  # type: ignore[arg-type]
