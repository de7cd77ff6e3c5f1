"""Issue 12, points 4-9: the reference → advocate loop closes by itself. Each test: the scenario, then the fix."""

from __future__ import annotations

from datetime import date

import pytest

from careernet_ui.domain import (
    Application,
    ApplicationStage,
    ApplicationStageChange,
    Contact,
    Interaction,
    InteractionKind,
    Introduction,
    Network,
    ReferenceConsent,
    ReferenceRequest,
    RequestStatus,
    RequestStep,
    Stage,
    TransitionError,
    ValidationError,
    due_follow_ups,
)
from careernet_ui.domain.forms.contact import ContactForm
from careernet_ui.domain.references import advance, next_steps

TODAY = date(2026, 11, 25)
DANA = Contact(id='dana', name='Dana Okafor', stage=Stage.REFERENCE)
ADA = Contact(id='ada', name='Ada Advocate', stage=Stage.ADVOCATE)


def application(stage: ApplicationStage = ApplicationStage.INTERVIEWING, *, interviews: tuple[date, ...] = (),
                moves: tuple[tuple[ApplicationStage, date], ...] = (), introduced_by: str | None = None) -> Application:
    history = [ApplicationStageChange(on=date(2026, 11, 1), stage=ApplicationStage.APPLIED)]
    history += [ApplicationStageChange(on=on, stage=moved) for moved, on in moves]
    return Application(id='app', company='Initech', position='Staff Engineer', stage=stage,
                       stage_history=tuple(history), interview_dates=tuple(interviews), introduced_by=introduced_by)


def request(*steps: tuple[RequestStatus, date], contact: Contact = DANA) -> ReferenceRequest:
    history = [RequestStep(on=date(2026, 11, 2), status=RequestStatus.ASKED)]
    history += [RequestStep(on=on, status=status) for status, on in steps]
    return ReferenceRequest(id=f'req-{contact.id}', application_id='app', contact_id=contact.id,
                            status=history[-1].status, history=tuple(history))


def logged(interaction_id: str, contact: Contact, kind: InteractionKind, on: date) -> Interaction:
    return Interaction(id=interaction_id, contact_id=contact.id, kind=kind, on=on)


def due(network: Network, today: date = TODAY) -> dict[str, tuple[date, str]]:
    return {f.id: (f.due, f.title) for f in due_follow_ups(network, today, 30) if f.kind != 'keep_in_touch'}


# --- 4. The loop: evidence from the records, and one action creates what it implies -------------


def test_a_reference_given_logged_by_hand_is_owed_a_thank_you_until_thanked() -> None:
    help_given = logged('i1', DANA, InteractionKind.REFERENCE_GIVEN, date(2026, 11, 20))
    assert due(Network(contacts=[DANA], interactions=[help_given]))['thank_for_help:i1'] == (
        date(2026, 11, 22), 'Thank Dana Okafor for the reference')
    thanked = logged('i2', DANA, InteractionKind.THANK_YOU, date(2026, 11, 21))
    assert 'thank_for_help:i1' not in due(Network(contacts=[DANA], interactions=[help_given, thanked]))


def test_an_introduction_logged_and_recorded_is_one_introduction_with_one_thank_you() -> None:
    made = logged('i1', ADA, InteractionKind.INTRODUCTION_MADE, date(2026, 11, 20))
    introduction = Introduction(id='intro', advocate_id='ada', on=date(2026, 11, 20), to_whom='Lee at Globex')
    found = due(Network(contacts=[ADA], interactions=[made], introductions=[introduction]))
    assert [key for key in found if key.startswith('thank')] == ['thank_introduction:intro']


# --- 6. An offer is news to share -----------------------------------------------------------------


def test_an_offer_asks_to_tell_each_listed_reference_and_the_introducing_advocate() -> None:
    offered = application(ApplicationStage.OFFER, moves=((ApplicationStage.OFFER, date(2026, 11, 24)),),
                          introduced_by='ada')
    thanked = request((RequestStatus.AGREED, date(2026, 11, 3)), (RequestStatus.EMPLOYER_CONTACTED,
                                                                  date(2026, 11, 10)),
                      (RequestStatus.THANKED, date(2026, 11, 11)))
    found = due(Network(contacts=[DANA, ADA], applications=[offered], reference_requests=[thanked]))
    assert found['share_offer:app:dana'] == (date(2026, 11, 24), 'Tell Dana Okafor about the Initech offer')
    assert found['share_offer:app:ada'] == (date(2026, 11, 24), 'Tell Ada Advocate about the Initech offer')
    told = logged('i1', DANA, InteractionKind.UPDATE_SENT, date(2026, 11, 25))
    assert 'share_offer:app:dana' not in due(Network(contacts=[DANA, ADA], applications=[offered],
                                                     reference_requests=[thanked], interactions=[told]))


# --- 7. The brief follows the next interview --------------------------------------------------------


def test_the_brief_moves_past_an_interview_that_has_gone_to_the_next_or_to_now() -> None:
    agreed = request((RequestStatus.AGREED, date(2026, 11, 10)))
    two = application(interviews=(date(2026, 11, 20), date(2026, 12, 3)))
    assert due(Network(contacts=[DANA], applications=[two], reference_requests=[agreed]))[
        'brief_reference:req-dana'] == (date(2026, 12, 2),
                                        'Brief Dana Okafor for the Initech Staff Engineer role before your '
                                        'interview on 3 Dec 2026')
    past = application(interviews=(date(2026, 11, 20),))
    assert due(Network(contacts=[DANA], applications=[past], reference_requests=[agreed]))[
        'brief_reference:req-dana'] == (date(2026, 11, 10), 'Brief Dana Okafor for the Initech Staff Engineer role')


# --- 8. Each introduction is thanked on its own -----------------------------------------------------


def test_one_thank_you_settles_one_introduction_not_all_of_them() -> None:
    first = Introduction(id='first', advocate_id='ada', on=date(2026, 10, 1), to_whom='Lee')
    second = Introduction(id='second', advocate_id='ada', on=date(2026, 11, 1), to_whom='Kim')
    thanks = logged('t1', ADA, InteractionKind.THANK_YOU, date(2026, 11, 3))
    found = due(Network(contacts=[ADA], introductions=[first, second], interactions=[thanks]))
    # Before: the one thank-you cleared both. Now it settles the latest introduction before it.
    assert 'thank_introduction:second' not in found
    assert found['thank_introduction:first'][1] == 'Thank Ada Advocate for the introduction to Lee'


def test_a_thank_you_before_an_introduction_does_not_settle_it() -> None:
    later = Introduction(id='later', advocate_id='ada', on=date(2026, 11, 10), to_whom='Kim')
    thanks = logged('t1', ADA, InteractionKind.THANK_YOU, date(2026, 11, 3))
    assert 'thank_introduction:later' in due(Network(contacts=[ADA], introductions=[later], interactions=[thanks]))


def test_the_thank_you_a_request_step_logs_is_not_taken_for_an_introduction() -> None:
    introduction = Introduction(id='intro', advocate_id='dana', on=date(2026, 11, 5), to_whom='Lee')
    thanked = request((RequestStatus.AGREED, date(2026, 11, 3)), (RequestStatus.EMPLOYER_CONTACTED,
                                                                  date(2026, 11, 9)),
                      (RequestStatus.THANKED, date(2026, 11, 10)))
    step_log = logged('t1', DANA, InteractionKind.THANK_YOU, date(2026, 11, 10))
    found = due(Network(contacts=[DANA], applications=[application()], reference_requests=[thanked],
                        introductions=[introduction], interactions=[step_log]))
    assert 'thank_introduction:intro' in found


# --- 9. A state machine for real life ----------------------------------------------------------------


def test_the_employer_may_call_before_the_brief_and_the_brief_follow_up_goes() -> None:
    agreed = request((RequestStatus.AGREED, date(2026, 11, 10)))
    called = advance(agreed, RequestStatus.EMPLOYER_CONTACTED, date(2026, 11, 12), TODAY, application=application())
    found = due(Network(contacts=[DANA], applications=[application()], reference_requests=[called]))
    assert 'brief_reference:req-dana' not in found
    assert found['thank_reference:req-dana'][1] == 'Thank Dana Okafor for the Initech reference'


def test_outcome_shared_is_neither_offered_nor_accepted_while_the_application_is_open() -> None:
    thanked = request((RequestStatus.AGREED, date(2026, 11, 3)), (RequestStatus.EMPLOYER_CONTACTED,
                                                                  date(2026, 11, 9)),
                      (RequestStatus.THANKED, date(2026, 11, 10)))
    assert next_steps(thanked, application()) == ()
    with pytest.raises(TransitionError, match='still interviewing'):
        advance(thanked, RequestStatus.OUTCOME_SHARED, TODAY, TODAY, application=application())
    closed = application(ApplicationStage.REJECTED, moves=((ApplicationStage.REJECTED, date(2026, 11, 20)),))
    assert next_steps(thanked, closed) == (RequestStatus.OUTCOME_SHARED,)


# --- 5. Consent ---------------------------------------------------------------------------------------


def test_a_consent_about_to_expire_is_renewed_in_time() -> None:
    expiring = Contact(id='dana', name='Dana Okafor', stage=Stage.REFERENCE,
                       consent=ReferenceConsent(given_on=date(2026, 1, 1), expires_on=date(2026, 12, 5)))
    assert due(Network(contacts=[expiring]))['renew_consent:dana:2026-12-05'][0] == date(2026, 11, 21)


def test_a_listed_reference_whose_consent_lapsed_is_flagged() -> None:
    lapsed = Contact(id='dana', name='Dana Okafor', stage=Stage.REFERENCE,
                     consent=ReferenceConsent(given_on=date(2026, 1, 1), expires_on=date(2026, 11, 20)))
    agreed = request((RequestStatus.AGREED, date(2026, 11, 3)))
    found = due(Network(contacts=[lapsed], applications=[application()], reference_requests=[agreed]))
    assert found['consent_lapsed:dana:2026-11-20'] == (
        date(2026, 11, 20), "Dana Okafor's OK to be listed lapsed: ask again (Initech)")


def test_a_consent_given_in_the_future_is_refused() -> None:
    form = ContactForm(name='Dana Okafor', consent_given_on='2026-12-01')
    with pytest.raises(ValidationError, match='in the future') as raised:
        form.to_contact(None, TODAY)
    assert raised.value.field == 'consent_given_on'


def test_agreeing_records_consent_from_that_day_unless_a_valid_one_covers_it() -> None:
    lapsed = Contact(id='dana', name='Dana Okafor',
                     consent=ReferenceConsent(given_on=date(2024, 1, 1), expires_on=date(2025, 1, 1)))
    agreed = lapsed.agreed_to_be_a_reference(date(2026, 10, 10))
    assert agreed is not None
    assert agreed.consent is not None
    assert (agreed.consent.given_on, agreed.consent.expires_on) == (date(2026, 10, 10), None)
    assert agreed.agreed_to_be_a_reference(date(2026, 11, 7)) is None  # covered: nothing to record
