"""Follow-ups of the reference workflow: each kind, with its dates, and how it goes away."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from careernet_ui.domain import (
    Application,
    ApplicationStage,
    ApplicationStageChange,
    Contact,
    Interaction,
    InteractionKind,
    Introduction,
    Network,
    ReferenceRequest,
    RequestStatus,
    RequestStep,
    Stage,
    due_follow_ups,
)
from careernet_ui.domain.references import advance

TODAY = date(2026, 11, 25)
DANA = Contact(id='dana', name='Dana Okafor', stage=Stage.REFERENCE)
MEI = Contact(id='mei', name='Mei Chen', stage=Stage.REFERENCE)
ADA = Contact(id='ada', name='Ada Advocate', stage=Stage.ADVOCATE)


def application(stage: ApplicationStage = ApplicationStage.INTERVIEWING, *, interviews: tuple[date, ...] = (),
                introduced_by: str | None = None, closed: date | None = None) -> Application:
    history = [ApplicationStageChange(on=date(2026, 11, 1), stage=ApplicationStage.APPLIED)]
    if closed:
        history.append(ApplicationStageChange(on=closed, stage=stage))
    return Application(id='app', company='Initech', position='Staff Engineer', stage=stage,
                       stage_history=tuple(history), interview_dates=tuple(interviews), introduced_by=introduced_by)


def request(contact: Contact, *steps: tuple[RequestStatus, date]) -> ReferenceRequest:
    history = [RequestStep(on=date(2026, 11, 2), status=RequestStatus.ASKED)]
    history += [RequestStep(on=on, status=status) for status, on in steps]
    return ReferenceRequest(id=f'req-{contact.id}', application_id='app', contact_id=contact.id,
                            status=history[-1].status, history=tuple(history))


def followups(*records: object, horizon: int = 30, today: date = TODAY) -> dict[str, tuple[date, str]]:
    network = Network(
        contacts=[DANA, MEI, ADA],
        applications=[r for r in records if isinstance(r, Application)],
        reference_requests=[r for r in records if isinstance(r, ReferenceRequest)],
        introductions=[r for r in records if isinstance(r, Introduction)],
        interactions=[r for r in records if isinstance(r, Interaction)],
    )
    return {f.id: (f.due, f.title) for f in due_follow_ups(network, today, horizon) if f.kind != 'keep_in_touch'}


def test_brief_is_due_the_day_before_the_next_interview() -> None:
    agreed = request(DANA, (RequestStatus.AGREED, date(2026, 11, 20)))
    found = followups(application(interviews=(date(2026, 12, 3),)), agreed)
    assert found['brief_reference:req-dana'] == (
        date(2026, 12, 2), 'Brief Dana Okafor for the Initech Staff Engineer role before your interview on 3 Dec 2026')


def test_brief_is_due_at_once_without_an_interview_and_goes_once_briefed() -> None:
    agreed = request(DANA, (RequestStatus.AGREED, date(2026, 11, 20)))
    assert followups(application(), agreed)['brief_reference:req-dana'][0] == date(2026, 11, 20)
    briefed = request(DANA, (RequestStatus.AGREED, date(2026, 11, 20)), (RequestStatus.BRIEFED, date(2026, 11, 21)))
    assert 'brief_reference:req-dana' not in followups(application(), briefed)


def test_thank_you_is_due_two_days_after_the_employer_called() -> None:
    contacted = request(DANA, (RequestStatus.AGREED, date(2026, 11, 20)), (RequestStatus.BRIEFED, date(2026, 11, 21)),
                        (RequestStatus.EMPLOYER_CONTACTED, date(2026, 11, 24)))
    found = followups(application(), contacted)
    assert found['thank_reference:req-dana'] == (date(2026, 11, 26), 'Thank Dana Okafor for the Initech reference')
    thanked = dataclasses.replace(contacted, status=RequestStatus.THANKED)
    assert 'thank_reference:req-dana' not in followups(application(), thanked)


def test_closing_an_application_asks_to_share_the_outcome_with_every_reference_and_the_advocate() -> None:
    closed = application(ApplicationStage.OFFER, closed=date(2026, 11, 24), introduced_by='ada')
    closed = dataclasses.replace(closed, stage=ApplicationStage.ACCEPTED,
                                 stage_history=(*closed.stage_history[:-1],
                                                ApplicationStageChange(on=date(2026, 11, 24),
                                                                       stage=ApplicationStage.ACCEPTED)))
    dana = request(DANA, (RequestStatus.AGREED, date(2026, 11, 3)), (RequestStatus.BRIEFED, date(2026, 11, 4)))
    mei = request(MEI, (RequestStatus.AGREED, date(2026, 11, 3)))
    declined = dataclasses.replace(request(ADA, (RequestStatus.DECLINED, date(2026, 11, 3))), id='req-declined')
    found = followups(closed, dana, mei, declined)
    assert found['share_outcome:req-dana'] == (
        date(2026, 11, 24), 'Tell Dana Okafor how the Initech application ended (accepted)')
    assert 'share_outcome:req-mei' in found
    assert 'share_outcome:app:ada' in found
    assert 'share_outcome:req-declined' not in found
    update = Interaction(contact_id='ada', kind=InteractionKind.UPDATE_SENT, on=date(2026, 11, 25))
    shared = dataclasses.replace(dana, status=RequestStatus.OUTCOME_SHARED)
    after = followups(closed, shared, mei, update)
    assert 'share_outcome:req-dana' not in after
    assert 'share_outcome:app:ada' not in after
    assert 'share_outcome:req-mei' in after


def test_open_applications_ask_for_no_outcome() -> None:
    dana = request(DANA, (RequestStatus.AGREED, date(2026, 11, 3)), (RequestStatus.BRIEFED, date(2026, 11, 4)))
    assert not [key for key in followups(application(), dana) if key.startswith('share_outcome')]


def test_introductions_are_thanked_within_two_days() -> None:
    intro = Introduction(id='i1', advocate_id='ada', on=date(2026, 11, 22), to_whom='Globex hiring manager')
    found = followups(intro)
    assert found['thank_introduction:i1'] == (
        date(2026, 11, 24), 'Thank Ada Advocate for the introduction to Globex hiring manager')
    assert 'thank_introduction:i1' not in followups(dataclasses.replace(intro, thanked_on=date(2026, 11, 23)))
    thanks = Interaction(contact_id='ada', kind=InteractionKind.THANK_YOU, on=date(2026, 11, 23))
    assert 'thank_introduction:i1' not in followups(intro, thanks)


def test_followup_ids_are_stable_across_unrelated_edits() -> None:
    agreed = request(DANA, (RequestStatus.AGREED, date(2026, 11, 20)))
    first = followups(application(), agreed)
    edited = dataclasses.replace(agreed, talking_points='Mention the migration')
    assert followups(application(), edited).keys() == first.keys()
    assert followups(application(), agreed, today=TODAY + timedelta(days=1)).keys() == first.keys()


def test_sharing_the_outcome_with_an_agreed_reference_resolves_the_follow_up() -> None:
    closed = application(ApplicationStage.REJECTED, closed=date(2026, 11, 24))
    mei = request(MEI, (RequestStatus.AGREED, date(2026, 11, 3)))
    assert 'share_outcome:req-mei' in followups(closed, mei)
    told = advance(mei, RequestStatus.OUTCOME_SHARED, date(2026, 11, 25), TODAY)
    assert 'share_outcome:req-mei' not in followups(closed, told)
