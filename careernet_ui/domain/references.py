"""The reference workflow: who to ask, the steps of a request, and how often a person was asked.

A request moves ``asked → agreed | declined → briefed → employer contacted → thanked →
outcome shared``. Shortcuts are allowed because life takes them: the employer may call before
the brief went out (agreed → employer contacted; the brief follow-up then goes), a briefed
reference the employer never called can be told the outcome directly, so can one who agreed but
whose application closed before there was anything to brief them about, and a declined request
ends there. The outcome is told once there is one: "outcome shared" is refused, and not offered,
while the application is open.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import wording
from .applications import Application, ApplicationStage, ApplicationStageChange
from .contacts import Contact, Stage
from .errors import TransitionError, ValidationError
from .reference_requests import ReferenceRequest, RequestStatus, RequestStep

LOAD_WINDOW_DAYS = 90
HEAVY_LOAD = 3

NEXT_STEPS: dict[RequestStatus, tuple[RequestStatus, ...]] = {
    RequestStatus.ASKED: (RequestStatus.AGREED, RequestStatus.DECLINED),
    # The application may close before the brief went out; the outcome is still owed (share_outcome asks for it).
    RequestStatus.AGREED: (RequestStatus.BRIEFED, RequestStatus.EMPLOYER_CONTACTED, RequestStatus.OUTCOME_SHARED),
    RequestStatus.DECLINED: (),
    RequestStatus.BRIEFED: (RequestStatus.EMPLOYER_CONTACTED, RequestStatus.OUTCOME_SHARED),
    RequestStatus.EMPLOYER_CONTACTED: (RequestStatus.THANKED,),
    RequestStatus.THANKED: (RequestStatus.OUTCOME_SHARED,),
    RequestStatus.OUTCOME_SHARED: (),
}
"""The steps allowed from each status; anything else is refused (see also ``next_steps``)."""

# Statuses in which the person is on the user's list of references for the application.
LISTED = frozenset({RequestStatus.AGREED, RequestStatus.BRIEFED, RequestStatus.EMPLOYER_CONTACTED,
                    RequestStatus.THANKED})


def new_request(application: Application, contact: Contact, on: date, talking_points: str = '') -> ReferenceRequest:
    """The user asked ``contact`` to be a reference for ``application`` on ``on``."""
    return ReferenceRequest(application_id=application.id, contact_id=contact.id, status=RequestStatus.ASKED,
                            history=(RequestStep(on=on, status=RequestStatus.ASKED),),
                            talking_points=talking_points)


def next_steps(request: ReferenceRequest, application: Application | None) -> tuple[RequestStatus, ...]:
    """The steps that may come next for ``request``: ``NEXT_STEPS``, without the outcome while there is none.

    Args:
        request: The request.
        application: Its application (None when unknown: the outcome is then not held back).

    Returns:
        The statuses to offer, in order.
    """
    allowed = NEXT_STEPS[request.status]
    if application is not None and not application.is_closed:
        allowed = tuple(step for step in allowed if step is not RequestStatus.OUTCOME_SHARED)
    return allowed


def advance(request: ReferenceRequest, to: RequestStatus | str, on: date, today: date,
            note: str = '', *, application: Application | None = None) -> ReferenceRequest:
    """Move a request one step, dated ``on``.

    Args:
        request: The request.
        to: The next step.
        on: When it happened.
        today: The user's today.
        note: What was said, optionally.
        application: The request's application: given, "outcome shared" is refused while it is open.

    Raises:
        TransitionError: the step is not allowed from the current status (or the outcome is not
            known yet); the message names the steps that are.
        ValidationError: ``on`` is in the future or before the previous step.
    """
    try:
        target = RequestStatus(to)
    except ValueError:
        known = ', '.join(status.value for status in RequestStatus)
        raise ValidationError(f'Unknown request status "{to}"; choose one of: {known}.', field='status') from None
    allowed = next_steps(request, application)
    if target is RequestStatus.OUTCOME_SHARED and target not in allowed and application is not None \
            and target in NEXT_STEPS[request.status]:
        raise TransitionError(
            f'The {application.company} application is still {application.stage.label.lower()}: tell '
            'them the outcome once it has closed.'
        )
    if target not in allowed:
        options = ' or '.join(f'"{step.label.lower()}"' for step in allowed) or 'nothing: it is finished'
        raise TransitionError(
            f'A request that is "{request.status.label.lower()}" cannot become "{target.label.lower()}"; '
            f'next can come {options}.'
        )
    if on > today:
        raise ValidationError(f'{wording.day_label(on)} is in the future; record steps once they happen.', field='on')
    previous = request.history[-1].on if request.history else None
    if previous is not None and on < previous:
        raise ValidationError(
            f'{wording.day_label(on)} is before the previous step ({wording.day_label(previous)}).', field='on'
        )
    return replace(request, status=target, history=(*request.history, RequestStep(on=on, status=target, note=note)))


def reference_load(requests: Iterable[ReferenceRequest], contact_id: str, today: date,
                   window_days: int = LOAD_WINDOW_DAYS) -> int:
    """How many times ``contact_id`` was asked to be a reference in the last ``window_days`` (declines excluded)."""
    since = today - timedelta(days=window_days)
    return sum(
        1 for request in requests
        if request.contact_id == contact_id and request.status is not RequestStatus.DECLINED
        and since <= asked_on(request) <= today
    )


@dataclass(kw_only=True, slots=True, frozen=True)
class ReferenceCheck:
    """Warnings about listing a person as a reference, and a gentler alternative."""

    warnings: tuple[str, ...]
    suggestion: Contact | None = None


def check_reference(contact: Contact, contacts: Sequence[Contact], requests: Sequence[ReferenceRequest],
                    today: date, *, application_id: str | None = None) -> ReferenceCheck:
    """Warn when consent is missing or expired, or when the person was asked a lot lately.

    Args:
        contact: The person the user is about to list.
        contacts: Everyone, to find a gentler alternative among.
        requests: Every reference request, for the load.
        today: The user's today.
        application_id: The application they would be listed for: whoever is already asked for
            it is never suggested instead.

    Returns:
        The warnings, and when the person is heavily asked, the least-used suitable reference,
        if one was asked less.
    """
    warnings = []
    if contact.consent is None:
        warnings.append(f'{contact.name} has not said you may list them as a reference. Ask first.')
    elif today < contact.consent.given_on:
        warnings.append(f'{contact.name}\'s consent to be listed starts on '
                        f'{wording.day_label(contact.consent.given_on)}.')
    elif contact.consent.expires_on is not None and contact.consent.expires_on < today:
        warnings.append(f'{contact.name}\'s consent to be listed expired on '
                        f'{wording.day_label(contact.consent.expires_on)}. Ask again before listing them.')
    load = reference_load(requests, contact.id, today)
    suggestion = None
    if load >= HEAVY_LOAD:
        warnings.append(f'{contact.name} was asked {wording.times(load)} in the last {LOAD_WINDOW_DAYS} days; '
                        'consider giving them a rest.')
        already = {r.contact_id for r in requests
                   if r.application_id == application_id and r.status is not RequestStatus.DECLINED}
        candidate = least_used_reference(contacts, requests, today, exclude={contact.id} | already)
        # Suggesting someone asked as often would only move the burden, not lighten it.
        if candidate is not None and reference_load(requests, candidate.id, today) < load:
            suggestion = candidate
    return ReferenceCheck(warnings=tuple(warnings), suggestion=suggestion)


def least_used_reference(contacts: Iterable[Contact], requests: Sequence[ReferenceRequest], today: date,
                         exclude: Iterable[str] = ()) -> Contact | None:
    """The suitable reference asked least lately: a reference or advocate with valid consent.

    Ties go to the one whose last request is oldest, then by name, so the choice is stable.
    """
    excluded = set(exclude)
    load: dict[str, int] = {}
    last_asked: dict[str, date] = {}
    since = today - timedelta(days=LOAD_WINDOW_DAYS)
    for request in requests:
        asked = asked_on(request)
        if request.status is not RequestStatus.DECLINED and since <= asked <= today:
            load[request.contact_id] = load.get(request.contact_id, 0) + 1
        last_asked[request.contact_id] = max(asked, last_asked.get(request.contact_id, date.min))
    suitable = [
        c for c in contacts
        if c.id not in excluded and c.stage in (Stage.REFERENCE, Stage.ADVOCATE) and c.has_consent_on(today)
    ]
    if not suitable:
        return None
    return min(suitable, key=lambda c: (load.get(c.id, 0), last_asked.get(c.id, date.min), c.name, c.id))


def move_application(application: Application, stage: ApplicationStage | str, on: date, today: date) -> Application:
    """The application moved to ``stage`` on ``on``: a new Application with the move recorded.

    Moving to the stage it is in returns it unchanged.

    Raises:
        ValidationError: an unknown stage, or ``on`` is in the future or before the last move
            (the history stays in order, so "when did it close" has one answer).
    """
    try:
        target = ApplicationStage(stage)
    except ValueError:
        known = ', '.join(s.value for s in ApplicationStage)
        raise ValidationError(f'Unknown application stage "{stage}"; choose one of: {known}.', field='stage') from None
    if on > today:
        raise ValidationError(f'{wording.day_label(on)} is in the future.', field='on')
    if target is application.stage:
        return application
    last = application.stage_history[-1].on if application.stage_history else None
    if last is not None and on < last:
        raise ValidationError(
            f'{wording.day_label(on)} is before the last stage change ({wording.day_label(last)}).', field='on'
        )
    return replace(application, stage=target,
                   stage_history=(*application.stage_history, ApplicationStageChange(on=on, stage=target)))


def add_interview(application: Application, day: date) -> Application:
    """The application with an interview on ``day`` (past or planned); a listed day changes nothing."""
    return replace(application, interview_dates=(*application.interview_dates, day))


def remove_interview(application: Application, day: date) -> Application:
    """The application without the interview on ``day``."""
    return replace(application, interview_dates=tuple(d for d in application.interview_dates if d != day))


def closed_on(application: Application) -> date | None:
    """When the application reached its closing stage (None while it is open)."""
    if not application.is_closed:
        return None
    days = [change.on for change in application.stage_history if change.stage is application.stage]
    return max(days) if days else application.updated_at.date()


def asked_on(request: ReferenceRequest) -> date:
    """The day the person was asked (the request's creation day for one without that step)."""
    asked = request.reached_on(RequestStatus.ASKED)
    return asked if asked is not None else request.created_at.date()
