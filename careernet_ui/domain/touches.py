"""What counts as a touch: every dated exchange with a person, whatever recorded it.

A hand-logged interaction is a touch, and so is what other records say happened between the
user and someone: feedback asked of them or given by them, each step of a reference request
(asked, agreed, briefed, employer contacted, thanked, outcome shared), an introduction they made
and the thank-you for it, an accomplishment shared with them, a recommendation letter asked of
them, received from them and thanked for. A progress update marked sent is a logged "update sent"
interaction. History imported as interactions
counts as any interaction does.

The records other than interactions are turned into :class:`Touch` values, a kind of
:class:`Interaction` that is never stored: the engine's index, the keep-in-touch cadence, the
pipeline board, the dashboard's health, "longest without contact" and "touches per month", and
the stage suggestions all read :func:`touch_log`, so they agree on when the user last touched
someone and how.

A touch another record implies is left out when a logged interaction already says the same (same
person, same kind, same day): recording "reference given" by hand and moving the request to
"employer contacted" on that day is one reference, not two.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from .interactions import Interaction, InteractionKind
from .network import Network
from .records import Stamped
from .reference_requests import RequestStatus
from .snapshot_cache import SnapshotCache


@dataclass(frozen=True, kw_only=True, slots=True)
class Touch(Interaction):
    """A touch another record implies (a reference request's step, feedback, an introduction, a share).

    Attributes:
        how: What happened, as a person reads it: ``Gave feedback``, ``Reference for Initech: thanked``.
        since: The end of "74 days since ___": ``they gave you feedback``.
        link: The page where the record lives.
    """

    how: str
    since: str
    link: str = ''


def touch_log(network: Network) -> Sequence[Interaction]:
    """Every touch in ``network``: the touches other records imply, then the logged interactions.

    The implied touches come first so that logging an interaction appends to the log, as it
    appends to the store's list (the follow-up memo extends its lookups instead of rebuilding them).

    Args:
        network: Everything stored.

    Returns:
        The touches, in that order; remembered for the snapshot.
    """
    return _LOG.get(network, None, lambda: _touch_log(network))


def touches_of(network: Network, contact_id: str, today: date) -> list[Interaction]:
    """A contact's touches up to ``today``, oldest first (same day: the one recorded last is last).

    Args:
        network: Everything stored.
        contact_id: The person.
        today: The last day to count: later interactions are plans, not touches.

    Returns:
        The touches.
    """
    found = [touch for touch in touch_log(network) if touch.contact_id == contact_id and touch.on <= today]
    found.sort(key=touch_order)
    return found


def last_touch(network: Network, contact_id: str, today: date) -> Interaction | None:
    """When the user last touched a contact, and how: the latest touch up to ``today``.

    Args:
        network: Everything stored.
        contact_id: The person.
        today: The last day to count.

    Returns:
        The touch (an :class:`Interaction`, or a :class:`Touch` for what another record implies),
        or None when the person was never contacted.
    """
    latest: Interaction | None = None
    for touch in touch_log(network):
        if touch.contact_id == contact_id and touch.on <= today and (latest is None or touch_order(touch) >
                                                                        touch_order(latest)):
            latest = touch
    return latest


def touch_label(touch: Interaction) -> str:
    """What a touch was, as a person reads it: the interaction's kind, or what the record says."""
    return touch.how if isinstance(touch, Touch) else touch.kind.label


def touch_order(touch: Interaction) -> tuple[date, float, str]:
    """The order of touches: by day; on the same day, recorded last is latest; ties by id."""
    return touch.on, touch.created_at.timestamp(), touch.id


def is_logged(touch: Interaction) -> bool:
    """Whether ``touch`` is a hand-logged (or imported) interaction, not one another record implies."""
    return not isinstance(touch, Touch)


# --- the touches each kind of record implies -------------------------------------------------

# Each request step, as a touch: its closest interaction kind, and how it reads.
_STEP = {
    RequestStatus.ASKED: (InteractionKind.OTHER, 'asked to be a reference', 'you asked them to be a reference'),
    RequestStatus.AGREED: (InteractionKind.OTHER, 'agreed to be a reference', 'they agreed to be a reference'),
    RequestStatus.DECLINED: (InteractionKind.OTHER, 'declined to be a reference', 'they answered your request'),
    RequestStatus.BRIEFED: (InteractionKind.EMAIL, 'brief sent', 'you sent them a brief'),
    RequestStatus.EMPLOYER_CONTACTED: (InteractionKind.REFERENCE_GIVEN, 'employer contacted',
                                       'they gave you a reference'),
    RequestStatus.THANKED: (InteractionKind.THANK_YOU, 'thanked', 'your last thank-you'),
    RequestStatus.OUTCOME_SHARED: (InteractionKind.UPDATE_SENT, 'outcome shared', 'you shared an outcome'),
}


def _touch_log(network: Network) -> Sequence[Interaction]:
    implied = list(_implied(network))
    if not implied:
        return network.interactions  # the same list: the follow-up memo sees the log unchanged
    # Only the people with implied touches are looked up: a key for every one of 60,000
    # interactions would cost more than the rest of the log.
    people = {touch.contact_id for touch in implied}
    logged = {(i.contact_id, i.kind, i.on) for i in network.interactions if i.contact_id in people}
    kept = [touch for touch in implied if (touch.contact_id, touch.kind, touch.on) not in logged]
    return (*kept, *network.interactions)


def _implied(network: Network) -> Iterator[Touch]:
    yield from _feedback(network)
    yield from _reference_steps(network)
    yield from _introductions(network)
    yield from _shares(network)
    yield from letter_touches(network)


def _feedback(network: Network) -> Iterator[Touch]:
    for feedback in network.feedback:
        link = f'/contacts/{feedback.contact_id}'
        if feedback.asked_on is not None:
            yield _touch(f'{feedback.id}:asked', feedback.contact_id, InteractionKind.FEEDBACK_ASKED, feedback.asked_on,
                         'Asked for feedback', 'you last asked for feedback', link, feedback)
        if feedback.received_on is not None:
            # Feedback given unasked is the same evidence as feedback asked for; given after being
            # asked, it is the answer to the same exchange, not a second one.
            kind = InteractionKind.FEEDBACK_ASKED if feedback.asked_on is None else InteractionKind.OTHER
            # A recommendation keeps its source: the stage suggestions read it as an advocate's testimonial.
            yield _touch(f'{feedback.id}:received', feedback.contact_id, kind, feedback.received_on,
                         'Gave feedback', 'they gave you feedback', link, feedback, source=feedback.source)


def _reference_steps(network: Network) -> Iterator[Touch]:
    companies = {application.id: application.company for application in network.applications}
    for request in network.reference_requests:
        company = companies.get(request.application_id)
        if company is None:
            continue
        for number, step in enumerate(request.history):
            kind, what, since = _STEP[step.status]
            yield _touch(f'{request.id}:{number:03}', request.contact_id, kind, step.on,
                         f'Reference for {company}: {what}', since, f'/applications/{request.application_id}',
                         request)


def _introductions(network: Network) -> Iterator[Touch]:
    for introduction in network.introductions:
        link = f'/contacts/{introduction.advocate_id}'
        yield _touch(introduction.id, introduction.advocate_id, InteractionKind.INTRODUCTION_MADE, introduction.on,
                     f'Introduced you to {introduction.to_whom}', 'they made an introduction', link,
                     introduction)
        if introduction.thanked_on is not None:
            yield _touch(f'{introduction.id}:thanked', introduction.advocate_id, InteractionKind.THANK_YOU,
                         introduction.thanked_on, f'Thanked for the introduction to {introduction.to_whom}',
                         'your last thank-you', link, introduction)


def _shares(network: Network) -> Iterator[Touch]:
    for accomplishment in network.accomplishments:
        for share in accomplishment.shared:
            yield _touch(f'{accomplishment.id}:shared:{share.contact_id}:{share.on}', share.contact_id,
                         InteractionKind.UPDATE_SENT, share.on, f'Shared: {accomplishment.title}', 'your last update',
                         f'/accomplishments?witness={share.contact_id}', accomplishment)


def letter_touches(network: Network) -> Iterator[Touch]:
    """The touches recommendation letters imply: asked, received (a reference given), thanked."""
    for letter in network.letters:
        link = f'/contacts/{letter.contact_id}'
        yield _touch(f'{letter.id}:asked', letter.contact_id, InteractionKind.OTHER, letter.asked_on,
                     f'Asked for a recommendation letter for {letter.purpose}', 'you asked them for a letter', link,
                     letter)
        if letter.received_on is not None:
            # A written recommendation is a reference given: it counts towards the Reference stage.
            yield _touch(f'{letter.id}:received', letter.contact_id, InteractionKind.REFERENCE_GIVEN,
                         letter.received_on, f'Wrote a recommendation letter for {letter.purpose}',
                         'they wrote you a recommendation letter', link, letter)
        if letter.thanked_on is not None:
            yield _touch(f'{letter.id}:thanked', letter.contact_id, InteractionKind.THANK_YOU, letter.thanked_on,
                         f'Thanked for the recommendation letter for {letter.purpose}', 'your last thank-you', link,
                         letter)


def _touch(source_id: str, contact_id: str, kind: InteractionKind, on: date, what: str, since: str, link: str,
           record: Stamped, *, source: str = '') -> Touch:
    # When the record was made stands for when the touch was recorded: a record's own touches on
    # one day then keep their order (by id: a request's steps are numbered), and what was logged
    # by hand since comes after them. Its last change tells the calendar feed a follow-up made
    # from it changed.
    return Touch(id=f'touch:{source_id}', contact_id=contact_id, kind=kind, on=on, how=what, since=since, link=link,
                 source=source, created_at=record.created_at, updated_at=record.updated_at)


_LOG: SnapshotCache[None, Sequence[Interaction]] = SnapshotCache(size=1)
