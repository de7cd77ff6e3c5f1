"""The calendar-feed settings form: what the user typed on the Calendar page -> ``Settings``.

The form holds the fields as typed; :meth:`FeedSettingsForm.apply` parses them and raises a
``ValidationError`` naming the field, so the page can put the message under it and store
nothing. Range rules live in ``Settings`` itself; this module adds parsing and the time zone.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from zoneinfo import available_timezones

from ..domain.errors import ValidationError
from ..domain.forms.fields import parse_int
from ..domain.settings import Settings

_TIME_OF_DAY = re.compile(r'(\d{1,2}):(\d{2})', re.ASCII)


@cache
def time_zones() -> tuple[str, ...]:
    """Every IANA time zone name this machine knows, sorted (``Europe/Berlin``, ``UTC``, ...).

    Returns:
        The names; computed once, since walking the zone database takes a few milliseconds.
    """
    return tuple(sorted(available_timezones()))


@dataclass(kw_only=True, slots=True)
class FeedSettingsForm:
    """The Calendar page's settings fields, as typed."""

    all_day: bool = True
    time: str = '09:00'
    alarm_minutes: str = '15'
    horizon_days: str = '90'
    digest_threshold: str = '5'
    timezone: str = 'UTC'

    @classmethod
    def of(cls, settings: Settings) -> FeedSettingsForm:
        """The form filled in with the stored settings.

        Args:
            settings: The stored settings.

        Returns:
            A form showing them.
        """
        return cls(
            all_day=settings.feed_all_day,
            time=settings.feed_time,
            alarm_minutes=str(settings.feed_alarm_minutes),
            horizon_days=str(settings.feed_horizon_days),
            digest_threshold=str(settings.feed_digest_threshold),
            timezone=settings.timezone,
        )

    def apply(self, settings: Settings) -> Settings:
        """The stored settings with this form's feed fields; everything else kept.

        Args:
            settings: The settings stored now.

        Returns:
            New settings, validated.

        Raises:
            ValidationError: A field is empty, not a number, out of range or not a known time
                zone; ``field`` names it (``feed_time``, ``feed_alarm_minutes``,
                ``feed_horizon_days``, ``feed_digest_threshold`` or ``timezone``).
        """
        timezone = (self.timezone or '').strip()
        if timezone not in time_zones():
            raise ValidationError(
                f'"{timezone}" is not a time zone this computer knows; pick one from the list, like Europe/Berlin.',
                field='timezone',
            )
        return dataclasses.replace(
            settings,
            feed_all_day=bool(self.all_day),
            feed_time=_time_of_day(self.time),
            feed_alarm_minutes=_whole_number(self.alarm_minutes, 'feed_alarm_minutes', 'Alarm minutes'),
            feed_horizon_days=_whole_number(self.horizon_days, 'feed_horizon_days', 'Days ahead'),
            feed_digest_threshold=_whole_number(self.digest_threshold, 'feed_digest_threshold', 'Digest threshold'),
            timezone=timezone,
        )


def _whole_number(text: str, field: str, label: str) -> int:
    number = parse_int(text, field, label)
    if number is None:
        raise ValidationError(f'{label} is required.', field=field)
    return number


def _time_of_day(text: str) -> str:
    """``9:05`` -> ``09:05``; anything else that is not a time of day is refused."""
    typed = (text or '').strip()
    match = _TIME_OF_DAY.fullmatch(typed)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return f'{int(match[1]):02d}:{match[2]}'
    raise ValidationError(f'"{typed}" is not a time of day like 09:00.', field='feed_time')
