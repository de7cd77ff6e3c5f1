"""One follow-up in the dashboard's "Next actions": what, why, how late, and what to do about it."""

from __future__ import annotations

from collections.abc import Callable

from nicegui.element import Element

from careernet_ui.nicegui_compat import ReadAs

from .badges import badge_classes
from .plain_button import PLAIN_BUTTON_CLASSES

Action = Callable[[], object]


class NextActionRow(ReadAs, Element, component='next_action_row.js'):
    """A row of the "Next actions" card, drawn in the browser by one small component from its props.

    As NiceGUI elements a row was ten (two labels in a column, a badge, four buttons, a link); the
    dashboard lists ten rows before it shows, and the browser mounts each element separately.
    The buttons emit ``log``, ``done``, ``snooze`` and ``dismiss``; NiceGUI's simulated user reads
    the title, the reason and the due text as the row's content.
    """

    def __init__(self, *, title: str, reason: str, due: str, overdue: bool, link: str,
                 on_done: Action, on_snooze: Action, on_dismiss: Action,
                 on_log: Action | None = None, log_label: str = '') -> None:
        """Make the row in the current container.

        Args:
            title: What to do, as a sentence.
            reason: Why, and since when.
            due: How late or how soon ("44 days overdue", "due in 3 days").
            overdue: Show ``due`` in the overdue colour.
            link: The page where it is done.
            on_done: Called on "Done".
            on_snooze: Called on "Snooze…".
            on_dismiss: Called on "Dismiss".
            on_log: Called on "Log"; without it the row has no "Log" button.
            log_label: What a screen reader announces for "Log" ("Log an interaction with Dana").
        """
        super().__init__()
        self._props.update(
            title=title,
            reason=reason,
            due=due,
            href=link,
            logLabel=(log_label or 'Log an interaction') if on_log is not None else '',
            badgeClass=badge_classes('negative' if overdue else 'primary', outline=not overdue),
            buttonClass=f'{PLAIN_BUTTON_CLASSES} text-sm',
        )
        # Beside the text on a wide screen; below it, in a row that may wrap, on a phone.
        self.classes('careernet-next-action flex flex-wrap sm:flex-nowrap items-center gap-1 w-full border-t pt-2')
        if on_log is not None:
            self.on('log', on_log)
        self.on('done', on_done)
        self.on('snooze', on_snooze)
        self.on('dismiss', on_dismiss)

    def read_as(self) -> list[object]:
        """The title, the reason and the due text."""
        return [self._props['title'], self._props['reason'], self._props['due']]
