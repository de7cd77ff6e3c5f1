"""Small builders for domain tests: records with fixed ids and timestamps, so runs repeat exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime

from careernet_ui.domain.contacts import Contact, Stage, StageChange
from careernet_ui.domain.interactions import Interaction, InteractionKind

CREATED = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


def contact(
    contact_id: str,
    name: str,
    stage: Stage = Stage.CONTACT,
    *,
    cadence_days: int | None = None,
    history: list[StageChange] | None = None,
    created_at: datetime = CREATED,
    updated_at: datetime = CREATED,
) -> Contact:
    """A contact with a fixed id and timestamps."""
    return Contact(
        id=contact_id,
        name=name,
        stage=stage,
        cadence_days=cadence_days,
        stage_history=tuple(history or []),
        created_at=created_at,
        updated_at=updated_at,
    )


def interaction(
    interaction_id: str,
    person: Contact,
    kind: InteractionKind,
    on: date,
    *,
    logged_at: datetime | None = None,
) -> Interaction:
    """An interaction with ``person``, logged (created and updated) at noon on its day unless told."""
    stamp = logged_at or datetime(on.year, on.month, on.day, 12, tzinfo=UTC)
    return Interaction(id=interaction_id, contact_id=person.id, kind=kind, on=on, created_at=stamp, updated_at=stamp)
