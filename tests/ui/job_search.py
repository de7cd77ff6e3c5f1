"""A small job search written into a test's data file before the app opens it: people, applications, requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from careernet_ui.domain import (
    Accomplishment,
    Application,
    ApplicationStage,
    ApplicationStageChange,
    Contact,
    Introduction,
    Metric,
    ReferenceConsent,
    ReferenceRequest,
    RequestStatus,
    RequestStep,
    Role,
    Stage,
)
from storage import open_store
from tests.conftest import TODAY

DANA = Contact(id='dana', name='Dana Okafor', role=Role.SUPERVISOR, stage=Stage.REFERENCE, organisation='Acme',
               emails=('dana@acme.example',), consent=ReferenceConsent(given_on=date(2026, 1, 1)))
MEI = Contact(id='mei', name='Mei Chen', stage=Stage.REFERENCE, organisation='Globex',
              consent=ReferenceConsent(given_on=date(2025, 1, 1), expires_on=date(2026, 6, 30)))
TOMASZ = Contact(id='tomasz', name='Tomasz Nowak', stage=Stage.REFERENCE,
                 consent=ReferenceConsent(given_on=date(2026, 1, 1)))
ADA = Contact(id='ada', name='Ada Lovelace', stage=Stage.ADVOCATE, organisation='Analytical')


def application(app_id: str, company: str, stage: ApplicationStage = ApplicationStage.APPLIED, *,
                position: str = 'Staff Engineer', moved: date = date(2026, 11, 1), **fields: object) -> Application:
    """An application whose history holds its stage since ``moved``."""
    return Application(id=app_id, company=company, position=position, stage=stage,
                       stage_history=[ApplicationStageChange(on=moved, stage=stage)], **fields)  # type: ignore[arg-type]


def request(request_id: str, app: Application, person: Contact, *steps: RequestStatus,
            asked: date = date(2026, 11, 2)) -> ReferenceRequest:
    """A request asked on ``asked``, then through ``steps`` on the days after."""
    history = [RequestStep(on=asked, status=RequestStatus.ASKED)]
    history += [RequestStep(on=asked + timedelta(days=n + 1), status=s) for n, s in enumerate(steps)]
    return ReferenceRequest(id=request_id, application_id=app.id, contact_id=person.id, status=history[-1].status,
                            history=tuple(history))


@dataclass(kw_only=True, slots=True)
class JobSearch:
    """What to write into the data file."""

    contacts: list[Contact] = field(default_factory=lambda: [DANA, MEI, TOMASZ, ADA])
    applications: list[Application] = field(default_factory=list)
    requests: list[ReferenceRequest] = field(default_factory=list)
    introductions: list[Introduction] = field(default_factory=list)
    accomplishments: list[Accomplishment] = field(default_factory=list)


def write(path: Path, search: JobSearch) -> None:
    """Store ``search`` in the data file at ``path`` (closed again, so the app can open it)."""
    store = open_store(path)
    store.contacts.add_many(search.contacts)
    store.applications.add_many(search.applications)
    store.reference_requests.add_many(search.requests)
    store.introductions.add_many(search.introductions)
    store.accomplishments.add_many(search.accomplishments)
    store.close()


SEEN = Accomplishment(id='seen', title='Cut checkout latency', on=date(2026, 3, 1), witness_ids=('dana',),
                      tags=('performance',), metric=Metric(name='p95 latency', value=120, unit='ms', baseline=800))
RELATED = Accomplishment(id='related', title='Profiled the search API', on=date(2026, 5, 1), tags=('performance',))

__all__ = ['ADA', 'DANA', 'MEI', 'RELATED', 'SEEN', 'TODAY', 'TOMASZ', 'JobSearch', 'application', 'request', 'write']
