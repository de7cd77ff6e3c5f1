"""Dates and counts as a person reads them, the same on every page."""

from __future__ import annotations

from datetime import date, datetime

from careernet_ui.domain import wording


def test_one_day_format_everywhere() -> None:
    assert wording.day_label(date(2026, 12, 4)) == '4 Dec 2026'
    assert wording.moment_label(datetime(2026, 12, 4, 9, 5)) == '4 Dec 2026 09:05'


def test_the_due_summary_never_reads_as_two_counts_to_add_up() -> None:
    assert wording.due_summary(2, 2) == '2 overdue'
    assert wording.due_summary(5, 2) == '5 due this week, 2 of them overdue'
    assert wording.due_summary(3, 0) == '3 due this week'
    assert wording.due_summary(0, 0) == '0 due this week'


def test_a_due_day_already_past_is_overdue_not_next() -> None:
    today = date(2026, 11, 25)
    assert wording.when_due(date(2026, 8, 30), today) == 'overdue since 30 Aug 2026'
    assert wording.when_due(today, today) == 'due today'
    assert wording.when_due(date(2026, 12, 24), today) == 'next due 24 Dec 2026'
