"""The user's preferences, stored in the data file beside the records."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from . import validation as v
from .contacts import Stage
from .errors import ValidationError
from .import_history import ImportEntry

_set = object.__setattr__  # how a frozen record normalises its fields in __post_init__

# It becomes part of every UID's right-hand side (``<key>@<calendar id>.careernet``).
_CALENDAR_ID = re.compile(r'[A-Za-z0-9-]{1,64}', re.ASCII)

DEFAULT_CADENCE_DAYS: dict[Stage, int | None] = {
    Stage.CONTACT: None,
    Stage.POTENTIAL_ADVOCATE: 45,
    Stage.REFERENCE: 60,
    Stage.ADVOCATE: 30,
}

DEFAULT_FEEDBACK_DAYS: dict[Stage, int | None] = dict.fromkeys(Stage)
"""No feedback cadence until the user sets one on Settings (every 180 days suits references and
advocates); turning it on for everyone at once would flood an existing network's follow-ups."""

DEFAULT_PROGRESS_UPDATE_DAYS = 90
"""Every quarter, each advocate hears what you achieved and what you aim for next."""


def new_calendar_id() -> str:
    """This data file's calendar identity: 128 random bits as 32 hex digits.

    Every UID in the feed carries it, so two data files subscribed in one calendar app never
    share a UID. Unlike the token it never rotates: a new token must not make calendars see
    new events.
    """
    return secrets.token_hex(16)


def new_feed_token() -> str:
    """An unguessable calendar-feed token: 160 random bits, URL-safe."""
    return secrets.token_urlsafe(20)


@dataclass(frozen=True, kw_only=True, slots=True)
class Settings:
    """Everything the user can set on the Settings and Calendar pages."""

    cadence_days: dict[Stage, int | None] = field(default_factory=lambda: dict(DEFAULT_CADENCE_DAYS))
    feedback_days: dict[Stage, int | None] = field(default_factory=lambda: dict(DEFAULT_FEEDBACK_DAYS))
    """How often to ask the people at each stage for feedback ("seek regular feedback"); None: never."""
    progress_update_days: int | None = DEFAULT_PROGRESS_UPDATE_DAYS
    """How often to send each advocate a progress update (accomplishments and goals); None: never."""
    feed_token: str = field(default_factory=new_feed_token)
    calendar_id: str = field(default_factory=new_calendar_id)
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
    own_emails: tuple[str, ...] = ()  # recognised in calendar files and mailboxes
    signature: str = ''
    """The user's e-mail signature, under the name in the briefs and drafts CareerNet writes."""
    import_history: tuple[ImportEntry, ...] = ()

    def __post_init__(self) -> None:
        # A hand-edited file can hold a list or a 50-digit number anywhere: name the setting.
        v.typed(self.cadence_days, dict, 'cadence_days', 'The cadence setting')
        for name in ('feed_token', 'feed_time', 'timezone'):
            v.optional_text(getattr(self, name), name, name.replace('_', ' ').capitalize(), limit=100)
        v.optional_text(self.signature, 'signature', 'Your e-mail signature', limit=v.MAX_TEXT)
        for name in ('feed_alarm_minutes', 'feed_horizon_days', 'feed_digest_threshold'):
            v.typed(getattr(self, name), int, name, name.replace('_', ' ').capitalize())
        for name in ('feed_all_day', 'dark_mode'):
            v.typed(getattr(self, name), bool, name, name.replace('_', ' ').capitalize())
        days_by_stage = {
            v.member(stage, Stage, 'cadence_days', 'stage'): v.positive_days(days, 'cadence_days', 'Cadence')
            for stage, days in self.cadence_days.items()
        }
        for stage in Stage:
            days_by_stage.setdefault(stage, DEFAULT_CADENCE_DAYS[stage])
        _set(self, 'cadence_days', days_by_stage)
        days_by_stage = {
            v.member(stage, Stage, 'feedback_days', 'stage'): v.positive_days(days, 'feedback_days', 'Feedback cadence')
            for stage, days in self.feedback_days.items()
        }
        for stage in Stage:
            days_by_stage.setdefault(stage, DEFAULT_FEEDBACK_DAYS[stage])
        _set(self, 'feedback_days', days_by_stage)
        _set(self, 'own_emails', tuple(self.own_emails))
        _set(self, 'import_history', tuple(self.import_history))
        _set(self, 'progress_update_days', v.positive_days(self.progress_update_days, 'progress_update_days',
                                                           'Progress update cadence'))
        if len(self.feed_token) < 22:
            raise ValidationError('The calendar token must carry at least 128 random bits.', field='feed_token')
        if not _CALENDAR_ID.fullmatch(self.calendar_id):
            raise ValidationError(
                f'The calendar id "{self.calendar_id}" must be 1 to 64 letters, digits or hyphens.',
                field='calendar_id',
            )
        hours, _, minutes = self.feed_time.partition(':')
        if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
            raise ValidationError(f'"{self.feed_time}" is not a time of day like 09:00.', field='feed_time')
        if not 0 <= self.feed_alarm_minutes <= 10_080:
            raise ValidationError('The alarm must be 0 to 10,080 minutes (a week) before.', field='feed_alarm_minutes')
        if not 1 <= self.feed_horizon_days <= 730:
            raise ValidationError('The horizon must be 1 to 730 days.', field='feed_horizon_days')
        if not 1 <= self.feed_digest_threshold <= 100:
            raise ValidationError('The digest threshold must be 1 to 100.', field='feed_digest_threshold')
