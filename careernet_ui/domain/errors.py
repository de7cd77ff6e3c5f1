"""Every error the domain raises, in one place.

All are rooted in ``ValueError`` so callers that only care about "bad input" can catch that.
The UI shows ``str(error)`` to the user, so each message names the bad value and the fix.
"""

from __future__ import annotations


class CareerNetError(ValueError):
    """Base of every error CareerNet raises on purpose; the message is fit to show a user."""


class ValidationError(CareerNetError):
    """A record or input is invalid. ``field`` names the offending field, when there is one."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(CareerNetError):
    """A record asked for by id does not exist (it may have been deleted in another tab)."""


class TransitionError(CareerNetError):
    """A workflow step is not allowed from the current state; the message lists the allowed steps."""
