"""Services of the reference workflow: applications, requests, introductions, and what they log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careernet_ui.domain import (
    ApplicationStage,
    Contact,
    FollowUpState,
    FollowUpStatus,
    InteractionKind,
    Introduction,
    NotFoundError,
    ReferenceConsent,
    RequestStatus,
    Stage,
    TransitionError,
    ValidationError,
    due_follow_ups,
)
from careernet_ui.domain.forms.application import ApplicationForm
from careernet_ui.domain.forms.introduction import IntroductionForm
from careernet_ui.services.applications import (
    add_interview_date,
    add_reference,
    advance_request,
    delete_application,
    move_application_stage,
    remove_interview_date,
    remove_request,
    save_application,
    save_talking_points,
    share_outcome_with_advocate,
)
from careernet_ui.services.introductions import delete_introduction, save_introduction, thank_for_introduction
from storage import Store

TODAY = date(2026, 11, 25)


@pytest.fixture
def people(fresh_store: Store) -> dict[str, Contact]:
    consent = ReferenceConsent(given_on=date(2026, 1, 1))
    contacts = {
        'dana': Contact(name='Dana Okafor', stage=Stage.REFERENCE, consent=consent),
        'mei': Contact(name='Mei Chen', stage=Stage.REFERENCE, consent=consent),
        'ada': Contact(name='Ada Advocate', stage=Stage.ADVOCATE),
    }
    fresh_store.contacts.add_many(contacts.values())
    return contacts


def application_id(store: Store, **fields: str | None) -> str:
    form = ApplicationForm(company='Initech', position='Staff Engineer', stage='applied', stage_on='2026-11-01')
    for name, value in fields.items():
        setattr(form, name, value)
    return save_application(store, form, None, TODAY).id


def kinds_logged(store: Store, contact: Contact) -> list[InteractionKind]:
    return [i.kind for i in store.interactions if i.contact_id == contact.id]


def test_a_new_application_starts_its_history_at_its_stage(fresh_store: Store, people: dict[str, Contact]) -> None:
    app_id = application_id(fresh_store, introduced_by=people['ada'].id, interview_dates='2026-12-03, 2026-12-01')
    stored = fresh_store.applications.get(app_id)
    assert [(c.stage, c.on) for c in stored.stage_history] == [(ApplicationStage.APPLIED, date(2026, 11, 1))]
    assert stored.interview_dates == (date(2026, 12, 1), date(2026, 12, 3))
    assert stored.introduced_by == people['ada'].id


def test_an_edit_that_changes_the_stage_records_a_dated_move(fresh_store: Store, people: dict[str, Contact]) -> None:
    app_id = application_id(fresh_store)
    form = ApplicationForm.from_application(fresh_store.applications.get(app_id))
    form.stage, form.stage_on, form.notes = 'interviewing', '2026-11-20', 'Panel of four.'
    stored = save_application(fresh_store, form, app_id, TODAY)
    assert [c.stage for c in stored.stage_history] == [ApplicationStage.APPLIED, ApplicationStage.INTERVIEWING]
    assert stored.stage_history[-1].on == date(2026, 11, 20)
    assert stored.notes == 'Panel of four.'


@pytest.mark.parametrize(('field', 'value', 'message'), [
    ('company', ' ', 'Company is required.'),
    ('job_url', 'javascript:alert(1)', 'must be a web address starting with https://'),
    ('interview_dates', '2026-12-03, next week', 'Interview date "next week" is not a date'),
    ('stage_on', '2026-12-24', 'is in the future'),
    ('introduced_by', 'nobody', 'no longer among your contacts'),
])
def test_invalid_forms_name_the_field_and_store_nothing(fresh_store: Store, people: dict[str, Contact], field: str,
                                                        value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        application_id(fresh_store, **{field: value})
    assert caught.value.field == field
    assert len(fresh_store.applications) == 0


def test_moving_the_stage_and_interviews(fresh_store: Store, people: dict[str, Contact]) -> None:
    app_id = application_id(fresh_store)
    moved = move_application_stage(fresh_store, app_id, 'interviewing', date(2026, 11, 10), TODAY)
    assert moved.stage is ApplicationStage.INTERVIEWING
    with pytest.raises(ValidationError, match='before the last stage change'):
        move_application_stage(fresh_store, app_id, 'offer', date(2026, 11, 9), TODAY)
    add_interview_date(fresh_store, app_id, date(2026, 12, 3))
    add_interview_date(fresh_store, app_id, date(2026, 12, 3))
    assert fresh_store.applications.get(app_id).interview_dates == (date(2026, 12, 3),)
    assert remove_interview_date(fresh_store, app_id, date(2026, 12, 3)).interview_dates == ()


def test_a_person_is_asked_once_per_application(fresh_store: Store, people: dict[str, Contact]) -> None:
    app_id = application_id(fresh_store)
    request = add_reference(fresh_store, app_id, people['dana'].id, TODAY, TODAY)
    assert request.status is RequestStatus.ASKED
    assert request.history[0].on == TODAY
    with pytest.raises(ValidationError, match='Dana Okafor is already a reference for this application'):
        add_reference(fresh_store, app_id, people['dana'].id, TODAY, TODAY)
    with pytest.raises(ValidationError, match='in the future'):
        add_reference(fresh_store, app_id, people['mei'].id, TODAY + timedelta(days=1), TODAY)
    with pytest.raises(NotFoundError):
        add_reference(fresh_store, app_id, 'nobody', TODAY, TODAY)
    assert len(fresh_store.reference_requests) == 1


def test_each_contact_step_logs_its_interaction(fresh_store: Store, people: dict[str, Contact]) -> None:
    dana = people['dana']
    app_id = application_id(fresh_store)
    request = add_reference(fresh_store, app_id, dana.id, date(2026, 11, 2), TODAY)
    advance_request(fresh_store, request.id, RequestStatus.AGREED, date(2026, 11, 3), TODAY)
    assert kinds_logged(fresh_store, dana) == []
    advance_request(fresh_store, request.id, RequestStatus.BRIEFED, date(2026, 11, 4), TODAY)
    advance_request(fresh_store, request.id, RequestStatus.EMPLOYER_CONTACTED, date(2026, 11, 20), TODAY)
    assert kinds_logged(fresh_store, dana) == [InteractionKind.EMAIL]
    advance_request(fresh_store, request.id, RequestStatus.THANKED, date(2026, 11, 21), TODAY, note='Sent flowers.')
    move_application_stage(fresh_store, app_id, 'accepted', date(2026, 11, 24), TODAY)
    stored = advance_request(fresh_store, request.id, 'outcome_shared', TODAY, TODAY)
    assert stored.status is RequestStatus.OUTCOME_SHARED
    logged = [(i.kind, i.on, i.note) for i in fresh_store.interactions]
    assert logged == [
        (InteractionKind.EMAIL, date(2026, 11, 4), 'Sent the reference brief for the Staff Engineer role at Initech.'),
        (InteractionKind.THANK_YOU, date(2026, 11, 21),
         'Thanked them for the reference for the Staff Engineer role at Initech. Sent flowers.'),
        (InteractionKind.UPDATE_SENT, TODAY,
         'Told them how the Staff Engineer application at Initech ended: accepted on 24 Nov 2026.'),
    ]


def test_an_illegal_step_is_refused_and_logs_nothing(fresh_store: Store, people: dict[str, Contact]) -> None:
    request = add_reference(fresh_store, application_id(fresh_store), people['dana'].id, TODAY, TODAY)
    with pytest.raises(TransitionError, match='cannot become "thanked"'):
        advance_request(fresh_store, request.id, RequestStatus.THANKED, TODAY, TODAY)
    assert fresh_store.reference_requests.get(request.id).status is RequestStatus.ASKED
    assert len(fresh_store.interactions) == 0


def test_employer_contacted_makes_the_thank_you_due_in_two_days(fresh_store: Store,
                                                                people: dict[str, Contact]) -> None:
    request = add_reference(fresh_store, application_id(fresh_store), people['dana'].id, date(2026, 11, 2), TODAY)
    for step in (RequestStatus.AGREED, RequestStatus.BRIEFED, RequestStatus.EMPLOYER_CONTACTED):
        advance_request(fresh_store, request.id, step, TODAY, TODAY)
    due = {f.title: f.due for f in due_follow_ups(fresh_store.network(), TODAY)}
    assert due['Thank Dana Okafor for the Initech reference'] == TODAY + timedelta(days=2)


def test_talking_points_are_saved_and_bounded(fresh_store: Store, people: dict[str, Contact]) -> None:
    request = add_reference(fresh_store, application_id(fresh_store), people['dana'].id, TODAY, TODAY)
    assert save_talking_points(fresh_store, request.id, ' The migration. ').talking_points == 'The migration.'
    with pytest.raises(ValidationError, match='Talking points is 20,001 characters long'):
        save_talking_points(fresh_store, request.id, 'x' * 20_001)


def test_deleting_an_application_takes_its_requests_and_unlinks_introductions(fresh_store: Store,
                                                                             people: dict[str, Contact]) -> None:
    app_id = application_id(fresh_store)
    keep_id = application_id(fresh_store, company='Globex')
    request = add_reference(fresh_store, app_id, people['dana'].id, TODAY, TODAY)
    kept_request = add_reference(fresh_store, keep_id, people['dana'].id, TODAY, TODAY)
    fresh_store.introductions.add(Introduction(id='i1', advocate_id=people['ada'].id, on=TODAY, to_whom='Initech',
                                               application_id=app_id))
    fresh_store.followup_states.add(FollowUpState(followup_id=f'brief_reference:{request.id}',
                                                  status=FollowUpStatus.DONE, decided_on=TODAY))
    deleted = delete_application(fresh_store, app_id)
    assert deleted.company == 'Initech'
    assert [r.id for r in fresh_store.reference_requests] == [kept_request.id]
    assert fresh_store.introductions.get('i1').application_id is None
    assert len(fresh_store.followup_states) == 0
    with pytest.raises(NotFoundError):
        delete_application(fresh_store, app_id)


def test_removing_a_request_keeps_what_it_logged(fresh_store: Store, people: dict[str, Contact]) -> None:
    request = add_reference(fresh_store, application_id(fresh_store), people['dana'].id, TODAY, TODAY)
    advance_request(fresh_store, request.id, RequestStatus.AGREED, TODAY, TODAY)
    advance_request(fresh_store, request.id, RequestStatus.BRIEFED, TODAY, TODAY)
    remove_request(fresh_store, request.id)
    assert len(fresh_store.reference_requests) == 0
    assert len(fresh_store.interactions) == 1


def test_sharing_the_outcome_with_the_introducing_advocate(fresh_store: Store, people: dict[str, Contact]) -> None:
    app_id = application_id(fresh_store, introduced_by=people['ada'].id)
    move_application_stage(fresh_store, app_id, 'rejected', date(2026, 11, 20), TODAY)
    titles = [f.title for f in due_follow_ups(fresh_store.network(), TODAY)]
    assert 'Tell Ada Advocate how the Initech application ended (rejected)' in titles
    logged = share_outcome_with_advocate(fresh_store, app_id, TODAY, TODAY)
    assert logged.kind is InteractionKind.UPDATE_SENT
    titles = [f.title for f in due_follow_ups(fresh_store.network(), TODAY)]
    assert 'Tell Ada Advocate how the Initech application ended (rejected)' not in titles
    with pytest.raises(ValidationError, match='Nobody is recorded as introducing you'):
        share_outcome_with_advocate(fresh_store, application_id(fresh_store, company='Hooli'), TODAY, TODAY)


def test_recording_and_thanking_an_introduction(fresh_store: Store, people: dict[str, Contact]) -> None:
    app_id = application_id(fresh_store)
    form = IntroductionForm(advocate_id=people['ada'].id, on='2026-11-20', application_id=app_id)
    introduction = save_introduction(fresh_store, form, None, TODAY)
    assert introduction.to_whom == 'Staff Engineer at Initech'
    assert 'thank_introduction:' + introduction.id in {f.id for f in due_follow_ups(fresh_store.network(), TODAY)}
    with pytest.raises(ValidationError, match='before the introduction'):
        thank_for_introduction(fresh_store, introduction.id, date(2026, 11, 19), TODAY)
    thanked = thank_for_introduction(fresh_store, introduction.id, TODAY, TODAY)
    assert thanked.thanked_on == TODAY
    assert kinds_logged(fresh_store, people['ada']) == [InteractionKind.THANK_YOU]
    assert 'thank_introduction:' + introduction.id not in {f.id for f in due_follow_ups(fresh_store.network(), TODAY)}
    delete_introduction(fresh_store, introduction.id)
    assert len(fresh_store.introductions) == 0
    assert len(fresh_store.applications) == 1


@pytest.mark.parametrize(('fields', 'field', 'message'), [
    ({'advocate_id': None, 'to_whom': 'Globex'}, 'advocate_id', 'Choose who introduced you.'),
    ({'to_whom': ''}, 'to_whom', 'Say whom you were introduced to'),
    ({'to_whom': 'Globex', 'on': '2026-12-01'}, 'on', 'is in the future'),
    ({'to_whom': 'Globex', 'application_id': 'gone'}, 'application_id', 'no longer exists'),
])
def test_an_invalid_introduction_is_refused(fresh_store: Store, people: dict[str, Contact],
                                            fields: dict[str, str | None], field: str, message: str) -> None:
    form = IntroductionForm(advocate_id=people['ada'].id)
    for name, value in fields.items():
        setattr(form, name, value)
    with pytest.raises(ValidationError, match=message) as caught:
        save_introduction(fresh_store, form, None, TODAY)
    assert caught.value.field == field
    assert len(fresh_store.introductions) == 0
