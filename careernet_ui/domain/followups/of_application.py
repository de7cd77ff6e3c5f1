"""The follow-ups about one application, each with the record that resolves it.

The application page lists what is due for it (brief, thank, share the outcome, thank the
advocate for the introduction) next to a button that records it done, so the follow-up leaves
because the record says it was done, not because it was ticked off.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType

from ..applications import Application
from ..introductions import Introduction
from ..network import Network
from ..reference_requests import ReferenceRequest
from .engine import KINDS, FollowUpKind, due_follow_ups
from .followup import FollowUp
from .reference_help import BRIEF_REFERENCE, SHARE_OFFER, SHARE_OUTCOME, THANK_INTRODUCTION, THANK_REFERENCE

REFERENCE_KINDS: Mapping[str, FollowUpKind] = MappingProxyType(
    {name: KINDS[name] for name in (BRIEF_REFERENCE, THANK_REFERENCE, SHARE_OFFER, SHARE_OUTCOME, THANK_INTRODUCTION)})
"""The follow-up kinds an application can have: computing only these keeps its page quick at 30k contacts."""


@dataclass(kw_only=True, slots=True, frozen=True)
class ApplicationFollowUp:
    """A follow-up about the application, and what it is about: a request, an introduction, or the advocate.

    ``tell`` names the person to tell about the offer (any touch telling them settles it).
    """

    followup: FollowUp
    request: ReferenceRequest | None = None
    introduction: Introduction | None = None
    tell_advocate: bool = False
    tell: str | None = None


def followups_of(network: Network, application: Application, today: date,
                 horizon_days: int) -> list[ApplicationFollowUp]:
    """The follow-ups due about ``application`` within ``horizon_days``, computed on its records alone.

    Only the application's requests and introductions, the people they name and those people's
    interactions go into the engine: at 30,000 contacts that is milliseconds, not the whole network.
    """
    requests = [r for r in network.reference_requests if r.application_id == application.id]
    introductions = [i for i in network.introductions if i.application_id == application.id]
    people = {r.contact_id for r in requests} | {i.advocate_id for i in introductions}
    if application.introduced_by:
        people.add(application.introduced_by)
    narrow = replace(network, contacts=[c for c in network.contacts if c.id in people],
                     interactions=[i for i in network.interactions if i.contact_id in people],
                     applications=[application], reference_requests=requests, introductions=introductions)
    return application_followups(due_follow_ups(narrow, today, horizon_days, kinds=REFERENCE_KINDS), application,
                                 requests, introductions)


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
    offer_news = f'{SHARE_OFFER}:{application.id}:'
    found = []
    for followup in followups:
        if followup.id in about:
            source_request, source_introduction = about[followup.id]
            found.append(ApplicationFollowUp(followup=followup, request=source_request,
                                             introduction=source_introduction))
        elif application.introduced_by and followup.id == advocate_share:
            found.append(ApplicationFollowUp(followup=followup, tell_advocate=True))
        elif followup.id.startswith(offer_news):
            found.append(ApplicationFollowUp(followup=followup, tell=followup.contact_id))
    return found
