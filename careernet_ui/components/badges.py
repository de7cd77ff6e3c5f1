"""Small labels used across pages."""

from __future__ import annotations

from nicegui import ui

from careernet_ui.domain import Stage

STAGE_COLORS = {
    Stage.CONTACT: 'grey-7',
    Stage.POTENTIAL_ADVOCATE: 'teal',
    Stage.REFERENCE: 'indigo',
    Stage.ADVOCATE: 'deep-orange',
}


def stage_badge(stage: Stage) -> ui.badge:
    """A coloured badge naming the pipeline stage."""
    return ui.badge(stage.label, color=STAGE_COLORS[stage]).classes('text-xs')
