"""The job search at a glance: applications by stage, references in flight, and who was asked how often."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .applications import Application, ApplicationStage
from .contacts import Contact
from .reference_requests import ReferenceRequest, RequestStatus
from .references import HEAVY_LOAD, LOAD_WINDOW_DAYS, asked_on

OPEN_STAGES = (ApplicationStage.INTERESTED, ApplicationStage.APPLIED, ApplicationStage.INTERVIEWING,
               ApplicationStage.OFFER)
_SETTLED = frozenset({RequestStatus.DECLINED, RequestStatus.OUTCOME_SHARED})


@dataclass(kw_only=True, slots=True, frozen=True)
class InFlight:
    """A reference request still under way, with its application and person."""

    request: ReferenceRequest
    application: Application
    contact: Contact

    @property
    def since(self) -> date:
        """The day of its latest step."""
        return self.request.history[-1].on if self.request.history else self.request.created_at.date()


@dataclass(kw_only=True, slots=True, frozen=True)
class LoadRow:
    """How often one person was asked to be a reference in the load window."""

    contact: Contact
    count: int
    last_asked: date

    @property
    def heavy(self) -> bool:
        """Asked often enough that asking again deserves a second thought."""
        return self.count >= HEAVY_LOAD


def active_by_stage(applications: Iterable[Application]) -> list[tuple[ApplicationStage, int]]:
    """How many open applications are at each open stage, in pipeline order (zeros included)."""
    counts = Counter(a.stage for a in applications if not a.is_closed)
    return [(stage, counts[stage]) for stage in OPEN_STAGES]


def references_in_flight(requests: Iterable[ReferenceRequest], applications: Mapping[str, Application],
                         contacts: Mapping[str, Contact]) -> list[InFlight]:
    """Requests neither declined nor finished (outcome shared), the most recently moved first."""
    flights = [
        InFlight(request=r, application=applications[r.application_id], contact=contacts[r.contact_id])
        for r in requests
        if r.status not in _SETTLED and r.application_id in applications and r.contact_id in contacts
    ]
    flights.sort(key=lambda f: (f.since, f.request.id), reverse=True)
    return flights


def reference_load_table(requests: Sequence[ReferenceRequest], contacts: Mapping[str, Contact], today: date,
                         window_days: int = LOAD_WINDOW_DAYS) -> list[LoadRow]:
    """Everyone asked to be a reference in the last ``window_days`` (declines excluded), most asked first."""
    since = today - timedelta(days=window_days)
    counts: Counter[str] = Counter()
    last: dict[str, date] = {}
    for request in requests:
        asked = asked_on(request)
        if request.status is RequestStatus.DECLINED or not since <= asked <= today:
            continue
        counts[request.contact_id] += 1
        last[request.contact_id] = max(asked, last.get(request.contact_id, asked))
    rows = [LoadRow(contact=contacts[cid], count=n, last_asked=last[cid]) for cid, n in counts.items()
            if cid in contacts]
    rows.sort(key=lambda row: (-row.count, row.contact.name.casefold(), row.contact.id))
    return rows
