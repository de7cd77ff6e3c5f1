"""Small coloured labels used across pages: a stage, a status, "Overdue"."""

from __future__ import annotations

from careernet_ui.domain import Stage
from careernet_ui.nicegui_compat import TextElement

# Quasar shades dark enough for white text (WCAG AA, 4.5:1).
STAGE_COLORS = {
    Stage.CONTACT: 'grey-7',
    Stage.POTENTIAL_ADVOCATE: 'teal-9',
    Stage.REFERENCE: 'indigo-8',
    Stage.ADVOCATE: 'deep-orange-10',
}

BADGE_CLASSES = 'inline-flex items-center px-1.5 py-0.5 rounded text-xs leading-none whitespace-nowrap'
"""A badge's shape; ``badge_classes`` adds its colours."""


class Badge(TextElement):
    """A ``<span>`` that looks like Quasar's badge: boards and lists show dozens, and a span is one node."""

    def __init__(self, text: str, color: str, *, outline: bool = False) -> None:
        """Make the badge in the current container.

        Args:
            text: What it says (set as text, never as HTML).
            color: A Quasar colour name: ``teal``, ``grey-7``, ``negative``…
            outline: Coloured text and border on no background, for the quieter variant.
        """
        super().__init__(tag='span', text=text)
        self.classes(badge_classes(color, outline=outline))


def badge_classes(color: str, *, outline: bool = False) -> str:
    """The classes of a badge in ``color`` (a Quasar colour name), filled or ``outline``d."""
    colours = f'text-{color} border border-current' if outline else f'bg-{color} text-white'
    return f'{BADGE_CLASSES} {colours}'


def stage_badge(stage: Stage) -> Badge:
    """A coloured badge naming the pipeline stage."""
    return Badge(stage.label, STAGE_COLORS[stage])
