"""What every page is given: the store and the clock. Passed in, never a module global."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.domain.followups.memo import FollowUpMemo
from storage import Store


@dataclass(kw_only=True, slots=True)
class AppContext:
    """The running app's shared objects."""

    store: Store
    today: Callable[[], date] = field(default=date.today)
    base_url: str = 'http://127.0.0.1:8080'
    calendar_feed: CalendarFeed | None = None  # the server's, shared by the feed route and the Calendar page
    followup_memo: FollowUpMemo = field(default_factory=FollowUpMemo)
    """Follow-ups the dashboard and the calendar feed reuse from one computation to the next."""
    after_first_dashboard: Callable[[], None] | None = None
    """Called once, when the dashboard has been computed for the first time (see ``dashboard_computed``)."""

    def dashboard_computed(self) -> None:
        """Tell the server a dashboard was computed (``dashboard_view``'s ``on_computed``).

        The first time, ``after_first_dashboard`` runs.
        """
        then, self.after_first_dashboard = self.after_first_dashboard, None
        if then is not None:
            then()
