"""The reference brief: what a reference needs to prepare before an employer calls.

The seed's advice: before listing someone, tell them about the position, so they have time to
prepare and are comfortable speaking for you. The brief puts the position, the questions the
employer will probably ask, the accomplishments this person saw you do, your talking points
and the key dates on one page, as text to copy or send.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from . import wording
from .accomplishments import Accomplishment
from .applications import Application, ApplicationStage
from .contacts import Contact, Role
from .reference_requests import ReferenceRequest

MAX_OTHER_ACCOMPLISHMENTS = 5

_WORD = re.compile(r'[\w+#-]+')

_QUESTIONS = {
    Role.SUPERVISOR: (
        'How long did you manage them, and in what role?',
        'What were their biggest contributions to the team?',
        'Where did they grow the most while you worked together?',
        'Would you hire them again?',
    ),
    Role.MENTOR: (
        'How do you know them, and for how long?',
        'What have you seen them learn quickly?',
        'What kind of role do you see them thriving in?',
    ),
    Role.CLIENT: (
        'What did they deliver for you, and what changed because of it?',
        'How did they handle changing requirements or pressure?',
        'Would you work with them again?',
    ),
}
_DEFAULT_QUESTIONS = (
    'How do you know them, and for how long did you work together?',
    'What did they do particularly well?',
    'How do they work with others, and under pressure?',
    'Is there anything they could develop further?',
)


@dataclass(kw_only=True, slots=True, frozen=True)
class ReferenceBrief:
    """Everything a reference needs for one application."""

    reference: Contact
    application: Application
    questions: tuple[str, ...]
    witnessed: tuple[Accomplishment, ...]
    other_relevant: tuple[Accomplishment, ...]
    talking_points: str
    key_dates: tuple[tuple[str, date], ...]

    @property
    def subject(self) -> str:
        """A subject line for the e-mail."""
        return f'Reference for {self.application.position} at {self.application.company}'


def build_brief(request: ReferenceRequest, reference: Contact, application: Application,
                accomplishments: Sequence[Accomplishment], today: date) -> ReferenceBrief:
    """Assemble the brief: the accomplishments the reference witnessed first, then others relevant by tag.

    "Relevant" means sharing a tag with what the reference witnessed, or a tag that appears in the
    position or the application notes; newest first, at most ``MAX_OTHER_ACCOMPLISHMENTS``.
    """
    witnessed = sorted((a for a in accomplishments if reference.id in a.witness_ids), key=_newest_first)
    wanted_tags = {tag for a in witnessed for tag in a.tags}
    words = set(_WORD.findall(f'{application.position} {application.notes}'.casefold()))
    others = [
        a for a in accomplishments
        if reference.id not in a.witness_ids and (wanted_tags.intersection(a.tags) or _mentioned(a.tags, words))
    ]
    others.sort(key=_newest_first)
    return ReferenceBrief(
        reference=reference,
        application=application,
        questions=_QUESTIONS.get(reference.role, _DEFAULT_QUESTIONS),
        witnessed=tuple(witnessed),
        other_relevant=tuple(others[:MAX_OTHER_ACCOMPLISHMENTS]),
        talking_points=request.talking_points,
        key_dates=_key_dates(application, today),
    )


def brief_text(brief: ReferenceBrief, your_name: str = '', signature: str = '') -> str:
    """The brief as plain text, ready to paste into an e-mail, signed with the name and signature."""
    app = brief.application
    first_name = brief.reference.name.split()[0]
    lines = [f'Hi {first_name},', '',
             f'Thank you for agreeing to be a reference for me. Here is what you may want to know about '
             f'the {app.position} role at {app.company}.']
    if app.job_url:
        lines += ['', f'The job: {app.job_url}']
    if brief.key_dates:
        lines += ['', 'Key dates:'] + [f'- {label}: {wording.day_label(day)}' for label, day in brief.key_dates]
    lines += ['', 'What they will probably ask:'] + [f'- {question}' for question in brief.questions]
    if brief.witnessed:
        lines += ['', 'Work you saw first-hand, in case it helps:'] + [_line(a) for a in brief.witnessed]
    if brief.other_relevant:
        lines += ['', 'Other results relevant to this role:'] + [_line(a) for a in brief.other_relevant]
    if brief.talking_points.strip():
        lines += ['', 'What I hope comes across:', brief.talking_points.strip()]
    lines += ['', 'Thank you again. I will let you know how it goes.']
    if your_name.strip():
        lines += ['', your_name.strip()]
    if signature.strip():
        lines += ['', signature.strip()]
    return '\n'.join(lines)


def mailto_link(brief: ReferenceBrief, body: str) -> str:
    """A ``mailto:`` URL addressed to the reference (their first e-mail, if any)."""
    to = quote(brief.reference.primary_email, safe='@')
    return f'mailto:{to}?subject={quote(brief.subject)}&body={quote(body)}'


def _mentioned(tags: Sequence[str], words: set[str]) -> bool:
    # A tag of several words ("public speaking") counts when the text has all of them.
    return any(parts and parts <= words for parts in (set(_WORD.findall(tag)) for tag in tags))


def _line(accomplishment: Accomplishment) -> str:
    metric = f' ({accomplishment.metric.describe()})' if accomplishment.metric else ''
    return f'- {accomplishment.title}{metric}, {wording.day_label(accomplishment.on)}'


def _key_dates(application: Application, today: date) -> tuple[tuple[str, date], ...]:
    dates: list[tuple[str, date]] = []
    applied = [c.on for c in application.stage_history if c.stage is ApplicationStage.APPLIED]
    if applied:
        dates.append(('Applied', min(applied)))
    dates += [('Interview', day) for day in application.interview_dates if day >= today]
    return tuple(dates)


def _newest_first(accomplishment: Accomplishment) -> tuple[int, str]:
    return -accomplishment.on.toordinal(), accomplishment.title
