"""Logging an interaction: the rule for what may be logged, and the form that feeds it.

The log records what happened, so an interaction dated after today is refused; the kind must be
one the user chose, and the note is bounded like every long text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import validation as v
from .errors import ValidationError
from .forms.fields import parse_date
from .interactions import Interaction, InteractionKind

KIND_OPTIONS = {kind.value: kind.label for kind in InteractionKind}
"""Every kind, as a select shows it: value → label."""


def new_interaction(
    *, contact_id: str, kind: InteractionKind | str | None, on: date | None, note: str, today: date
) -> Interaction:
    """The interaction to store, or a ``ValidationError`` naming the field to fix.

    Args:
        contact_id: Whom it was with.
        kind: What it was (a kind or its value); empty or unknown is refused.
        on: When it happened; required, and not after ``today``.
        note: What was said or agreed; up to ``validation.MAX_TEXT`` characters.
        today: The current day.

    Returns:
        The new interaction (not yet stored).

    Raises:
        ValidationError: with ``field`` set to ``kind``, ``on`` or ``note``.
    """
    if kind is None or (isinstance(kind, str) and not kind.strip()):
        known = ', '.join(label.lower() for label in KIND_OPTIONS.values())
        raise ValidationError(f'Choose what kind of interaction it was: {known}.', field='kind')
    known_kind = v.member(kind, InteractionKind, 'kind', 'interaction kind')
    if on is None:
        raise ValidationError('Give the date it happened (YYYY-MM-DD).', field='on')
    v.not_after(on, today, 'on', 'Date')
    return Interaction(contact_id=contact_id, kind=known_kind, on=on, note=note)


@dataclass(kw_only=True, slots=True)
class InteractionForm:
    """What the "Log interaction" dialog holds: the text of each field."""

    kind: str = ''
    on: str = ''
    note: str = ''
    to_whom: str = ''
    """For "introduction made": whom they introduced the user to; given, the introduction is recorded too."""

    @classmethod
    def for_today(cls, today: date, kind: str = '') -> InteractionForm:
        """An empty form dated ``today``."""
        return cls(kind=kind, on=today.isoformat())

    def to_interaction(self, contact_id: str, today: date) -> Interaction:
        """Parse and validate the form.

        Args:
            contact_id: Whom the interaction was with.
            today: The current day.

        Returns:
            The interaction to store.

        Raises:
            ValidationError: naming the form field to fix.
        """
        on = parse_date(self.on, 'on', 'Date', required=True)
        return new_interaction(contact_id=contact_id, kind=self.kind, on=on, note=self.note, today=today)
