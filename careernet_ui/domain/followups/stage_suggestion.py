"""Stage suggestions: when the interaction log says someone has moved along the pipeline.

The evidence (every touch, see ``touches``: a request reaching "employer contacted" is a reference
given, a recorded introduction an introduction made), strongest first (the first rule that
points ahead of the contact's stage wins):

- Advocate: two references given and an introduction made, or two introductions made; or a
  reference given, then thanked and told how it went (the seed's way to turn a reference into an
  advocate: appreciation, then highlighting the success their support made); or a recommendation
  they wrote you (feedback whose source is a LinkedIn recommendation: a written testimonial).
- Reference: a reference given.
- Potential advocate: asked for advice or feedback at least twice in the last 180 days; or they
  endorsed your skills on LinkedIn (an imported endorsement received: they vouch for you in public).

A suggestion never points back, nor at the stage the contact is in. It is due on the day of the
latest interaction that counts as evidence, so dismissing it hides it until newer evidence is
logged (see ``followup_actions``). Its id names the suggested stage: dismissing "mark as
Reference" does not hide a later "mark as Advocate".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .. import wording
from ..accomplishments import RECOMMENDATION_SOURCE
from ..contacts import Contact, Stage
from ..interactions import ENDORSEMENT_SOURCE, Direction, Interaction, InteractionKind
from ..network import Network
from .followup import FollowUp
from .network_index import NetworkIndex

STAGE_SUGGESTION = 'stage_suggestion'
ADVICE_WINDOW_DAYS = 180

_RANK = {stage: rank for rank, stage in enumerate(Stage)}
_ADVOCACY = (InteractionKind.REFERENCE_GIVEN, InteractionKind.INTRODUCTION_MADE)
_ASKING = (InteractionKind.ADVICE_ASKED, InteractionKind.FEEDBACK_ASKED)

_Counts = dict[InteractionKind, int]


def stage_suggestion_id(contact_id: str, stage: Stage) -> str:
    """The stable follow-up id of the suggestion to move a contact to ``stage``."""
    return f'{STAGE_SUGGESTION}:{contact_id}:{stage.value}'


def suggested_stage(followup: FollowUp) -> Stage | None:
    """The stage a stage-suggestion follow-up proposes, for the UI's "move" button.

    Args:
        followup: Any follow-up.

    Returns:
        The suggested stage, or None when ``followup`` is not a stage suggestion.
    """
    if followup.kind != STAGE_SUGGESTION:
        return None
    _, _, value = followup.id.rpartition(':')
    try:
        return Stage(value)
    except ValueError:
        return None


def stage_suggestion(network: Network, index: NetworkIndex, today: date) -> Iterator[FollowUp]:
    """Follow-up kind: suggest moving contacts whose interactions show they have moved.

    Args:
        network: Everything stored.
        index: The network indexed for ``today``.
        today: The day to compute for.

    Yields:
        At most one suggestion per contact: the furthest stage ahead the evidence supports.
    """
    # Only the interactions that can be evidence are looked at: a few percent of the log.
    evidence_by_contact = index.shared_groups(*_EVIDENCE_KINDS)
    memo = index.memo
    for contact in network.contacts:
        logged = evidence_by_contact.get(contact.id)
        if logged is None:
            continue
        if memo is None:
            yield from _suggest(contact, logged, today)
            continue
        source = f'{STAGE_SUGGESTION}:{contact.id}'
        made_from = (contact, today, *logged)
        made = memo.recall(source, made_from)
        if made is None:
            made = _suggest(contact, logged, today)
            memo.remember(source, made_from, made)
        yield from made


def _suggest(contact: Contact, logged: Sequence[Interaction], today: date) -> tuple[FollowUp, ...]:
    """The suggestion the evidence ``logged`` supports for ``contact``, if any."""
    counts: dict[InteractionKind, int] = {}
    for interaction in logged:
        counts[interaction.kind] = counts.get(interaction.kind, 0) + 1
    for stage, rule in _RULES:
        if _RANK[stage] <= _RANK[contact.stage]:
            break  # the rules are strongest first: the rest point back, or stay put
        evidence = rule(contact, logged, counts, today)
        if evidence is not None:
            return (_suggestion(contact, stage, evidence),)
    return ()


@dataclass(kw_only=True, slots=True)
class _Evidence:
    interactions: list[Interaction]
    title: str
    summary: str
    why: str


def _advocate(contact: Contact, logged: Sequence[Interaction], counts: _Counts, today: date) -> _Evidence | None:
    references = counts.get(InteractionKind.REFERENCE_GIVEN, 0)
    introductions = counts.get(InteractionKind.INTRODUCTION_MADE, 0)
    if not ((references >= 2 and introductions >= 1) or introductions >= 2):
        return (_loop_closed(contact, logged) if references else None) or _recommended(contact, logged)
    did = []
    if references:
        did.append(f'gave {wording.count_of(references, "reference")}')
    did.append(f'made {wording.count_of(introductions, "introduction")}')
    summary = f'{contact.name} {" and ".join(did)}'
    return _Evidence(
        interactions=[i for i in logged if i.kind in _ADVOCACY],
        title=f'{summary}: mark as Advocate?',
        summary=summary,
        why='Advocates vouch for you and open doors when you are not in the room.',
    )


def _loop_closed(contact: Contact, logged: Sequence[Interaction]) -> _Evidence | None:
    """A reference given, then a thank-you and news of how it went: the reference is becoming an advocate."""
    given = max(i.on for i in logged if i.kind is InteractionKind.REFERENCE_GIVEN)
    thanked = [i for i in logged if i.kind is InteractionKind.THANK_YOU and i.on >= given]
    told = [i for i in logged if i.kind is InteractionKind.UPDATE_SENT and i.on >= given]
    if not (thanked and told):
        return None
    reference = [i for i in logged if i.kind is InteractionKind.REFERENCE_GIVEN and i.on == given][:1]
    summary = f'{contact.name} gave you a reference, was thanked and heard how it went'
    return _Evidence(
        interactions=[*reference, thanked[-1], told[-1]],
        title=f'{summary}: mark as Advocate?',
        summary=summary,
        why='A reference you thank and keep informed of your successes is ready to champion you.',
    )


def _recommended(contact: Contact, logged: Sequence[Interaction]) -> _Evidence | None:
    """A recommendation they wrote you: someone who puts their praise in writing is vouching for you."""
    written = [i for i in logged if i.kind is InteractionKind.FEEDBACK_ASKED and i.source == RECOMMENDATION_SOURCE]
    if not written:
        return None
    summary = f'{contact.name} wrote you {wording.count_of(len(written), "recommendation")}'
    return _Evidence(
        interactions=written,
        title=f'{summary}: mark as Advocate?',
        summary=summary,
        why='A recommendation is a testimonial in their own words: they already vouch for you in public.',
    )


def _reference(contact: Contact, logged: Sequence[Interaction], counts: _Counts, today: date) -> _Evidence | None:
    references = counts.get(InteractionKind.REFERENCE_GIVEN, 0)
    if not references:
        return None
    summary = f'{contact.name} gave {wording.count_of(references, "reference")}'
    return _Evidence(
        interactions=[i for i in logged if i.kind is InteractionKind.REFERENCE_GIVEN],
        title=f'{summary}: mark as Reference?',
        summary=summary,
        why='References confirm your work when an employer asks.',
    )


def _potential_advocate(
    contact: Contact, logged: Sequence[Interaction], counts: _Counts, today: date
) -> _Evidence | None:
    if counts.get(InteractionKind.ADVICE_ASKED, 0) + counts.get(InteractionKind.FEEDBACK_ASKED, 0) < 2:
        return _endorsed(contact, logged)  # too few ever asked, whatever their dates
    since = today - timedelta(days=ADVICE_WINDOW_DAYS)
    recent = [i for i in logged if i.kind in _ASKING and i.on >= since]
    if len(recent) < 2:
        return _endorsed(contact, logged)
    advice = sum(1 for i in recent if i.kind is InteractionKind.ADVICE_ASKED)
    asked = ' and '.join(
        f'for {what} {wording.times(count)}'
        for what, count in (('advice', advice), ('feedback', len(recent) - advice))
        if count
    )
    return _Evidence(
        interactions=recent,
        title=f'You asked {contact.name} {asked}: mark as Potential advocate?',
        summary=f'You asked {contact.name} {asked} in the last {ADVICE_WINDOW_DAYS} days',
        why='People whose advice you seek, and who give it, are the ones likely to champion you.',
    )


def _endorsed(contact: Contact, logged: Sequence[Interaction]) -> _Evidence | None:
    """Endorsements they gave you on LinkedIn: someone who vouches for your skills in public."""
    endorsements = [i for i in logged if i.kind is InteractionKind.OTHER and i.source == ENDORSEMENT_SOURCE
                    and i.direction is Direction.RECEIVED]
    if not endorsements:
        return None
    summary = f'{contact.name} endorsed your skills on LinkedIn'
    if len(endorsements) > 1:
        summary += f' {wording.times(len(endorsements))}'
    return _Evidence(
        interactions=endorsements,
        title=f'{summary}: mark as Potential advocate?',
        summary=summary,
        why='Someone who vouches for your skills in public is likely to champion you.',
    )


_Rule = Callable[[Contact, Sequence[Interaction], _Counts, date], _Evidence | None]

# Strongest first: a contact with the evidence of an advocate is offered Advocate, not Reference.
_RULES: tuple[tuple[Stage, _Rule], ...] = (
    (Stage.ADVOCATE, _advocate),
    (Stage.REFERENCE, _reference),
    (Stage.POTENTIAL_ADVOCATE, _potential_advocate),
)
# OTHER for imported endorsements (the rule reads their source); reference requests' first steps are
# OTHER too, so a few more contacts are looked at, each in a few microseconds.
_EVIDENCE_KINDS = (*_ADVOCACY, *_ASKING, InteractionKind.THANK_YOU, InteractionKind.UPDATE_SENT, InteractionKind.OTHER)


def _suggestion(contact: Contact, stage: Stage, evidence: _Evidence) -> FollowUp:
    latest = max(evidence.interactions, key=lambda i: i.on)
    changed_at = contact.updated_at
    for interaction in evidence.interactions:
        if interaction.updated_at.timestamp() > changed_at.timestamp():
            changed_at = interaction.updated_at
    return FollowUp(
        id=stage_suggestion_id(contact.id, stage),
        kind=STAGE_SUGGESTION,
        due=latest.on,
        title=evidence.title,
        reason=(
            f'{evidence.summary}, the latest on {wording.day_label(latest.on)}. {evidence.why} '
            f'Now: {contact.stage.label}.'
        ),
        link=f'/contacts/{contact.id}',
        contact_id=contact.id,
        changed_at=changed_at,
    )
