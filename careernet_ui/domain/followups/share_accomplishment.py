"""Follow-up kind: tell your advocates about a new accomplishment within 14 days.

Advocates champion you best when they know your latest results, so each new accomplishment not
yet shared with any advocate becomes "Share '<title>' with your advocates", due
``SHARE_WITHIN_DAYS`` after the later of:

- the day it happened (its end date, for a period), and
- the day it was logged (``created_at``): something logged a week late still gets its two weeks,
  instead of showing up overdue the moment it is saved.

It disappears once the accomplishment is shared with anyone who is an advocate now, and lapses
``NEWS_FOR_DAYS`` after that later day: by then it is no longer news (sharing it is still possible,
but the dashboard stops asking). For the same reason history logged long after the fact — more
than ``NEWS_FOR_DAYS`` after it ended — gets no reminder at all, so documenting your past does not
flood the dashboard. A network with no advocates gets none either: there is nobody to tell. The
Share button works for every accomplishment in every case.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..accomplishments import Accomplishment
from ..contacts import Stage
from ..network import Network
from .followup import FollowUp
from .network_index import NetworkIndex

SHARE_ACCOMPLISHMENT = 'share_accomplishment'
SHARE_WITHIN_DAYS = 14
NEWS_FOR_DAYS = 90


def share_accomplishment_id(accomplishment_id: str) -> str:
    """The stable follow-up id of the reminder to share one accomplishment."""
    return f'{SHARE_ACCOMPLISHMENT}:{accomplishment_id}'


def share_window(accomplishment: Accomplishment) -> tuple[date, date] | None:
    """When the reminder to share the accomplishment is due, and the last day it is news.

    Args:
        accomplishment: The accomplishment.

    Returns:
        ``SHARE_WITHIN_DAYS`` and ``NEWS_FOR_DAYS`` after the later of its end date and the day it
        was logged; None when it was logged more than ``NEWS_FOR_DAYS`` after it ended.
    """
    ended = accomplishment.until or accomplishment.on
    logged = accomplishment.created_at.date()
    if (logged - ended).days > NEWS_FOR_DAYS:
        return None
    since = max(ended, logged)
    return since + timedelta(days=SHARE_WITHIN_DAYS), since + timedelta(days=NEWS_FOR_DAYS)


def share_accomplishment(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Follow-up kind: new accomplishments no advocate has heard about yet.

    Args:
        network: Everything stored.
        index: The network indexed for ``today``.
        today: The day to compute for.

    Yields:
        One reminder per new accomplishment not shared with any current advocate.
    """
    if not network.accomplishments:
        return
    advocates = {contact.id for contact in network.contacts if contact.stage is Stage.ADVOCATE}
    if not advocates:
        return
    for accomplishment in network.accomplishments:
        if any(share.contact_id in advocates for share in accomplishment.shared):
            continue
        window = share_window(accomplishment)
        if window is None:
            continue
        due, news_until = window
        if due > index.last_day or today > news_until:
            continue
        yield FollowUp(
            id=share_accomplishment_id(accomplishment.id),
            kind=SHARE_ACCOMPLISHMENT,
            due=due,
            title=f"Share '{accomplishment.title}' with your advocates",
            reason=(
                'Advocates speak up for you when you are not in the room; they can only mention results '
                'they know about. Send each a short update: what you did, the result, and a personal line.'
            ),
            link=f'/accomplishments?share={accomplishment.id}',
            changed_at=accomplishment.updated_at,
        )
