"""The follow-ups about one application, each with the record that resolves it.

The application page lists what is due for it (brief, thank, share the outcome, thank the
advocate for the introduction) next to a button that records it done, so the follow-up leaves
because the record says it was done, not because it was ticked off.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .applications import Application, Introduction, ReferenceRequest
from .followups import FollowUp
from .reference_followups import BRIEF_REFERENCE, SHARE_OUTCOME, THANK_INTRODUCTION, THANK_REFERENCE


@dataclass(kw_only=True, slots=True, frozen=True)
class ApplicationFollowUp:
    """A follow-up about the application, and what it is about: a request, an introduction, or the advocate."""

    followup: FollowUp
    request: ReferenceRequest | None = None
    introduction: Introduction | None = None
    tell_advocate: bool = False


def application_followups(followups: Iterable[FollowUp], application: Application,
                          requests: Sequence[ReferenceRequest],
                          introductions: Sequence[Introduction]) -> list[ApplicationFollowUp]:
    """The reference-workflow follow-ups about ``application``, in the order given (the engine's: by due date)."""
    about: dict[str, tuple[ReferenceRequest | None, Introduction | None]] = {}
    for request in requests:
        if request.application_id == application.id:
            for kind in (BRIEF_REFERENCE, THANK_REFERENCE, SHARE_OUTCOME):
                about[f'{kind}:{request.id}'] = (request, None)
    for introduction in introductions:
        if introduction.application_id == application.id:
            about[f'{THANK_INTRODUCTION}:{introduction.id}'] = (None, introduction)
    advocate_share = f'{SHARE_OUTCOME}:{application.id}:{application.introduced_by}'
    found = []
    for followup in followups:
        if followup.id in about:
            source_request, source_introduction = about[followup.id]
            found.append(ApplicationFollowUp(followup=followup, request=source_request,
                                             introduction=source_introduction))
        elif application.introduced_by and followup.id == advocate_share:
            found.append(ApplicationFollowUp(followup=followup, tell_advocate=True))
    return found
