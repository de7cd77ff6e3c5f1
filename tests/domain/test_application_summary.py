"""The dashboard's view of the job search: stages, requests in flight, reference load."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from careernet_ui.domain import Application, ApplicationStage, Contact, RequestStatus, Stage
from careernet_ui.domain.application_summary import active_by_stage, reference_load_table, references_in_flight
from careernet_ui.domain.references import new_request

TODAY = date(2026, 11, 25)
DANA = Contact(id='dana', name='Dana Okafor', stage=Stage.REFERENCE)
MEI = Contact(id='mei', name='Mei Chen', stage=Stage.REFERENCE)
OPEN = Application(id='open', company='Initech', position='Engineer', stage=ApplicationStage.INTERVIEWING)
CLOSED = Application(id='closed', company='Hooli', position='Engineer', stage=ApplicationStage.REJECTED)


def request(contact: Contact, days_ago: int, status: RequestStatus = RequestStatus.ASKED,
            application: Application = OPEN) -> object:
    made = new_request(application, contact, TODAY - timedelta(days=days_ago))
    return dataclasses.replace(made, status=status, id=f'{contact.id}-{days_ago}')


def test_active_applications_by_open_stage() -> None:
    offer = Application(company='Globex', position='Lead', stage=ApplicationStage.OFFER)
    assert active_by_stage([OPEN, CLOSED, offer]) == [
        (ApplicationStage.INTERESTED, 0), (ApplicationStage.APPLIED, 0), (ApplicationStage.INTERVIEWING, 1),
        (ApplicationStage.OFFER, 1)]


def test_in_flight_leaves_out_declined_and_finished_requests() -> None:
    requests = [request(DANA, 3, RequestStatus.BRIEFED), request(MEI, 1),
                request(DANA, 2, RequestStatus.DECLINED), request(MEI, 5, RequestStatus.OUTCOME_SHARED, CLOSED)]
    flights = references_in_flight(requests, {'open': OPEN, 'closed': CLOSED},  # type: ignore[arg-type]
                                   {'dana': DANA, 'mei': MEI})
    assert [(f.contact.name, f.request.status) for f in flights] == [
        ('Mei Chen', RequestStatus.ASKED), ('Dana Okafor', RequestStatus.BRIEFED)]


def test_load_table_counts_the_last_90_days_most_asked_first() -> None:
    requests = [request(MEI, 1), request(DANA, 10), request(DANA, 30), request(DANA, 80), request(DANA, 95),
                request(MEI, 4, RequestStatus.DECLINED)]
    rows = reference_load_table(requests, {'dana': DANA, 'mei': MEI}, TODAY)  # type: ignore[arg-type]
    assert [(r.contact.name, r.count, r.last_asked, r.heavy) for r in rows] == [
        ('Dana Okafor', 3, TODAY - timedelta(days=10), True), ('Mei Chen', 1, TODAY - timedelta(days=1), False)]
