"""``--ics-file PATH``: keep a copy of the calendar feed in a file, for a synced folder or a web host.

Google Calendar and Outlook.com fetch subscriptions from their own servers, which cannot
reach CareerNet on localhost; a file in a synced folder (or uploaded to a web host) they can.
The file gets the same bytes as ``/calendar/<token>.ics``, written atomically (a reader never
sees half a file) once at start, after changes, and when the day turns over.

A burst of changes (an import, a bulk edit) gives one write: a change starts a short wait,
and every change during the wait is covered by the one write at its end.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.domain import CareerNetError
from storage.durable import write_atomically

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 1.0
DAY_CHECK_SECONDS = 600.0


class FeedFileWriter:
    """Writes the feed to ``path`` after changes, coalescing bursts; lives on the event loop."""

    def __init__(
        self,
        feed: CalendarFeed,
        path: Path,
        today: Callable[[], date],
        *,
        delay: float = DEBOUNCE_SECONDS,
        day_check: float = DAY_CHECK_SECONDS,
    ) -> None:
        """Prepare to write ``feed`` to ``path``; nothing happens until :meth:`run` or a change.

        Args:
            feed: The feed (shared with the HTTP route, so both give the same bytes).
            path: The file to keep up to date.
            today: Today's date in the user's time zone.
            delay: Seconds to wait after a change for more changes before writing.
            day_check: Seconds between checks for a new day (overdue items move to it).
        """
        self.feed = feed
        self.path = path
        self._today = today
        self._delay = delay
        self._day_check = day_check
        self._pending = False
        self._task: asyncio.Task[None] | None = None
        self._write_lock = asyncio.Lock()  # one write at a time: they share a temp file name
        self._written_etag: str | None = None
        self._written_day: date | None = None
        self.writes = 0
        """How many times the file was written."""

    def changed(self) -> None:
        """A store listener: write soon. Called on the event loop, after a durable change."""
        self._pending = True
        if self._task is not None and not self._task.done():
            return  # the write already scheduled will include this change
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # not serving (yet): run() writes at start, flush() at the end
        self._task = loop.create_task(self._write_after_quiet())

    async def run(self) -> None:
        """Write the file now, then rewrite it whenever the day turns over; runs until cancelled."""
        await self.write_now()
        while True:
            await asyncio.sleep(self._day_check)
            if self._today() != self._written_day:
                self.changed()

    async def write_now(self) -> bool:
        """Write the current feed unless the file already holds it.

        Returns:
            Whether the file was written. A failure (a missing folder, a full disk) is logged
            and retried at the next change; it never stops the server.
        """
        async with self._write_lock:
            self._pending = False
            today = self._today()
            try:
                rendered = await self.feed.current_async(today)
                if rendered.etag == self._written_etag:
                    self._written_day = today
                    return False
                # Off the event loop: fsync can take a while, and pages should not wait for it.
                await asyncio.to_thread(write_atomically, self.path, [rendered.body])
            except (OSError, CareerNetError) as error:
                _log_failure(self.path, error)
                return False
            self._written_etag = rendered.etag
            self._written_day = today
            self.writes += 1
            return True

    def flush(self) -> None:
        """At shutdown, before the store closes: write now if a change is still waiting."""
        if self._task is not None:
            self._task.cancel()
        if not self._pending or self._write_lock.locked():
            # A write still running in its thread shares the temp file name: leave the file to it.
            return
        self._pending = False
        try:
            rendered = self.feed.current(self._today())
            if rendered.etag != self._written_etag:
                write_atomically(self.path, [rendered.body])
                self._written_etag = rendered.etag
                self.writes += 1
        except (OSError, CareerNetError) as error:
            _log_failure(self.path, error)

    async def _write_after_quiet(self) -> None:
        while self._pending:
            await asyncio.sleep(self._delay)
            await self.write_now()


def _log_failure(path: Path, error: OSError | CareerNetError) -> None:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    log.error('Could not write the calendar file %s: %s', path, reason)
