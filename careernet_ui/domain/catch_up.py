"""Where keeping in touch with one person stands: last contact, next catch-up, overdue or not.

The pipeline board, the contact page and the follow-up list must agree on when a catch-up is
due, so this applies the same rules as the keep-in-touch follow-up kind (``cadence``): the cycle
counts from the last contact, a catch-up marked done or dismissed spends its cycle, and a snoozed
one is due on the day it wakes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .contacts import Contact
from .followups.followup import FollowUpState, FollowUpStatus
from .followups.keep_in_touch import effective_cadence, keep_in_touch_due, last_contact_date
from .interactions import Interaction
from .settings import Settings


@dataclass(kw_only=True, slots=True, frozen=True)
class CatchUp:
    """Keeping in touch with one person, as of one day.

    Attributes:
        last_contact: The day of the latest touch (see ``touches``), or None when the person was
            never contacted.
        last_interaction: That touch: a logged interaction, or a ``touches.Touch`` another record
            implies; None when the person was never contacted.
        counts_from: The day the cycle counts from (see ``cadence.last_contact_date``): the last
            contact, else the latest stage change, else the day the contact was added.
        cadence: Days between contacts, or None when the person has no cadence.
        next_due: When the next catch-up is due, after the user's decisions; None without a cadence.
        overdue: Whether ``next_due`` is before the day judged (due today is not overdue).
        snoozed: Whether the user snoozed the catch-up and it has not woken yet.
    """

    last_contact: date | None
    last_interaction: Interaction | None
    counts_from: date
    cadence: int | None
    next_due: date | None
    overdue: bool
    snoozed: bool = False


def catch_up(
    contact: Contact,
    settings: Settings,
    last_interaction: Interaction | None,
    state: FollowUpState | None,
    today: date,
) -> CatchUp:
    """Where keeping in touch with ``contact`` stands on ``today``.

    Args:
        contact: The person.
        settings: The user's settings (the default cadence per stage).
        last_interaction: Their latest touch on or before ``today`` (see ``touches.last_touch``).
        state: The stored decision about their keep-in-touch follow-up, if any.
        today: The day to judge.

    Returns:
        The status; ``next_due`` moves with every touch, as the follow-up's does.
    """
    last_on = last_interaction.on if last_interaction is not None else None
    cadence = effective_cadence(contact, settings)
    due = keep_in_touch_due(contact, settings, last_on, state)
    snoozed = False
    # As in ``followup_actions.apply_state``: a snooze holds while the cadence's due date is no
    # later than the one it was made against, and the catch-up comes back on its wake-up day.
    wakes = _snoozed_until(state, due)
    if due is not None and wakes is not None:
        due = max(due, wakes)
        snoozed = today < wakes
    return CatchUp(
        last_contact=last_on,
        last_interaction=last_interaction,
        counts_from=last_contact_date(contact, last_on),
        cadence=cadence,
        next_due=due,
        overdue=due is not None and due < today,
        snoozed=snoozed,
    )


def latest_interaction(interactions: Iterable[Interaction], contact_id: str, today: date) -> Interaction | None:
    """A contact's latest interaction on or before ``today``; later ones are plans, not contact.

    Args:
        interactions: Any interactions (others' are skipped).
        contact_id: The contact's id.
        today: The last day to count.

    Returns:
        The latest by date; on the same day, the one logged last (ties by id, as in ``NetworkIndex``).
    """
    latest: Interaction | None = None
    for interaction in interactions:
        if interaction.contact_id != contact_id or interaction.on > today:
            continue
        if latest is None or _order(interaction) > _order(latest):
            latest = interaction
    return latest


def _snoozed_until(state: FollowUpState | None, due: date | None) -> date | None:
    if state is None or due is None or state.status is not FollowUpStatus.SNOOZED:
        return None
    if state.due is not None and due > state.due:
        return None  # a new cycle began after the snooze: it is spent
    return state.until


def _order(interaction: Interaction) -> tuple[date, float, str]:
    return interaction.on, interaction.created_at.timestamp(), interaction.id
