"""The Settings page's keep-in-touch defaults: one "every … days" field per stage."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import validation as v
from .contacts import Stage
from .forms import parse_int
from .settings import Settings


def cadence_field(stage: Stage) -> str:
    """The form field (and ``ValidationError.field``) for ``stage``'s default cadence."""
    return f'cadence_{stage.value}'


@dataclass(kw_only=True, slots=True)
class CadenceForm:
    """The text of each stage's "every … days" field; empty means no reminder for that stage."""

    days: dict[Stage, str] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> CadenceForm:
        """The form pre-filled with the stored defaults."""
        return cls(days={stage: '' if (d := settings.cadence_days.get(stage)) is None else str(d) for stage in Stage})

    def to_settings(self, settings: Settings) -> Settings:
        """The settings with these defaults, everything else kept.

        Raises:
            ValidationError: a field is not a whole number of days from 1 to 3650; ``field`` names it.
        """
        cadence: dict[Stage, int | None] = {}
        for stage in Stage:
            name = cadence_field(stage)
            label = f'{stage.label} cadence'
            cadence[stage] = v.positive_days(parse_int(self.days.get(stage, ''), name, label), name, label)
        return replace(settings, cadence_days=cadence)


def feedback_field(stage: Stage) -> str:
    """The form field (and ``ValidationError.field``) for ``stage``'s feedback cadence."""
    return f'feedback_{stage.value}'


@dataclass(kw_only=True, slots=True)
class FeedbackCadenceForm:
    """The text of each stage's "ask for feedback every … days" field; empty means never."""

    days: dict[Stage, str] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> FeedbackCadenceForm:
        """The form pre-filled with the stored feedback cadences."""
        return cls(days={stage: '' if (d := settings.feedback_days.get(stage)) is None else str(d)
                         for stage in Stage})

    def to_settings(self, settings: Settings) -> Settings:
        """The settings with these feedback cadences, everything else kept.

        Raises:
            ValidationError: a field is not a whole number of days from 1 to 3650; ``field`` names it.
        """
        every: dict[Stage, int | None] = {}
        for stage in Stage:
            name = feedback_field(stage)
            label = f'{stage.label} feedback cadence'
            every[stage] = v.positive_days(parse_int(self.days.get(stage, ''), name, label), name, label)
        return replace(settings, feedback_days=every)


@dataclass(kw_only=True, slots=True)
class ProgressUpdateForm:
    """The text of the "send each advocate a progress update every … days" field; empty means never."""

    days: str = ''

    @classmethod
    def from_settings(cls, settings: Settings) -> ProgressUpdateForm:
        """The form pre-filled with the stored cadence."""
        every = settings.progress_update_days
        return cls(days='' if every is None else str(every))

    def to_settings(self, settings: Settings) -> Settings:
        """The settings with this cadence, everything else kept.

        Raises:
            ValidationError: not a whole number of days from 1 to 3650; ``field`` is ``progress_update_days``.
        """
        name, label = 'progress_update_days', 'Progress update cadence'
        return replace(settings, progress_update_days=v.positive_days(parse_int(self.days, name, label), name, label))
