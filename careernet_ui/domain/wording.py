"""How follow-ups and reports put dates and counts into words.

Fixed English forms, independent of the process locale: the same data must give the same
titles (and so the same calendar-feed bytes) on every machine.
"""

from __future__ import annotations

from datetime import date, datetime

MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
"""Month names as every date shown to a person spells them (never ``%b``, which follows the locale)."""
_NUMBERS = ('no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten')
_VOWEL_SOUNDS = ('a', 'e', 'i', 'o', 'u')


def day_label(day: date) -> str:
    """A date as a person reads it, e.g. ``12 Sep 2026``."""
    return f'{day.day} {MONTHS[day.month - 1]} {day.year}'


def when_due(due: date, today: date) -> str:
    """When something recurring is next due: ``next due 24 Dec 2026``, ``due today``, or, for a day
    already past, ``overdue since 30 Aug 2026`` (never "next" for a date before ``today``)."""
    if due < today:
        return f'overdue since {day_label(due)}'
    return 'due today' if due == today else f'next due {day_label(due)}'


def moment_label(moment: datetime) -> str:
    """A moment as a person reads it, in the same day format: ``12 Sep 2026 14:05``."""
    return f'{day_label(moment.date())} {moment:%H:%M}'


def due_summary(due: int, overdue: int) -> str:
    """How many next actions are due this week, ``overdue`` of them late: one count, not two to add up.

    "2 due this week, 2 overdue" read as four; it is "2 overdue", or "5 due this week, 2 of them overdue".
    """
    if overdue and overdue == due:
        return f'{overdue:,} overdue'
    return f'{due:,} due this week' + (f', {overdue:,} of them overdue' if overdue else '')


def count_of(count: int, noun: str, plural: str | None = None) -> str:
    """``a reference``, ``an introduction``, ``two references``, ``12 references``."""
    if count == 1:
        return f'{"an" if noun.startswith(_VOWEL_SOUNDS) else "a"} {noun}'
    number = _NUMBERS[count] if 0 <= count < len(_NUMBERS) else f'{count:,}'
    return f'{number} {plural or noun + "s"}'


def times(count: int) -> str:
    """``once``, ``twice``, ``three times``."""
    if count == 1:
        return 'once'
    if count == 2:
        return 'twice'
    return f'{_NUMBERS[count] if 0 <= count < len(_NUMBERS) else f"{count:,}"} times'


def days(count: int) -> str:
    """``1 day``, ``74 days``."""
    return f'{count:,} day' if count == 1 else f'{count:,} days'
