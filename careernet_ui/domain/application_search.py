"""Finding applications: by stage, by words in the company or position, open or closed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .applications import Application, ApplicationStage
from .contact_search import fold
from .paging import Page, paginate

PAGE_SIZE = 25


class Openness(StrEnum):
    """Whether the list shows open applications, closed ones, or both."""

    OPEN = 'open'
    CLOSED = 'closed'
    ALL = 'all'

    @property
    def label(self) -> str:
        """The choice as shown to a person."""
        return {'open': 'Open', 'closed': 'Closed', 'all': 'Open and closed'}[self.value]


@dataclass(kw_only=True, slots=True)
class ApplicationQuery:
    """What the user asked the applications list for."""

    text: str = ''
    stage: ApplicationStage | None = None
    openness: Openness = Openness.OPEN
    page: int = 1
    page_size: int = PAGE_SIZE


def find_applications(applications: Sequence[Application], query: ApplicationQuery) -> list[Application]:
    """The applications matching ``query``, the most recently moved first.

    Every word of the text must occur in the company, the position or the source. Choosing a
    stage shows that stage whether it is open or closed.
    """
    words = fold(query.text).split()
    found = [
        application for application in applications
        if (query.stage is None or application.stage is query.stage)
        and (query.stage is not None or _openness_matches(application, query.openness))
        and all(word in fold(f'{application.company} {application.position} {application.source}') for word in words)
    ]
    found.sort(key=lambda a: (last_moved(a), a.updated_at, a.id), reverse=True)
    return found


def search_applications(applications: Sequence[Application], query: ApplicationQuery) -> Page[Application]:
    """Page ``query.page`` of the applications ``find_applications`` matches, ``query.page_size`` a page."""
    return paginate(find_applications(applications, query), query.page, query.page_size)


def last_moved(application: Application) -> date:
    """The day of the application's latest stage change (its creation day if it has none)."""
    return application.stage_history[-1].on if application.stage_history else application.created_at.date()


def _openness_matches(application: Application, openness: Openness) -> bool:
    if openness is Openness.ALL:
        return True
    return application.is_closed is (openness is Openness.CLOSED)
