"""Keep advocates informed of your progress and goals: one periodic update per advocate.

Every ``Settings.progress_update_days`` days (90 unless changed; None turns it off), each advocate
is due a progress update: one message drafted from what is news to them since the last update
they had — the accomplishments not shared with them that ended or were logged since, and the
goals set, changed or achieved since (dropped goals are not broadcast). "The last update" is the
latest "update sent" touch with them: a progress update marked sent, an accomplishment shared
with them, an outcome shared. Never updated, the cycle counts from the day they became an
advocate and the draft carries everything not shared with them yet.

The follow-up appears only when there is news: an update with nothing in it is a keep-in-touch
message, which the keep-in-touch cadence already asks for. Marking the update sent logs an
"update sent" interaction (and records the accomplishments in it as shared), which starts the
next cycle; the follow-up id names the due date, so the next one is a new follow-up.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from operator import attrgetter

from .. import wording
from ..accomplishments import Accomplishment, period_label
from ..contacts import Contact, Stage
from ..goals import Goal, GoalStatus
from ..interactions import Interaction, InteractionKind
from ..network import Network
from ..touches import is_logged, touch_order
from ..updates import UpdateDraft
from .followup import FollowUp
from .network_index import NetworkIndex

PROGRESS_UPDATE = 'progress_update'
PROGRESS_NOTE = 'Progress update'
"""The note an "update sent" interaction starts with when a progress update was marked sent."""


@dataclass(kw_only=True, slots=True, frozen=True)
class ProgressNews:
    """What is news to one advocate: the last update they had, and what happened since."""

    contact: Contact
    last_update: Interaction | None
    accomplishments: tuple[Accomplishment, ...]
    goals: tuple[Goal, ...]

    @property
    def empty(self) -> bool:
        """Nothing to tell."""
        return not (self.accomplishments or self.goals)


def advocate_since(contact: Contact) -> date:
    """The day ``contact`` last changed stage (became an advocate), or was added."""
    return max(change.on for change in contact.stage_history) if contact.stage_history else contact.created_at.date()


def last_update(index: NetworkIndex, contact_id: str) -> Interaction | None:
    """The latest "update sent" touch with ``contact_id`` up to the index's day."""
    latest: Interaction | None = None
    for touch in index.by_kind[InteractionKind.UPDATE_SENT]:
        if touch.contact_id == contact_id and (latest is None or touch_order(touch) > touch_order(latest)):
            latest = touch
    return latest


def _after(last: Interaction | None) -> tuple[date, datetime]:
    """What counts as news after ``last``: a later end date, or recorded after this moment."""
    if last is None:
        return date.min, datetime.min.replace(tzinfo=UTC)
    # A logged update covers what was recorded before it; a share another record implies
    # (recorded whenever that record was made) covers its whole day.
    return last.on, last.created_at if is_logged(last) else datetime.combine(last.on, time.max, UTC)


def _ended(accomplishment: Accomplishment) -> date:
    return accomplishment.until or accomplishment.on


def progress_news(network: Network, index: NetworkIndex, contact: Contact) -> ProgressNews:
    """What ``contact`` has not heard yet: accomplishments and goals since their last update.

    Args:
        network: Everything stored.
        index: The network indexed for today.
        contact: The advocate.

    Returns:
        The news: accomplishments oldest first, goals open first then by target date.
    """
    last = last_update(index, contact.id)
    after_day, after_moment = _after(last)
    news = [a for a in network.accomplishments
            if all(share.contact_id != contact.id for share in a.shared)
            and (_ended(a) > after_day or a.created_at > after_moment)]
    news.sort(key=lambda a: (_ended(a), a.id))
    goals = [g for g in network.goals if g.status is not GoalStatus.DROPPED and g.updated_at > after_moment]
    goals.sort(key=lambda g: (g.status is not GoalStatus.OPEN, g.target_on, g.id))
    return ProgressNews(contact=contact, last_update=last, accomplishments=tuple(news), goals=tuple(goals))


class ProgressLedger:
    """Every advocate's last update and whether there is news for them, from one pass over the records.

    The follow-up kind and the Goals page ask this for thousands of advocates: each answer walks
    only the newest accomplishments, not all of them (at 30,000 contacts, 2,600 advocates and
    1,000 accomplishments, asking :func:`progress_news` of each took 14 s).
    """

    def __init__(self, network: Network, index: NetworkIndex) -> None:
        self._last: dict[str, Interaction] = {}
        for touch in index.by_kind[InteractionKind.UPDATE_SENT]:
            known = self._last.get(touch.contact_id)
            if known is None or touch_order(touch) > touch_order(known):
                self._last[touch.contact_id] = touch
        self._by_end = sorted(network.accomplishments, key=_ended, reverse=True)
        self._by_logged = sorted(network.accomplishments, key=attrgetter('created_at'), reverse=True)
        told = [g.updated_at for g in network.goals if g.status is not GoalStatus.DROPPED]
        self._newest_goal = max(told, default=None)

    def last(self, contact_id: str) -> Interaction | None:
        """The latest "update sent" touch with ``contact_id``."""
        return self._last.get(contact_id)

    def has_news(self, contact_id: str) -> bool:
        """Whether an accomplishment or a goal is news to ``contact_id`` (see :func:`progress_news`)."""
        after_day, after_moment = _after(self._last.get(contact_id))
        if self._newest_goal is not None and self._newest_goal > after_moment:
            return True
        for accomplishment in self._by_end:
            if _ended(accomplishment) <= after_day:
                break
            if all(share.contact_id != contact_id for share in accomplishment.shared):
                return True
        for accomplishment in self._by_logged:
            if accomplishment.created_at <= after_moment:
                break
            if all(share.contact_id != contact_id for share in accomplishment.shared):
                return True
        return False

    def next_due(self, contact: Contact, every: int) -> date:
        """When ``contact``'s next update is due: ``every`` days after the last, or after becoming an advocate."""
        last = self._last.get(contact.id)
        return (last.on if last is not None else advocate_since(contact)) + timedelta(days=every)


def progress_update(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Follow-up kind: an advocate's progress update is due, and there is news for them."""
    every = network.settings.progress_update_days
    if every is None or not (network.accomplishments or network.goals):
        return
    ledger: ProgressLedger | None = None
    for contact in network.contacts:
        if contact.stage is not Stage.ADVOCATE:
            continue
        ledger = ledger or ProgressLedger(network, index)
        due = ledger.next_due(contact, every)
        if due > index.last_day or not ledger.has_news(contact.id):
            continue
        last = ledger.last(contact.id)
        before = (f'Their last update was on {wording.day_label(last.on)}.' if last is not None
                  else 'They have not had an update from you yet.')
        yield FollowUp(
            id=f'{PROGRESS_UPDATE}:{contact.id}:{due.isoformat()}',
            kind=PROGRESS_UPDATE,
            due=due,
            title=f'Send {contact.name} a progress update',
            reason=f'Advocates: a progress update every {wording.days(every)}. {before} Tell them what you '
                   'achieved and what you are aiming for next: advocates can only point you at what they know.',
            link=f'/goals?update={contact.id}',
            contact_id=contact.id,
            changed_at=max(contact.updated_at, last.updated_at) if last is not None else contact.updated_at,
        )


def draft_progress_update(news: ProgressNews, personal: str, signed: str = '') -> UpdateDraft:
    """Draft one progress update to ``news.contact`` from what is news to them.

    Args:
        news: The advocate and what they have not heard.
        personal: The user's personal line (may be empty).
        signed: The sign-off under the thank-you (``updates.sign_off``; may be empty).

    Returns:
        The draft: subject "Progress update", a greeting, the personal line, each accomplishment
        (title, when, result), the goals reached and the goals aimed for next (title and target
        date), a thank-you and the sign-off.
    """
    contact = news.contact
    lines = [f'Hi {contact.name.split()[0]},', '']
    if personal.strip():
        lines += [personal.strip(), '']
    if news.accomplishments:
        lines.append('What I have done since I last wrote:')
        for accomplishment in news.accomplishments:
            result = f' — {accomplishment.metric.describe()}' if accomplishment.metric is not None else ''
            lines.append(f'- {accomplishment.title} ({period_label(accomplishment)}){result}')
        lines.append('')
    reached = [g for g in news.goals if g.status is GoalStatus.ACHIEVED]
    aimed = [g for g in news.goals if g.status is GoalStatus.OPEN]
    if reached:
        lines.append('Goals I reached:')
        lines += [f'- {goal.title}' for goal in reached]
        lines.append('')
    if aimed:
        lines.append('What I am aiming for next:')
        lines += [f'- {goal.describe()}' for goal in aimed]
        lines.append('If you hear of something that fits, I would be glad to know.')
        lines.append('')
    lines.append('Thank you for your support; it means a lot.')
    if signed.strip():
        lines += ['', signed.strip()]
    return UpdateDraft(contact_id=contact.id, to=contact.primary_email, subject='Progress update',
                       body='\n'.join(lines))


PERSONAL_LINE = 'I hope you are well. Here is how things have been going for me.'


def progress_note(news: ProgressNews) -> str:
    """The note on the "update sent" interaction a progress update marked sent logs."""
    parts = [f'"{a.title}"' for a in news.accomplishments] + [f'goal "{g.title}"' for g in news.goals]
    return f'{PROGRESS_NOTE}: {", ".join(parts)}' if parts else PROGRESS_NOTE


def advocates(contacts: Sequence[Contact]) -> list[Contact]:
    """The advocates, by name."""
    return sorted((c for c in contacts if c.stage is Stage.ADVOCATE), key=lambda c: (c.name.casefold(), c.id))

