"""Keep-in-touch: how often to contact each person, when that is next due, and the follow-up.

A contact's cadence is their own ``cadence_days`` if set, else the default for their stage in
Settings; None means no cadence. The cycle counts from the last contact: the latest touch (see
``touches``: a logged interaction, or a reference given, feedback, an introduction, a share...),
else, for someone never contacted, the latest stage change, else the day the contact was added.
Any touch therefore resets it. Dates are calendar dates and ``timedelta`` does the arithmetic,
so month ends and leap days come out right (31 Jan + 30 days = 2 Mar, or 1 Mar in a leap year).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from .. import wording
from ..contacts import Contact, Stage
from ..interactions import Interaction, InteractionKind
from ..network import Network
from ..settings import Settings
from ..touches import Touch
from .followup import FollowUp, FollowUpState, FollowUpStatus
from .network_index import NetworkIndex

KEEP_IN_TOUCH = 'keep_in_touch'

# Stage names in the plural, for "Advocates: every 30 days."
_STAGE_GROUP = {
    Stage.CONTACT: 'Contacts',
    Stage.POTENTIAL_ADVOCATE: 'Potential advocates',
    Stage.REFERENCE: 'References',
    Stage.ADVOCATE: 'Advocates',
}

# "74 days since ___": the kind's label does not always read well there ("your last advice
# asked"), so each kind says what the last contact was.
_SINCE = {
    InteractionKind.CALL: 'your last call',
    InteractionKind.COFFEE: 'your last coffee',
    InteractionKind.MEETING: 'your last meeting',
    InteractionKind.EMAIL: 'your last email',
    InteractionKind.MESSAGE: 'your last message',
    InteractionKind.ADVICE_ASKED: 'you last asked for advice',
    InteractionKind.FEEDBACK_ASKED: 'you last asked for feedback',
    InteractionKind.UPDATE_SENT: 'your last update',
    InteractionKind.THANK_YOU: 'your last thank-you',
    InteractionKind.REFERENCE_GIVEN: 'they gave you a reference',
    InteractionKind.INTRODUCTION_MADE: 'they made an introduction',
    InteractionKind.OTHER: 'you were last in touch',
}

_DECIDED = frozenset({FollowUpStatus.DONE, FollowUpStatus.DISMISSED})


def keep_in_touch_id(contact_id: str) -> str:
    """The stable follow-up id of a contact's keep-in-touch reminder."""
    return f'{KEEP_IN_TOUCH}:{contact_id}'


def effective_cadence(contact: Contact, settings: Settings) -> int | None:
    """Days between contacts for ``contact``: their own cadence, else their stage's default.

    Args:
        contact: The person.
        settings: The user's settings, holding the default cadence per stage.

    Returns:
        The cadence in days, or None when the person has none.
    """
    if contact.cadence_days is not None:
        return contact.cadence_days
    return settings.cadence_days.get(contact.stage)


def last_contact_date(contact: Contact, last_interaction_on: date | None) -> date:
    """The day the keep-in-touch cycle counts from.

    Args:
        contact: The person.
        last_interaction_on: The date of their latest logged interaction, if any.

    Returns:
        That date; without interactions, the latest stage change; without those, the day the
        contact was added.
    """
    if last_interaction_on is not None:
        return last_interaction_on
    if contact.stage_history:
        return max(change.on for change in contact.stage_history)
    return contact.created_at.date()


def next_due(contact: Contact, settings: Settings, last_interaction_on: date | None) -> date | None:
    """When the user should next be in touch with ``contact``.

    Args:
        contact: The person.
        settings: The user's settings.
        last_interaction_on: The date of their latest logged interaction, if any.

    Returns:
        The last contact date plus the cadence, or None when the person has no cadence.
    """
    cadence = effective_cadence(contact, settings)
    if cadence is None:
        return None
    return last_contact_date(contact, last_interaction_on) + timedelta(days=cadence)


def is_overdue(contact: Contact, settings: Settings, last_interaction_on: date | None, today: date) -> bool:
    """Whether the next contact with ``contact`` was due before ``today`` (due today is not overdue).

    Args:
        contact: The person.
        settings: The user's settings.
        last_interaction_on: The date of their latest logged interaction, if any.
        today: The day to judge.

    Returns:
        True when a cadence applies and its due date has passed.
    """
    due = next_due(contact, settings, last_interaction_on)
    return due is not None and due < today


def keep_in_touch_due(
    contact: Contact, settings: Settings, last_interaction_on: date | None, state: FollowUpState | None
) -> date | None:
    """The due date of ``contact``'s keep-in-touch follow-up, given the user's decision about it.

    Marking a catch-up done or dismissing it without logging an interaction must not end the
    cadence for good: the decision spends the cycle it was made against, and the next one counts
    from the later of the decision day and that due date.

    Args:
        contact: The person.
        settings: The user's settings.
        last_interaction_on: The date of their latest logged interaction, if any.
        state: The stored decision about the follow-up ``keep_in_touch_id(contact.id)``, if any.

    Returns:
        The due date, or None when the person has no cadence.
    """
    cadence = effective_cadence(contact, settings)
    if cadence is None:
        return None
    return _after_decision(last_contact_date(contact, last_interaction_on) + timedelta(days=cadence), cadence, state)


def keep_in_touch(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Follow-up kind: catch up with each person whose cadence comes due.

    Args:
        network: Everything stored.
        index: The network indexed for ``today``.
        today: The day to compute for.

    Yields:
        One follow-up per contact with a cadence, due within the index's horizon.
    """
    # The hot loop of the engine (30,000 contacts, most with a catch-up due): lookups are
    # hoisted into locals and the recurring words are made once per call (see _Words).
    stage_cadences = network.settings.cadence_days
    last_day = index.last_day
    last_interaction = index.last_interaction
    states = index.states
    memo = index.memo
    words = _Words()
    steps: dict[int, timedelta] = {}
    for contact in network.contacts:
        cadence = contact.cadence_days  # effective_cadence, inlined
        if cadence is None:
            cadence = stage_cadences.get(contact.stage)
            if cadence is None:
                continue
        step = steps.get(cadence) or steps.setdefault(cadence, timedelta(days=cadence))
        last = last_interaction.get(contact.id)
        last_on = last.on if last is not None else last_contact_date(contact, None)
        by_cadence = last_on + step
        if by_cadence > last_day:
            continue  # a stored decision only ever moves the due date later
        followup_id = keep_in_touch_id(contact.id)
        state = states.get(followup_id) if states else None
        due = by_cadence if state is None else _after_decision(by_cadence, cadence, state)
        if due > last_day:
            continue
        # Everything the follow-up is made from (the due date and the cadence stand for the
        # settings and the stored decision's effect): the same inputs make the same follow-up.
        made_from = (contact, last, state, cadence, due, today)
        made = memo.recall(followup_id, made_from) if memo is not None else None
        if made is None:
            # A decision that moved the due date is worth saying, or the reminder looks early or late.
            spent = state if due != by_cadence else None
            made = (_keep_in_touch_followup(followup_id, contact, cadence, last, last_on, spent, due, today, words),)
            if memo is not None:
                memo.remember(followup_id, made_from, made)
        yield from made


class _Words:
    """The recurring parts of catch-up titles and reasons, each made once per computation.

    At 30,000 contacts the same last-contact dates, day counts and stage rules come up
    thousands of times; formatting them once saves a third of the kind's time.
    """

    def __init__(self) -> None:
        self.last_contact: dict[date, str] = {}
        self.counting_from: dict[date, str] = {}
        self.since_last: dict[tuple[int, str], str] = {}
        self.stage_rule: dict[tuple[Stage, int], str] = {}

    def since(self, last: Interaction | None, last_on: date) -> str:
        """``Last contact 3 Mar 2026.``, or the same counted from when there was none."""
        if last is None:
            text = self.counting_from.get(last_on)
            if text is None:
                text = self.counting_from[last_on] = f'Never contacted; counting from {wording.day_label(last_on)}.'
            return text
        text = self.last_contact.get(last_on)
        if text is None:
            text = self.last_contact[last_on] = f'Last contact {wording.day_label(last_on)}.'
        return text

    def elapsed(self, days: int, last: Interaction) -> str:
        """``74 days since your last call``, ``12 days since they gave you a reference``."""
        what = last.since if isinstance(last, Touch) else _SINCE[last.kind]
        text = self.since_last.get((days, what))
        if text is None:
            text = self.since_last[days, what] = f'{wording.days(days)} since {what}'
        return text

    def rule(self, stage: Stage, cadence: int) -> str:
        """``Advocates: every 30 days.``"""
        text = self.stage_rule.get((stage, cadence))
        if text is None:
            text = self.stage_rule[stage, cadence] = f'{_STAGE_GROUP[stage]}: every {_every(cadence)}.'
        return text


def _keep_in_touch_followup(
    followup_id: str,
    contact: Contact,
    cadence: int,
    last: Interaction | None,
    last_on: date,
    spent: FollowUpState | None,
    due: date,
    today: date,
    words: _Words,
) -> FollowUp:
    if last is None:
        title = f'Catch up with {contact.name} — never contacted'
    else:
        # Counted on the due date while it is still ahead, so the title of an upcoming catch-up
        # does not change every day (the calendar feed would re-send it daily otherwise).
        elapsed = ((today if today > due else due) - last_on).days
        title = f'Catch up with {contact.name} — {words.elapsed(elapsed, last)}'
    if contact.cadence_days is not None:
        rule = f'Your cadence for {contact.name}: every {_every(cadence)}.'
    else:
        rule = words.rule(contact.stage, cadence)
    reason = f'{rule} {words.since(last, last_on)}'
    if spent is not None and spent.due is not None:
        spent_due = wording.day_label(spent.due)
        if spent.status is FollowUpStatus.DONE:
            reason += f' You marked the catch-up due {spent_due} done.'
        else:
            reason += f' You skipped the catch-up due {spent_due}.'
    changed_at = contact.updated_at
    if last is not None and _later(last.updated_at, changed_at):
        changed_at = last.updated_at
    return FollowUp(
        id=followup_id,
        kind=KEEP_IN_TOUCH,
        due=due,
        title=title,
        reason=reason,
        link=f'/contacts/{contact.id}',
        contact_id=contact.id,
        changed_at=changed_at,
    )


def _later(moment: datetime, other: datetime) -> bool:
    """``moment.timestamp() > other.timestamp()``, without the two conversions when both are aware."""
    if moment.tzinfo is not None and other.tzinfo is not None:
        return moment > other
    return moment.timestamp() > other.timestamp()


def _after_decision(due: date, cadence: int, state: FollowUpState | None) -> date:
    if state is None or state.status not in _DECIDED or state.due is None or due > state.due:
        return due
    return max(state.decided_on, state.due) + timedelta(days=cadence)


def _every(cadence: int) -> str:
    return 'day' if cadence == 1 else f'{cadence:,} days'
