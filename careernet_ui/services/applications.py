"""Applications and their reference requests: storing them, and logging what the steps say was done.

Steps that are a contact with the person are logged as interactions, so they count for the
keep-in-touch cadence and show on the person's timeline:

- briefed → an ``email``: the brief is a message about the position, sent by e-mail (the brief
  page opens it as ``mailto:``); ``update_sent`` stays for news about the user's own career;
- thanked → a ``thank_you``;
- outcome shared → an ``update_sent``: the news of how the application ended.

"Employer contacted" is logged on the request only: it happened between the employer and the
reference, not with the user.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from careernet_ui.domain import (
    Application,
    ApplicationStage,
    Interaction,
    InteractionKind,
    ReferenceRequest,
    RequestStatus,
    ValidationError,
    wording,
)
from careernet_ui.domain import validation as v
from careernet_ui.domain.forms.application import ApplicationForm
from careernet_ui.domain.references import (
    add_interview,
    advance,
    closed_on,
    move_application,
    new_request,
    remove_interview,
)
from storage import Store

STEP_INTERACTIONS = {
    RequestStatus.BRIEFED: InteractionKind.EMAIL,
    RequestStatus.THANKED: InteractionKind.THANK_YOU,
    RequestStatus.OUTCOME_SHARED: InteractionKind.UPDATE_SENT,
}
"""The interaction each request step logs with the reference."""


def save_application(store: Store, form: ApplicationForm, existing_id: str | None, today: date, *,
                     base: Application | None = None) -> Application:
    """Validate the form against the stored contacts and store the application.

    Args:
        store: The open store.
        form: What the user typed and chose.
        existing_id: The application being edited, or None to add one.
        today: The user's today.

    Returns:
        The stored application.

    Raises:
        ValidationError: the form is invalid (the error names the field); nothing is stored.
        NotFoundError: the application being edited was deleted meanwhile.
    """
    # ``base`` is the revision the form was built from: a save from another tab since is merged
    # field by field, or refused when both changed the same field.
    existing = store.applications.get(existing_id) if existing_id else None
    if existing is not None and base is not None and base.id == existing.id:
        existing = base
    application = form.to_application(existing, today, is_contact=store.contacts.__contains__)
    return store.applications.put(application, base=existing if base is not None else None)


def delete_application(store: Store, application_id: str) -> Application:
    """Delete an application and its reference requests; introductions and letters for it stay, unlinked.

    Returns:
        The deleted application.

    Raises:
        NotFoundError: it was already deleted.
    """
    application = store.applications.get(application_id)
    with store.transaction():
        request_ids = [r.id for r in store.reference_requests if r.application_id == application_id]
        store.reference_requests.delete_many(request_ids)
        store.introductions.update_many(
            dataclasses.replace(i, application_id=None)
            for i in store.introductions if i.application_id == application_id
        )
        store.letters.update_many(dataclasses.replace(letter, application_id=None)
                                  for letter in store.letters if letter.application_id == application_id)
        # Follow-up ids embed the request's or the application's id; their decisions mean nothing now.
        gone = [application_id, *request_ids]
        store.followup_states.delete_many(s.id for s in store.followup_states if any(g in s.followup_id for g in gone))
        store.applications.delete(application_id)
    return application


def move_application_stage(store: Store, application_id: str, stage: ApplicationStage | str, on: date,
                           today: date) -> Application:
    """Record that the application moved to ``stage`` on ``on``.

    Raises:
        NotFoundError: no such application.
        ValidationError: an unknown stage, or a date in the future or before the last move; nothing is stored.
    """
    application = store.applications.get(application_id)
    moved = move_application(application, stage, on, today)
    return application if moved is application else store.applications.update(moved)


def add_interview_date(store: Store, application_id: str, day: date) -> Application:
    """Add an interview date (past or planned) to the application."""
    return store.applications.update(add_interview(store.applications.get(application_id), day))


def remove_interview_date(store: Store, application_id: str, day: date) -> Application:
    """Take an interview date off the application."""
    return store.applications.update(remove_interview(store.applications.get(application_id), day))


def add_reference(store: Store, application_id: str, contact_id: str, on: date, today: date) -> ReferenceRequest:
    """Record that the user asked ``contact_id`` on ``on`` to be a reference for the application.

    Raises:
        NotFoundError: the application or the contact no longer exists.
        ValidationError: ``on`` is in the future, or the person is already asked for this application.
    """
    application = store.applications.get(application_id)
    contact = store.contacts.get(contact_id)
    v.not_after(on, today, 'on', 'The day you asked')
    for request in store.reference_requests:
        if (request.application_id == application_id and request.contact_id == contact_id
                and request.status is not RequestStatus.DECLINED):
            raise ValidationError(f'{contact.name} is already a reference for this application '
                                  f'({request.status.label.lower()}).', field='contact_id')
    return store.reference_requests.add(new_request(application, contact, on))


def advance_request(store: Store, request_id: str, to: RequestStatus | str, on: date, today: date,
                    note: str = '') -> ReferenceRequest:
    """Move a reference request one step, and log the matching interaction (see the module docstring).

    Args:
        store: The open store.
        request_id: The request.
        to: The next step; only those ``next_steps`` allows are accepted.
        on: The day it happened: not in the future, not before the previous step.
        today: The user's today.
        note: What was said, optionally.

    Returns:
        The stored request.

    Raises:
        NotFoundError: the request, or its application, no longer exists.
        TransitionError: the step is not allowed from the request's status; nothing is stored.
        ValidationError: a bad date or note; nothing is stored.
    """
    request = store.reference_requests.get(request_id)
    application = store.applications.get(request.application_id)
    moved = advance(request, to, on, today, note, application=application)
    with store.transaction():
        stored = store.reference_requests.update(moved)
        if moved.status is RequestStatus.AGREED:
            _record_consent(store, request.contact_id, on)
        kind = STEP_INTERACTIONS.get(moved.status)
        if kind is not None:
            text = _step_note(moved.status, application)
            store.interactions.add(Interaction(contact_id=request.contact_id, kind=kind, on=on,
                                               note=f'{text} {note.strip()}'.strip()))
    return stored


def _record_consent(store: Store, contact_id: str, on: date) -> None:
    """Agreeing to be a reference is consent to be listed: record it, unless a valid one covers ``on``."""
    contact = store.contacts.find(contact_id)
    agreed = contact.agreed_to_be_a_reference(on) if contact is not None else None
    if agreed is not None:
        store.contacts.update(agreed)


def save_talking_points(store: Store, request_id: str, text: str) -> ReferenceRequest:
    """Store what the user hopes the reference will get across.

    Raises:
        NotFoundError: the request no longer exists.
        ValidationError: the text is too long; nothing is stored.
    """
    request = store.reference_requests.get(request_id)
    return store.reference_requests.update(dataclasses.replace(request, talking_points=text))


def remove_request(store: Store, request_id: str) -> ReferenceRequest:
    """Take a reference request off its application (added by mistake); returns it.

    The interactions its steps logged stay: they happened.
    """
    request = store.reference_requests.get(request_id)
    with store.transaction():
        store.followup_states.delete_many(s.id for s in store.followup_states if request_id in s.followup_id)
        store.reference_requests.delete(request_id)
    return request


def share_outcome_with_advocate(store: Store, application_id: str, on: date, today: date) -> Interaction:
    """The user told the advocate who introduced them how the application ended: log it as an update.

    Raises:
        NotFoundError: the application or the advocate no longer exists.
        ValidationError: the application names no advocate, or ``on`` is in the future.
    """
    application = store.applications.get(application_id)
    if application.introduced_by is None:
        raise ValidationError(f'Nobody is recorded as introducing you to {application.company}.',
                              field='introduced_by')
    store.contacts.get(application.introduced_by)
    v.not_after(on, today, 'on', 'The day you told them')
    return store.interactions.add(Interaction(contact_id=application.introduced_by, kind=InteractionKind.UPDATE_SENT,
                                              on=on, note=_outcome_note(application)))


def tell_about_application(store: Store, application_id: str, contact_id: str, on: date, today: date) -> Interaction:
    """The user told someone (a reference, the advocate) where the application stands: log it as an update.

    Args:
        store: The open store.
        application_id: The application.
        contact_id: Whom they told.
        on: When: not after ``today``.
        today: The user's today.

    Returns:
        The logged update (a touch: it settles the share-the-news follow-up).

    Raises:
        NotFoundError: the application or the contact no longer exists.
        ValidationError: ``on`` is in the future.
    """
    application = store.applications.get(application_id)
    store.contacts.get(contact_id)
    v.not_after(on, today, 'on', 'The day you told them')
    return store.interactions.add(Interaction(contact_id=contact_id, kind=InteractionKind.UPDATE_SENT, on=on,
                                              note=_outcome_note(application)))


def _step_note(status: RequestStatus, application: Application) -> str:
    role = f'the {application.position} role at {application.company}'
    if status is RequestStatus.BRIEFED:
        return f'Sent the reference brief for {role}.'
    if status is RequestStatus.THANKED:
        return f'Thanked them for the reference for {role}.'
    return _outcome_note(application)


def _outcome_note(application: Application) -> str:
    where = f'the {application.position} application at {application.company}'
    if not application.is_closed:
        return f'Told them where {where} stands ({application.stage.label.lower()}).'
    closed = closed_on(application)
    when = f' on {wording.day_label(closed)}' if closed else ''
    return f'Told them how {where} ended: {application.stage.label.lower()}{when}.'
