"""The user's preferences, stored in the data file beside the records."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from . import validation as v
from .contacts import Stage
from .errors import ValidationError
from .import_history import ImportEntry

DEFAULT_CADENCE_DAYS: dict[Stage, int | None] = {
    Stage.CONTACT: None,
    Stage.POTENTIAL_ADVOCATE: 45,
    Stage.REFERENCE: 60,
    Stage.ADVOCATE: 30,
}


def new_feed_token() -> str:
    """An unguessable calendar-feed token: 160 random bits, URL-safe."""
    return secrets.token_urlsafe(20)


@dataclass(kw_only=True, slots=True)
class Settings:
    """Everything the user can set on the Settings and Calendar pages."""

    cadence_days: dict[Stage, int | None] = field(default_factory=lambda: dict(DEFAULT_CADENCE_DAYS))
    feed_token: str = field(default_factory=new_feed_token)
    feed_all_day: bool = True
    feed_time: str = '09:00'
    feed_alarm_minutes: int = 15
    feed_horizon_days: int = 90
    feed_digest_threshold: int = 5
    timezone: str = 'UTC'
    dark_mode: bool = False
    # Who the user is in their own archives (recognised in LinkedIn's messages and invitations),
    # so they are never imported as a contact of their own.
    own_name: str = ''
    own_profile_url: str = ''
    own_emails: list[str] = field(default_factory=list)  # recognised in calendar files and mailboxes
    import_history: list[ImportEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cadence_days = {
            v.member(stage, Stage, 'cadence_days', 'stage'): v.positive_days(days, 'cadence_days', 'Cadence')
            for stage, days in self.cadence_days.items()
        }
        for stage in Stage:
            self.cadence_days.setdefault(stage, DEFAULT_CADENCE_DAYS[stage])
        if len(self.feed_token) < 22:
            raise ValidationError('The calendar token must carry at least 128 random bits.', field='feed_token')
        hours, _, minutes = self.feed_time.partition(':')
        if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
            raise ValidationError(f'"{self.feed_time}" is not a time of day like 09:00.', field='feed_time')
        if not 0 <= self.feed_alarm_minutes <= 10_080:
            raise ValidationError('The alarm must be 0 to 10,080 minutes (a week) before.', field='feed_alarm_minutes')
        if not 1 <= self.feed_horizon_days <= 730:
            raise ValidationError('The horizon must be 1 to 730 days.', field='feed_horizon_days')
        if not 1 <= self.feed_digest_threshold <= 100:
            raise ValidationError('The digest threshold must be 1 to 100.', field='feed_digest_threshold')
