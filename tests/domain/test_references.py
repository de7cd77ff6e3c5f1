"""The reference request state machine, reference load and the least-used suggestion."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date, timedelta

import pytest

from careernet_ui.domain import (
    Application,
    ApplicationStage,
    Contact,
    ReferenceConsent,
    RequestStatus,
    Stage,
    TransitionError,
    ValidationError,
)
from careernet_ui.domain.references import (
    NEXT_STEPS,
    advance,
    check_reference,
    closed_on,
    least_used_reference,
    move_application,
    new_request,
    reference_load,
)

TODAY = date(2026, 11, 25)
APP = Application(id='app1', company='Initech', position='Staff Engineer')


def ref(name: str, *, consent_until: date | None = date(2027, 6, 1), stage: Stage = Stage.REFERENCE) -> Contact:
    consent = ReferenceConsent(given_on=date(2026, 1, 1), expires_on=consent_until) if consent_until else None
    return Contact(id=name.lower(), name=name, stage=stage, consent=consent)


def asked(contact: Contact, days_ago: int, status: RequestStatus = RequestStatus.ASKED) -> object:
    request = new_request(APP, contact, TODAY - timedelta(days=days_ago))
    return dataclasses.replace(request, status=status)


def test_the_happy_path_records_each_dated_step() -> None:
    request = new_request(APP, ref('Dana'), date(2026, 11, 1))
    for step, day in [(RequestStatus.AGREED, 2), (RequestStatus.BRIEFED, 3), (RequestStatus.EMPLOYER_CONTACTED, 10),
                      (RequestStatus.THANKED, 11), (RequestStatus.OUTCOME_SHARED, 20)]:
        request = advance(request, step, date(2026, 11, day), TODAY)
    assert [s.status for s in request.history] == list(RequestStatus)[:2] + list(RequestStatus)[3:]
    assert request.reached_on(RequestStatus.EMPLOYER_CONTACTED) == date(2026, 11, 10)
    assert request.status is RequestStatus.OUTCOME_SHARED


ILLEGAL = [(start, end) for start, end in itertools.product(RequestStatus, RequestStatus)
           if end not in NEXT_STEPS[start]]


@pytest.mark.parametrize(('start', 'end'), ILLEGAL)
def test_every_illegal_transition_is_refused(start: RequestStatus, end: RequestStatus) -> None:
    request = dataclasses.replace(new_request(APP, ref('Dana'), date(2026, 11, 1)), status=start)
    with pytest.raises(TransitionError, match=f'cannot become "{end.label.lower()}"'):
        advance(request, end, TODAY, TODAY)


def test_refusal_names_the_allowed_steps() -> None:
    request = new_request(APP, ref('Dana'), date(2026, 11, 1))
    with pytest.raises(TransitionError, match='next can come "agreed" or "declined"'):
        advance(request, RequestStatus.THANKED, TODAY, TODAY)
    done = dataclasses.replace(request, status=RequestStatus.OUTCOME_SHARED)
    with pytest.raises(TransitionError, match='nothing: it is finished'):
        advance(done, RequestStatus.THANKED, TODAY, TODAY)


def test_unknown_status_future_and_backdated_steps_are_refused() -> None:
    request = new_request(APP, ref('Dana'), date(2026, 11, 10))
    with pytest.raises(ValidationError, match='Unknown request status "vouched"'):
        advance(request, 'vouched', TODAY, TODAY)
    with pytest.raises(ValidationError, match='in the future'):
        advance(request, RequestStatus.AGREED, TODAY + timedelta(days=1), TODAY)
    with pytest.raises(ValidationError, match='before the previous step'):
        advance(request, RequestStatus.AGREED, date(2026, 11, 9), TODAY)


def test_reference_load_counts_the_last_90_days_without_declines() -> None:
    dana = ref('Dana')
    requests = [asked(dana, 5), asked(dana, 60), asked(dana, 89), asked(dana, 91),
                asked(dana, 10, RequestStatus.DECLINED), asked(ref('Mei'), 3)]
    assert reference_load(requests, 'dana', TODAY) == 3  # type: ignore[arg-type]


def test_check_warns_on_missing_and_expired_consent() -> None:
    missing = check_reference(ref('Dana', consent_until=None), [], [], TODAY)
    assert missing.warnings == ('Dana has not said you may list them as a reference. Ask first.',)
    expired = check_reference(ref('Mei', consent_until=date(2026, 10, 1)), [], [], TODAY)
    assert 'expired on 1 Oct 2026' in expired.warnings[0]
    assert check_reference(ref('Ok'), [], [], TODAY).warnings == ()


def test_heavy_load_warns_and_suggests_the_least_used_suitable_reference() -> None:
    dana, mei, tomasz = ref('Dana'), ref('Mei'), ref('Tomasz', stage=Stage.ADVOCATE)
    no_consent = ref('X', consent_until=None)
    contact_only = ref('Contact', stage=Stage.CONTACT)
    requests = [asked(dana, 1), asked(dana, 20), asked(dana, 40), asked(mei, 2)]
    check = check_reference(dana, [dana, mei, tomasz, no_consent, contact_only], requests, TODAY)  # type: ignore[arg-type]
    assert any('asked three times in the last 90 days' in w for w in check.warnings)
    assert check.suggestion is not None
    assert check.suggestion.name == 'Tomasz'
    assert least_used_reference([no_consent, contact_only], [], TODAY) is None


def test_applications_move_with_dated_history_and_know_when_they_closed() -> None:
    moved = move_application(APP, ApplicationStage.APPLIED, date(2026, 11, 1), TODAY)
    moved = move_application(moved, ApplicationStage.OFFER, date(2026, 11, 20), TODAY)
    assert closed_on(moved) is None
    accepted = move_application(moved, 'accepted', date(2026, 11, 24), TODAY)
    assert closed_on(accepted) == date(2026, 11, 24)
    assert [c.stage for c in accepted.stage_history] == [ApplicationStage.APPLIED, ApplicationStage.OFFER,
                                                          ApplicationStage.ACCEPTED]
    with pytest.raises(ValidationError, match='Unknown application stage "hired"'):
        move_application(APP, 'hired', TODAY, TODAY)


def test_an_agreed_reference_can_be_told_the_outcome_when_the_application_closed_before_the_brief() -> None:
    # Regression: share_outcome asks to tell every listed reference, agreed ones included, but the
    # state machine refused agreed → outcome shared, so that follow-up could never be resolved.
    request = advance(new_request(APP, ref('Dana'), date(2026, 11, 1)), RequestStatus.AGREED, date(2026, 11, 2), TODAY)
    shared = advance(request, RequestStatus.OUTCOME_SHARED, date(2026, 11, 20), TODAY)
    assert shared.status is RequestStatus.OUTCOME_SHARED


def test_the_suggestion_is_never_someone_already_asked_for_the_same_application() -> None:
    # Regression: "use Tomasz instead" was offered although Tomasz was already listed for it.
    dana, mei, tomasz = ref('Dana'), ref('Mei'), ref('Tomasz')
    other = Application(id='other', company='Globex', position='Engineer')
    requests = [asked(dana, 1), asked(dana, 20), asked(dana, 40), new_request(APP, tomasz, TODAY),
                new_request(other, mei, TODAY - timedelta(days=3)), new_request(other, mei, TODAY - timedelta(days=4))]
    check = check_reference(dana, [dana, mei, tomasz], requests, TODAY, application_id='app1')  # type: ignore[arg-type]
    assert check.suggestion is not None
    assert check.suggestion.name == 'Mei'
    without_context = check_reference(dana, [dana, mei, tomasz], requests, TODAY)  # type: ignore[arg-type]
    assert without_context.suggestion is not None
    assert without_context.suggestion.name == 'Tomasz'


def test_no_suggestion_when_everyone_suitable_is_asked_as_often() -> None:
    dana, mei = ref('Dana'), ref('Mei')
    requests = [asked(person, days) for person in (dana, mei) for days in (1, 20, 40)]
    check = check_reference(dana, [dana, mei], requests, TODAY)  # type: ignore[arg-type]
    assert any('three times' in w for w in check.warnings)
    assert check.suggestion is None


def test_a_stage_change_before_the_last_one_is_refused() -> None:
    applied = move_application(APP, ApplicationStage.APPLIED, date(2026, 11, 10), TODAY)
    with pytest.raises(ValidationError, match='before the last stage change \\(10 Nov 2026\\)'):
        move_application(applied, ApplicationStage.INTERVIEWING, date(2026, 11, 9), TODAY)
    assert move_application(applied, ApplicationStage.INTERVIEWING, date(2026, 11, 10), TODAY).stage_history[-1].on \
        == date(2026, 11, 10)
