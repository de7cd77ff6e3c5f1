"""What every stored record has: a stable id and its creation and last-change times."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol


def new_id() -> str:
    """A fresh record id. Never a TinyDB doc id: TinyDB reuses those after deletes."""
    return uuid.uuid4().hex


def utc_now() -> datetime:
    """The current time in UTC, to the microsecond."""
    return datetime.now(UTC)


@dataclass(frozen=True, kw_only=True, slots=True)
class Record:
    """Base of every stored record."""

    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)


class Stamped(Protocol):
    """What every stored record carries, whether it derives from :class:`Record` or is a frozen record of its own."""

    @property
    def id(self) -> str: ...

    @property
    def created_at(self) -> datetime: ...

    @property
    def updated_at(self) -> datetime: ...
