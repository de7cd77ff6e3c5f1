"""Issue 12, points 4 and 5, through the services: one action records what it implies, nothing twice."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import ApplicationStage, Contact, InteractionKind, RequestStatus, Stage, due_follow_ups
from careernet_ui.domain.forms.application import ApplicationForm
from careernet_ui.domain.forms.introduction import IntroductionForm
from careernet_ui.domain.interaction_log import InteractionForm
from careernet_ui.domain.touches import touch_log
from careernet_ui.services.applications import add_reference, advance_request, save_application
from careernet_ui.services.interactions import log_interaction, log_interaction_form
from careernet_ui.services.introductions import save_introduction
from storage import Store

TODAY = date(2026, 11, 25)


def person(store: Store, name: str = 'Dana Okafor') -> str:
    return store.contacts.add(Contact(name=name, stage=Stage.REFERENCE)).id


def agreed_reference(store: Store, contact_id: str) -> str:
    application = save_application(store, ApplicationForm(company='Initech', position='Staff Engineer',
                                                          stage=ApplicationStage.INTERVIEWING.value), None, TODAY)
    request = add_reference(store, application.id, contact_id, date(2026, 11, 1), TODAY)
    advance_request(store, request.id, RequestStatus.AGREED, date(2026, 11, 2), TODAY)
    return request.id


def test_agreeing_to_be_a_reference_records_consent_to_be_listed(fresh_store: Store) -> None:
    dana = person(fresh_store)
    agreed_reference(fresh_store, dana)
    consent = fresh_store.contacts.get(dana).consent
    assert consent is not None
    assert (consent.given_on, consent.expires_on) == (date(2026, 11, 2), None)


def test_a_reference_given_logged_by_hand_moves_the_waiting_request(fresh_store: Store) -> None:
    dana = person(fresh_store)
    request_id = agreed_reference(fresh_store, dana)
    log_interaction(fresh_store, dana, InteractionKind.REFERENCE_GIVEN, date(2026, 11, 20), '', TODAY)
    request = fresh_store.reference_requests.get(request_id)
    assert request.status is RequestStatus.EMPLOYER_CONTACTED
    assert request.reached_on(RequestStatus.EMPLOYER_CONTACTED) == date(2026, 11, 20)
    titles = [f.title for f in due_follow_ups(fresh_store.network(), TODAY) if f.contact_id == dana]
    # One thank-you, for the request; no brief (the employer called), no second thank-you for the log.
    assert [t for t in titles if t.startswith(('Thank', 'Brief'))] == ['Thank Dana Okafor for the Initech reference']
    given = [t for t in touch_log(fresh_store.network()) if t.kind is InteractionKind.REFERENCE_GIVEN]
    assert len(given) == 1


def test_an_introduction_made_with_whom_records_the_introduction(fresh_store: Store) -> None:
    ada = person(fresh_store, 'Ada Advocate')
    form = InteractionForm(kind='introduction_made', on='2026-11-20', to_whom='Lee at Globex')
    log_interaction_form(fresh_store, ada, form, TODAY)
    [introduction] = fresh_store.introductions.all()
    assert (introduction.advocate_id, introduction.on, introduction.to_whom) == (ada, date(2026, 11, 20),
                                                                                 'Lee at Globex')
    titles = [f.title for f in due_follow_ups(fresh_store.network(), TODAY) if f.title.startswith('Thank')]
    assert titles == ['Thank Ada Advocate for the introduction to Lee at Globex']


def test_a_thank_you_is_written_on_the_one_introduction_it_settles(fresh_store: Store) -> None:
    ada = person(fresh_store, 'Ada Advocate')
    for on, whom in (('2026-10-01', 'Lee'), ('2026-11-01', 'Kim')):
        save_introduction(fresh_store, IntroductionForm(advocate_id=ada, on=on, to_whom=whom), None, TODAY)
    log_interaction(fresh_store, ada, InteractionKind.THANK_YOU, date(2026, 11, 3), '', TODAY)
    thanked = {i.to_whom: i.thanked_on for i in fresh_store.introductions.all()}
    assert thanked == {'Lee': None, 'Kim': date(2026, 11, 3)}
    titles = [f.title for f in due_follow_ups(fresh_store.network(), TODAY) if f.title.startswith('Thank')]
    assert titles == ['Thank Ada Advocate for the introduction to Lee']


def test_a_thank_you_after_the_employer_called_moves_the_request_to_thanked(fresh_store: Store) -> None:
    dana = person(fresh_store)
    request_id = agreed_reference(fresh_store, dana)
    advance_request(fresh_store, request_id, RequestStatus.EMPLOYER_CONTACTED, date(2026, 11, 20), TODAY)
    log_interaction(fresh_store, dana, InteractionKind.THANK_YOU, date(2026, 11, 21), '', TODAY)
    assert fresh_store.reference_requests.get(request_id).status is RequestStatus.THANKED
