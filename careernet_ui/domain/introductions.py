"""What advocates' introductions led to: introduction → application → interview → offer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum

from . import validation as v
from . import wording
from .applications import Application, ApplicationStage, _set
from .errors import ValidationError
from .records import Record


@dataclass(frozen=True, kw_only=True, slots=True)
class Introduction(Record):
    """An advocate introduced the user to a person or an opportunity."""

    advocate_id: str
    on: date
    to_whom: str
    to_contact_id: str | None = None
    application_id: str | None = None
    outcome: str = ''
    thanked_on: date | None = None

    def __post_init__(self) -> None:
        v.stamps(self)
        _set(self, 'advocate_id', v.record_id(self.advocate_id, 'advocate_id', 'Introduced by'))
        _set(self, 'to_contact_id', v.optional_id(self.to_contact_id, 'to_contact_id', 'Introduced to'))
        _set(self, 'application_id', v.optional_id(self.application_id, 'application_id', 'Application'))
        v.sane_date(self.on, 'on', 'Date')
        _set(self, 'to_whom', v.required_text(self.to_whom, 'to_whom', 'Introduced to'))
        _set(self, 'outcome', v.optional_text(self.outcome, 'outcome', 'Outcome', limit=v.MAX_TEXT))
        v.sane_date(self.thanked_on, 'thanked_on', 'Thanked on')


class Reached(IntEnum):
    """How far an opportunity an advocate opened has got, in order."""

    INTRODUCTION = 1
    APPLICATION = 2
    INTERVIEW = 3
    OFFER = 4

    @property
    def label(self) -> str:
        """The step as shown to a person."""
        return self.name.capitalize()


@dataclass(kw_only=True, slots=True, frozen=True)
class OpenedDoor:
    """One introduction, the application it led to (if any), and how far it got."""

    introduction: Introduction
    application: Application | None
    reached: Reached


def doors_opened(advocate_id: str, introductions: Sequence[Introduction],
                 applications: Sequence[Application]) -> list[OpenedDoor]:
    """The opportunities ``advocate_id`` opened, newest first.

    An application counts when an introduction names it, or when the application says it was
    introduced by this advocate.
    """
    by_id = {a.id: a for a in applications}
    doors = []
    linked: set[str] = set()
    for intro in introductions:
        if intro.advocate_id != advocate_id:
            continue
        application = by_id.get(intro.application_id or '')
        if application is not None:
            linked.add(application.id)
        doors.append(OpenedDoor(introduction=intro, application=application, reached=_reached(application)))
    for application in applications:
        if application.introduced_by == advocate_id and application.id not in linked:
            intro = Introduction(advocate_id=advocate_id, on=_first_day(application), to_whom=application.company,
                                 application_id=application.id, id=f'implied:{application.id}')
            doors.append(OpenedDoor(introduction=intro, application=application, reached=_reached(application)))
    doors.sort(key=lambda door: (door.introduction.on, door.introduction.id), reverse=True)
    return doors


def _reached(application: Application | None) -> Reached:
    if application is None:
        return Reached.INTRODUCTION
    stages = {change.stage for change in application.stage_history} | {application.stage}
    if stages & {ApplicationStage.OFFER, ApplicationStage.ACCEPTED}:
        return Reached.OFFER
    if ApplicationStage.INTERVIEWING in stages or application.interview_dates:
        return Reached.INTERVIEW
    return Reached.APPLICATION


def _first_day(application: Application) -> date:
    return min((c.on for c in application.stage_history), default=application.created_at.date())


def thank_for(introduction: Introduction, on: date, today: date) -> Introduction:
    """The user thanked the advocate for ``introduction`` on ``on``.

    Raises:
        ValidationError: ``on`` is in the future or before the introduction.
    """
    if on > today:
        raise ValidationError(f'{wording.day_label(on)} is in the future; record the thanks once it is sent.',
                              field='on')
    if on < introduction.on:
        raise ValidationError(f'{wording.day_label(on)} is before the introduction '
                              f'({wording.day_label(introduction.on)}).', field='on')
    return replace(introduction, thanked_on=on)
