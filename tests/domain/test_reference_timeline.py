"""Reference requests and introductions on a person's timeline."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import (
    Application,
    Contact,
    Introduction,
    Network,
    ReferenceRequest,
    RequestStatus,
    RequestStep,
)
from careernet_ui.domain.timeline import timeline

DANA = Contact(id='dana', name='Dana Okafor')
APP = Application(id='app', company='Initech', position='Staff Engineer')


def test_each_request_step_and_each_introduction_is_on_the_timeline() -> None:
    request = ReferenceRequest(id='r', application_id='app', contact_id='dana', status=RequestStatus.AGREED,
                               history=(RequestStep(on=date(2026, 11, 2), status=RequestStatus.ASKED),
                                        RequestStep(on=date(2026, 11, 3), status=RequestStatus.AGREED,
                                                    note='Happy to.')))
    intro = Introduction(id='i', advocate_id='dana', on=date(2026, 11, 1), to_whom='Globex CTO', outcome='Coffee')
    others = Introduction(id='j', advocate_id='mei', on=date(2026, 11, 1), to_whom='Hooli')
    network = Network(contacts=[DANA], applications=[APP], reference_requests=[request], introductions=[intro, others])
    entries = [(e.on, e.title, e.detail, e.link) for e in timeline(network, DANA) if e.kind != 'stage']
    assert entries == [
        (date(2026, 11, 3), 'Reference for Initech: agreed', 'Happy to.', '/applications/app'),
        (date(2026, 11, 2), 'Reference for Initech: asked', 'Staff Engineer', '/applications/app'),
        (date(2026, 11, 1), 'Introduced you to Globex CTO', 'Coffee', ''),
    ]


def test_steps_taken_on_one_day_list_newest_first() -> None:
    steps = [RequestStatus.ASKED, RequestStatus.AGREED, RequestStatus.BRIEFED, RequestStatus.EMPLOYER_CONTACTED]
    request = ReferenceRequest(id='r', application_id='app', contact_id='dana', status=steps[-1],
                               history=tuple(RequestStep(on=date(2026, 11, 25), status=s) for s in steps))
    network = Network(contacts=[DANA], applications=[APP], reference_requests=[request])
    titles = [e.title for e in timeline(network, DANA) if e.kind == 'reference']
    assert titles == ['Reference for Initech: employer contacted', 'Reference for Initech: briefed',
                      'Reference for Initech: agreed', 'Reference for Initech: asked']
