"""A read-only snapshot of everything stored: what the follow-up engine and reports read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .accomplishments import Accomplishment
from .applications import Application
from .contacts import Contact
from .feedback import Feedback
from .followups.followup import FollowUpState
from .goals import Goal
from .interactions import Interaction
from .introductions import Introduction
from .letters import RecommendationLetter
from .reference_requests import ReferenceRequest
from .settings import Settings


@dataclass(frozen=True, kw_only=True, slots=True)
class Network:
    """All records at one moment. Pure functions take this and a date."""

    contacts: Sequence[Contact] = ()
    interactions: Sequence[Interaction] = ()
    accomplishments: Sequence[Accomplishment] = ()
    feedback: Sequence[Feedback] = ()
    applications: Sequence[Application] = ()
    reference_requests: Sequence[ReferenceRequest] = ()
    introductions: Sequence[Introduction] = ()
    followup_states: Sequence[FollowUpState] = ()
    goals: Sequence[Goal] = ()
    letters: Sequence[RecommendationLetter] = ()
    settings: Settings = field(default_factory=Settings)
    derived: dict[Any, dict[Any, Any]] = field(default_factory=dict, init=False, compare=False, repr=False)
    """What pure functions computed from this snapshot, by :class:`~.snapshot_cache.SnapshotCache` slot.

    Not part of the data: it lives and dies with the snapshot (``replace`` starts a new one), so a
    result can never outlive the records it was computed from.
    """
