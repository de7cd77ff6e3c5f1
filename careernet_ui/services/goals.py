"""Goals, and the progress updates that tell advocates about them: storing, deleting, marking sent."""

from __future__ import annotations

import dataclasses
from datetime import date

from careernet_ui.domain import Interaction, InteractionKind, Share, ValidationError, wording
from careernet_ui.domain.followups.network_index import NetworkIndex
from careernet_ui.domain.followups.progress_update import ProgressNews, progress_news, progress_note
from careernet_ui.domain.goals import Goal, GoalForm
from storage import Store


def save_goal(store: Store, form: GoalForm, existing_id: str | None, today: date, *, base: Goal | None = None) -> Goal:
    """Validate the form and store the goal (a new one, or ``existing_id`` changed).

    Raises:
        ValidationError: the form is invalid (the error names the field); nothing is stored.
        NotFoundError: the goal being edited was deleted meanwhile.
    """
    existing = store.goals.get(existing_id) if existing_id else None
    if existing is not None and base is not None and base.id == existing.id:
        existing = base
    goal = form.to_goal(existing, today)
    return store.goals.put(goal, base=existing if base is not None else None)


def delete_goal(store: Store, goal_id: str) -> Goal:
    """Delete a goal; returns it.

    Raises:
        NotFoundError: it was already deleted.
    """
    goal = store.goals.get(goal_id)
    store.goals.delete(goal_id)
    return goal


def news_for(store: Store, contact_id: str, today: date) -> ProgressNews:
    """What ``contact_id`` has not heard yet (see ``domain.progress_updates``).

    Raises:
        NotFoundError: the contact no longer exists.
    """
    contact = store.contacts.get(contact_id)
    network = store.network()
    return progress_news(network, NetworkIndex.build(network, today, 0), contact)


def record_progress_update(store: Store, contact_id: str, on: date, today: date) -> Interaction:
    """The user sent ``contact_id`` their progress update on ``on``.

    One write: an "update sent" interaction naming what the update carried (which starts the next
    cycle), and each accomplishment in it recorded as shared with them (so nobody is asked to share
    it with them again).

    Raises:
        NotFoundError: the contact no longer exists.
        ValidationError: ``on`` is in the future; nothing is stored.
    """
    if on > today:
        raise ValidationError(f'{wording.day_label(on)} is in the future: mark the update sent once it is.',
                              field='on')
    news = news_for(store, contact_id, today)
    with store.transaction():
        share = Share(contact_id=contact_id, on=on)
        store.accomplishments.update_many(dataclasses.replace(a, shared=(*a.shared, share))
                                          for a in news.accomplishments)
        return store.interactions.add(Interaction(contact_id=contact_id, kind=InteractionKind.UPDATE_SENT, on=on,
                                                  note=progress_note(news)))
