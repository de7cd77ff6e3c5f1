"""The add/edit accomplishment form: strings as typed, to and from an ``Accomplishment``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from .. import validation as v
from ..accomplishments import Accomplishment, Metric
from ..errors import ValidationError
from ..links import is_web_address
from .fields import parse_date, parse_float, split_list


@dataclass(kw_only=True, slots=True)
class AccomplishmentForm:
    """What the accomplishment dialog holds; every field but the witnesses is the text in its input."""

    title: str = ''
    on: str = ''
    until: str = ''
    role: str = ''
    project: str = ''
    organisation: str = ''
    description: str = ''
    metric_name: str = ''
    metric_value: str = ''
    metric_unit: str = ''
    metric_baseline: str = ''
    tags: str = ''
    evidence_url: str = ''
    witness_ids: list[str] = field(default_factory=list)

    @classmethod
    def from_accomplishment(cls, accomplishment: Accomplishment) -> AccomplishmentForm:
        """The form pre-filled for editing ``accomplishment``."""
        metric = accomplishment.metric
        return cls(
            title=accomplishment.title,
            on=accomplishment.on.isoformat(),
            until=accomplishment.until.isoformat() if accomplishment.until else '',
            role=accomplishment.role,
            project=accomplishment.project,
            organisation=accomplishment.organisation,
            description=accomplishment.description,
            metric_name=metric.name if metric else '',
            metric_value=(('+' if metric.signed and metric.value >= 0 else '') + _number_text(metric.value)
                          if metric else ''),
            metric_unit=metric.unit if metric else '',
            metric_baseline=_number_text(metric.baseline) if metric and metric.baseline is not None else '',
            tags=', '.join(accomplishment.tags),
            evidence_url=accomplishment.evidence_url,
            witness_ids=list(accomplishment.witness_ids),
        )

    def to_accomplishment(
        self, existing: Accomplishment | None, today: date, *, is_contact: Callable[[str], bool]
    ) -> Accomplishment:
        """Validate the form and build the accomplishment to store.

        An edit keeps the record's id, creation time and the shares already recorded.

        Args:
            existing: The accomplishment being edited, or None for a new one.
            today: The user's today: an accomplishment cannot be dated after it.
            is_contact: Whether an id names a stored contact (witnesses must be real people).

        Raises:
            ValidationError: with ``field`` naming the form field to fix.
        """
        on = parse_date(self.on, 'on', 'Date', required=True)
        until = parse_date(self.until, 'until', 'Until')
        v.not_after(on, today, 'on', 'Date')
        v.not_after(until, today, 'until', 'Until')
        unknown = [witness for witness in self.witness_ids if not is_contact(witness)]
        if unknown:
            raise ValidationError(
                f'{len(unknown)} of the witnesses chosen {"is" if len(unknown) == 1 else "are"} not in your '
                'contacts (deleted in another tab?): remove them and choose again.',
                field='witness_ids',
            )
        url = self.evidence_url.strip()
        if url and not is_web_address(url):
            raise ValidationError(
                f'The evidence link "{url[:80]}" must be a web address starting with https:// or http://.',
                field='evidence_url',
            )
        fields = {
            'title': self.title,
            'on': on,
            'until': until,
            'role': self.role,
            'project': self.project,
            'organisation': self.organisation,
            'description': self.description,
            'metric': self._metric(),
            'tags': split_list(self.tags),
            'evidence_url': url,
            'witness_ids': list(self.witness_ids),
        }
        if existing is None:
            return Accomplishment(**fields)  # type: ignore[arg-type]
        return replace(existing, **fields)  # type: ignore[arg-type]

    def metric_preview(self) -> str:
        """How the result will read (e.g. ``p95 latency 800 → 120 ms``); empty while it is incomplete."""
        try:
            metric = self._metric()
        except ValidationError:
            return ''
        return metric.describe() if metric else ''

    def _metric(self) -> Metric | None:
        typed = (self.metric_name, self.metric_value, self.metric_unit, self.metric_baseline)
        if not any(part.strip() for part in typed):
            return None
        value = parse_float(self.metric_value, 'metric_value', 'Metric value')
        baseline = parse_float(self.metric_baseline, 'metric_baseline', 'Baseline')
        if not self.metric_name.strip():
            raise ValidationError('Name the metric (e.g. "p95 latency"), or clear the result fields.',
                                  field='metric_name')
        if value is None:
            raise ValidationError('Give the metric a value: a number such as 120, -40 or 1.2.', field='metric_value')
        return Metric(name=self.metric_name, value=value, unit=self.metric_unit, baseline=baseline,
                      signed=self.metric_value.strip().startswith('+'))


def _number_text(value: float) -> str:
    # 120.0 shows as "120" and 1234567.0 as "1234567", so an unchanged edit round-trips.
    return f'{value:.15g}'
