"""What advocates' introductions led to: introduction → application → interview → offer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum

from . import wording
from .applications import Application, ApplicationStage, Introduction
from .errors import ValidationError


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
