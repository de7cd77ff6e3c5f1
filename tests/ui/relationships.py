"""A small, hand-made network for the pipeline, timeline and dashboard page tests.

On ``TODAY`` (25 Nov 2026): Dana, an advocate, was last seen over coffee 74 days ago (catch-up
44 days overdue); Mei, a contact, was asked for advice and feedback (a stage suggestion); Tomasz
is a contact with nothing logged; Priya, a reference, was called last week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from careernet_ui.domain import Contact, Interaction, InteractionKind, Role, Stage, StageChange
from storage import open_store
from tests.conftest import TODAY


@dataclass(kw_only=True, slots=True, frozen=True)
class Story:
    """The ids of the people in the network."""

    dana: str
    mei: str
    tomasz: str
    priya: str


def write_story(path: Path) -> Story:
    """Write the network into ``path`` (before the app opens it) and return who is who."""
    dana = person('Dana Okafor', Stage.ADVOCATE, Role.MENTOR, 'Acme Corp', ['leadership'])
    mei = person('Mei Chen', Stage.CONTACT, Role.COLLEAGUE, 'Globex', ['infra'])
    tomasz = person('Tomasz Nowak', Stage.CONTACT, Role.PEER, 'Initech', ['python'])
    priya = person('Priya Raman', Stage.REFERENCE, Role.SUPERVISOR, 'Hooli', ['python'])
    logged = [
        Interaction(contact_id=dana.id, kind=InteractionKind.COFFEE, on=days_ago(74), note='Platform org news.'),
        Interaction(contact_id=mei.id, kind=InteractionKind.ADVICE_ASKED, on=days_ago(60)),
        Interaction(contact_id=mei.id, kind=InteractionKind.FEEDBACK_ASKED, on=days_ago(20)),
        Interaction(contact_id=priya.id, kind=InteractionKind.CALL, on=days_ago(7), note='Offer advice.'),
    ]
    store = open_store(path)
    store.contacts.add_many([dana, mei, tomasz, priya])
    store.interactions.add_many(logged)
    store.close()
    return Story(dana=dana.id, mei=mei.id, tomasz=tomasz.id, priya=priya.id)


def person(name: str, stage: Stage, role: Role, organisation: str, tags: list[str]) -> Contact:
    """A contact added a year ago at ``stage``."""
    return Contact(name=name, stage=stage, role=role, organisation=organisation, tags=tuple(tags),
                   stage_history=(StageChange(on=days_ago(365), to_stage=stage),))


def days_ago(days: int) -> date:
    """``TODAY`` minus ``days``."""
    return TODAY - timedelta(days=days)
