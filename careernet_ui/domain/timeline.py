"""A person's timeline: everything that happened with them, newest first.

Each *source* is one function ``(network, contact) -> Iterable[TimelineEntry]`` listed in
``SOURCES``; features add their records (feedback, accomplishments witnessed, reference
requests, introductions) by writing a source and adding one line there. Every touch (see
``touches``) has its line: the logged interactions, feedback, each reference step, introductions
and their thank-yous, shares, recommendation letters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from .contacts import Contact
from .network import Network
from .touches import letter_touches


@dataclass(kw_only=True, slots=True, frozen=True)
class TimelineEntry:
    """One dated line on a contact's timeline."""

    on: date
    kind: str
    title: str
    detail: str = ''
    link: str = ''
    source_id: str = ''


TimelineSource = Callable[[Network, Contact], Iterable[TimelineEntry]]


def stage_changes(network: Network, contact: Contact) -> Iterable[TimelineEntry]:
    """Moves through the pipeline, from the contact's stage history."""
    for index, change in enumerate(contact.stage_history):
        title = (f'Moved from {change.from_stage.label} to {change.to_stage.label}' if change.from_stage
                 else f'Added as {change.to_stage.label}')
        yield TimelineEntry(on=change.on, kind='stage', title=title, detail=change.note,
                            source_id=f'{contact.id}:stage:{index}')


def interactions(network: Network, contact: Contact) -> Iterable[TimelineEntry]:
    """Logged interactions with the contact."""
    for interaction in network.interactions:
        if interaction.contact_id == contact.id:
            yield TimelineEntry(on=interaction.on, kind=f'interaction:{interaction.kind.value}',
                                title=interaction.kind.label, detail=interaction.note, source_id=interaction.id)


def accomplishments_witnessed(network: Network, contact: Contact) -> Iterable[TimelineEntry]:
    """Accomplishments the contact saw and can vouch for, on the day they happened."""
    for accomplishment in network.accomplishments:
        if contact.id in accomplishment.witness_ids:
            detail = accomplishment.metric.describe() if accomplishment.metric else accomplishment.project
            yield TimelineEntry(on=accomplishment.on, kind='accomplishment:witnessed',
                                title=f'Witnessed: {accomplishment.title}', detail=detail,
                                link=f'/accomplishments?witness={contact.id}', source_id=accomplishment.id)


def feedback_given(network: Network, contact: Contact) -> Iterable[TimelineEntry]:
    """Feedback asked of the contact (on the day asked) and given by them (on the day received)."""
    for feedback in network.feedback:
        if feedback.contact_id != contact.id:
            continue
        if feedback.asked_on is not None:
            yield TimelineEntry(on=feedback.asked_on, kind='feedback:asked', title='Asked for feedback',
                                source_id=f'{feedback.id}:asked')
        if feedback.received_on is not None:
            yield TimelineEntry(on=feedback.received_on, kind='feedback:received', title='Gave feedback',
                                detail=feedback.text, source_id=f'{feedback.id}:received')


def reference_requests(network: Network, contact: Contact) -> Iterable[TimelineEntry]:
    """Each dated step of every reference request made of the contact ("Reference for Initech: agreed")."""
    applications = {a.id: a for a in network.applications}
    for request in network.reference_requests:
        application = applications.get(request.application_id)
        if request.contact_id != contact.id or application is None:
            continue
        for index, step in enumerate(request.history):
            # One kind for every step, and the step's place in the source id: steps taken on the same
            # day then list newest first, like everything else on the timeline.
            yield TimelineEntry(on=step.on, kind='reference',
                                title=f'Reference for {application.company}: {step.status.label.lower()}',
                                detail=step.note or application.position, link=f'/applications/{application.id}',
                                source_id=f'{request.id}:{index:03}')


def introductions_made(network: Network, contact: Contact) -> Iterable[TimelineEntry]:
    """Introductions the contact made for the user, with what came of them."""
    for introduction in network.introductions:
        if introduction.advocate_id == contact.id:
            link = f'/applications/{introduction.application_id}' if introduction.application_id else ''
            yield TimelineEntry(on=introduction.on, kind='introduction',
                                title=f'Introduced you to {introduction.to_whom}', detail=introduction.outcome,
                                link=link, source_id=introduction.id)


def introductions_thanked(network: Network, contact: Contact) -> Iterable[TimelineEntry]:
    """The thank-yous recorded on the contact's introductions."""
    for introduction in network.introductions:
        if introduction.advocate_id == contact.id and introduction.thanked_on is not None:
            yield TimelineEntry(on=introduction.thanked_on, kind='introduction:thanked',
                                title=f'Thanked for the introduction to {introduction.to_whom}',
                                source_id=f'{introduction.id}:thanked')


def accomplishments_shared(network: Network, contact: Contact) -> Iterable[TimelineEntry]:
    """Accomplishments the user shared with the contact, on the day they were marked sent."""
    for accomplishment in network.accomplishments:
        for index, share in enumerate(accomplishment.shared):
            if share.contact_id == contact.id:
                yield TimelineEntry(on=share.on, kind='share', title=f'Shared: {accomplishment.title}',
                                    link=f'/accomplishments?witness={contact.id}',
                                    source_id=f'{accomplishment.id}:shared:{index}')


def letters(network: Network, contact: Contact) -> Iterable[TimelineEntry]:
    """Recommendation letters asked of the contact: asked, received, thanked (the touches they imply)."""
    for touch in letter_touches(network):
        if touch.contact_id == contact.id:
            yield TimelineEntry(on=touch.on, kind='letter', title=touch.how, link=touch.link, source_id=touch.id)


SOURCES: tuple[TimelineSource, ...] = (
    stage_changes,
    interactions,
    accomplishments_witnessed,
    feedback_given,
    reference_requests,
    introductions_made,
    introductions_thanked,
    accomplishments_shared,
    letters,
)


def timeline(network: Network, contact: Contact, sources: Iterable[TimelineSource] = SOURCES) -> list[TimelineEntry]:
    """Every entry about ``contact``, newest first (ties: by kind, then source id, for a stable order)."""
    entries = [entry for source in sources for entry in source(network, contact)]
    entries.sort(key=lambda e: (e.on, e.kind, e.source_id), reverse=True)
    return entries
