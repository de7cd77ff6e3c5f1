"""The Settings page's per-stage "every … days" cards: keep in touch, and ask for feedback."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import validation as v
from ..contacts import Stage
from ..settings import Settings
from .fields import parse_int


@dataclass(frozen=True, slots=True, kw_only=True)
class StageDays:
    """Which per-stage setting a card edits, and how its fields and messages are named."""

    setting: str
    """The ``Settings`` attribute: a ``dict[Stage, int | None]``."""
    prefix: str
    """Fields are ``<prefix>_<stage>``, as ``ValidationError.field`` names them."""
    label: str
    """What a message calls one value: ``Advocate cadence``."""

    def field(self, stage: Stage) -> str:
        """The form field (and ``ValidationError.field``) for ``stage``."""
        return f'{self.prefix}_{stage.value}'


KEEP_IN_TOUCH = StageDays(setting='cadence_days', prefix='cadence', label='cadence')
"""How often to contact someone at each stage; empty means no reminder."""
ASK_FEEDBACK = StageDays(setting='feedback_days', prefix='feedback', label='feedback cadence')
"""How often to ask the people at each stage for feedback; empty means never."""


def cadence_field(stage: Stage) -> str:
    """The form field (and ``ValidationError.field``) for ``stage``'s default cadence."""
    return KEEP_IN_TOUCH.field(stage)


def feedback_field(stage: Stage) -> str:
    """The form field (and ``ValidationError.field``) for ``stage``'s feedback cadence."""
    return ASK_FEEDBACK.field(stage)


@dataclass(kw_only=True, slots=True)
class CadenceForm:
    """The text of each stage's "every … days" field for one per-stage setting (``kind``)."""

    kind: StageDays = KEEP_IN_TOUCH
    days: dict[Stage, str] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings, kind: StageDays = KEEP_IN_TOUCH) -> CadenceForm:
        """The form pre-filled with the stored values of ``kind``."""
        stored: dict[Stage, int | None] = getattr(settings, kind.setting)
        return cls(kind=kind, days={stage: '' if (d := stored.get(stage)) is None else str(d) for stage in Stage})

    def to_settings(self, settings: Settings) -> Settings:
        """The settings with these values, everything else kept.

        Raises:
            ValidationError: a field is not a whole number of days from 1 to 3650; ``field`` names it.
        """
        every: dict[Stage, int | None] = {}
        for stage in Stage:
            name = self.kind.field(stage)
            label = f'{stage.label} {self.kind.label}'
            every[stage] = v.positive_days(parse_int(self.days.get(stage, ''), name, label), name, label)
        if self.kind.setting == ASK_FEEDBACK.setting:
            return replace(settings, feedback_days=every)
        return replace(settings, cadence_days=every)



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
