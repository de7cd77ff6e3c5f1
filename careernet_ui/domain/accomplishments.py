"""Accomplishments, quantified, with the people who saw them and can vouch."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from . import validation as v
from . import wording
from .errors import ValidationError
from .records import Record

RECOMMENDATION_SOURCE = 'linkedin-recommendations'
"""The ``source`` of feedback that is a recommendation the person wrote (and of the touch it implies)."""

_set = object.__setattr__  # how a frozen record normalises its fields in __post_init__


@dataclass(frozen=True, kw_only=True, slots=True)
class Metric:
    """A quantified result: "p95 latency 800 → 120 ms", "revenue +1.2 M USD"."""

    name: str
    value: float
    unit: str = ''
    baseline: float | None = None
    signed: bool = False
    """The value was written with an explicit "+" ("revenue +1.2 M USD"): it is shown with it."""

    def __post_init__(self) -> None:
        _set(self, 'name', v.required_text(self.name, 'metric_name', 'Metric'))
        _set(self, 'value', _number(self.value, 'metric_value', 'Metric value'))
        if self.baseline is not None:
            _set(self, 'baseline', _number(self.baseline, 'metric_baseline', 'Baseline'))
        _set(self, 'unit', v.optional_text(self.unit, 'metric_unit', 'Unit', limit=40))

    def describe(self) -> str:
        """The metric as a person writes it, e.g. ``p95 latency 800 → 120 ms``."""
        unit = f' {self.unit}' if self.unit else ''
        value = f'+{_fmt(self.value)}' if self.signed and self.value >= 0 else _fmt(self.value)
        if self.baseline is None:
            return f'{self.name} {value}{unit}'
        return f'{self.name} {_fmt(self.baseline)} → {value}{unit}'


@dataclass(frozen=True, kw_only=True, slots=True)
class Share:
    """The user told ``contact_id`` about an accomplishment on ``on``."""

    contact_id: str
    on: date

    def __post_init__(self) -> None:
        _set(self, 'contact_id', v.record_id(self.contact_id, 'shared', 'Shared with'))
        v.sane_date(self.on, 'shared', 'Shared on')


@dataclass(frozen=True, kw_only=True, slots=True)
class Accomplishment(Record):
    """Something the user achieved, worth telling a reference or an advocate about."""

    title: str
    on: date
    until: date | None = None
    role: str = ''
    project: str = ''
    organisation: str = ''
    description: str = ''
    metric: Metric | None = None
    tags: tuple[str, ...] = ()
    evidence_url: str = ''
    witness_ids: tuple[str, ...] = ()
    shared: tuple[Share, ...] = ()

    def __post_init__(self) -> None:
        v.stamps(self)
        _set(self, 'title', v.required_text(self.title, 'title', 'Title'))
        v.sane_date(self.on, 'on', 'Date')
        v.sane_date(self.until, 'until', 'End date')
        if self.until is not None and self.until < self.on:
            raise ValidationError(
                f'The end date {self.until.isoformat()} is before the start {self.on.isoformat()}.', field='until'
            )
        _set(self, 'role', v.optional_text(self.role, 'role', 'Role', limit=v.MAX_NAME))
        _set(self, 'project', v.optional_text(self.project, 'project', 'Project', limit=v.MAX_NAME))
        _set(self, 'organisation', v.optional_text(self.organisation, 'organisation', 'Organisation', limit=v.MAX_NAME))
        _set(self, 'description', v.optional_text(self.description, 'description', 'What you did', limit=v.MAX_TEXT))
        _set(self, 'tags', v.tag_list(self.tags))
        _set(self, 'evidence_url', v.optional_text(self.evidence_url, 'evidence_url', 'Evidence link', limit=2000))
        _set(self, 'witness_ids', tuple(v.id_list(self.witness_ids, 'witness_ids', 'Witness')))
        _set(self, 'shared', tuple(self.shared))


def period_label(accomplishment: Accomplishment) -> str:
    """When it happened, as a person reads it: ``3 Oct 2026``, or ``1 Mar 2026 – 30 Sep 2026`` for a period."""
    if accomplishment.until is None or accomplishment.until == accomplishment.on:
        return wording.day_label(accomplishment.on)
    return f'{wording.day_label(accomplishment.on)} – {wording.day_label(accomplishment.until)}'


def _number(value: object, field: str, label: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            value = float(str(value).replace(',', '').strip())
        except ValueError:
            raise ValidationError(f'{label} must be a number, not "{value}".', field=field) from None
    number = float(value)
    if not math.isfinite(number):
        raise ValidationError(f'{label} must be a finite number, not {value}.', field=field)
    return number


def _fmt(value: float) -> str:
    # 15 significant digits: 1234567 stays "1234567" (``:g`` alone would print "1.23457e+06").
    return f'{value:.15g}' if abs(value) < 1e15 else f'{value:.3e}'
