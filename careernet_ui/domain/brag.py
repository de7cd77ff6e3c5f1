"""The brag document: accomplishments as Markdown, for a CV, a review or an interview.

Everything the user typed is escaped, so a title like ``*Q3* <launch> #1`` renders as those
characters, never as emphasis, HTML or a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from itertools import groupby

from . import wording
from .accomplishments import Accomplishment, period_label
from .contacts import Contact
from .feedback import Feedback

# Characters that mean something anywhere in a line (CommonMark and GitHub's tables/strikethrough);
# '#' too, since a heading ending in " #" would lose it as a closing sequence; '&' only where it
# starts an entity ("&amp;"), so "R&D" stays readable.
_INLINE = re.compile(r'([\\`*_\[\]<>|~#]|&(?=#?\w+;))')
# What makes a line a heading, quote, list item, rule or setext underline when it starts one.
_LINE_START = re.compile(r'^(\s*)(#|>|[-+=]|\d+[.)])')
_URL = re.compile(r'^https?://[^\s<>]+$', re.IGNORECASE)


def brag_markdown(
    accomplishments: Iterable[Accomplishment],
    contacts: Mapping[str, Contact],
    today: date,
    *,
    feedback: Iterable[Feedback] = (),
    heading: str = 'Accomplishments',
) -> str:
    """The accomplishments as one Markdown document, grouped by year, newest first.

    Args:
        accomplishments: The ones to include (all, or the ones a filter kept).
        contacts: Contacts by id, to name the witnesses and the people quoted.
        today: The export date, named under the heading.
        feedback: Feedback entries; received ones linked to an included accomplishment are quoted.
        heading: The document's title.

    Returns:
        The document, ending with a newline. Witnesses no longer in ``contacts`` are left out.
    """
    ordered = sorted(accomplishments, key=lambda a: (a.until or a.on, a.on, a.title, a.id), reverse=True)
    quotes = _quotes(feedback, {a.id for a in ordered}, contacts)
    lines = [f'# {_inline(heading)}', '', f'_Exported {wording.day_label(today)}: '
             f'{wording.count_of(len(ordered), "accomplishment")}._', '']
    if not ordered:
        lines += ['Nothing to show yet: log what you achieved, with a number and who saw it.', '']
    for year, group in groupby(ordered, key=lambda a: (a.until or a.on).year):
        lines += [f'## {year}', '']
        for accomplishment in group:
            lines += _entry(accomplishment, contacts, quotes.get(accomplishment.id, []))
    return '\n'.join(lines).rstrip('\n') + '\n'


def escape(text: str) -> str:
    """``text`` as Markdown that renders as exactly that text, on one or more lines."""
    return '\n'.join(_escape_line(line) for line in text.splitlines())


def _inline(text: str) -> str:
    # Headings, list items and labels are one line: a stray line break would end them early.
    return _escape_line(' '.join(text.split()))


def _escape_line(line: str) -> str:
    # Leading spaces would make an indented code block; a leading "1." or "-" a list.
    line = _INLINE.sub(r'\\\1', line.strip())
    return _LINE_START.sub(lambda m: f'{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}', line)


def _entry(accomplishment: Accomplishment, contacts: Mapping[str, Contact], quotes: list[str]) -> list[str]:
    lines = [f'### {_inline(accomplishment.title)}', '']
    context = ' · '.join(_inline(part) for part in (accomplishment.role, accomplishment.project,
                                                   accomplishment.organisation) if part)
    lines.append(f'**{period_label(accomplishment)}**' + (f' · {context}' if context else ''))
    lines.append('')
    if accomplishment.metric is not None:
        lines += [f'**Result:** {_inline(accomplishment.metric.describe())}', '']
    if accomplishment.description:
        lines += [escape(accomplishment.description), '']
    details = []
    names = [contacts[w].name for w in accomplishment.witness_ids if w in contacts]
    if names:
        details.append(f'**Witnesses:** {_inline(", ".join(names))}')
    if accomplishment.tags:
        details.append(f'**Tags:** {_inline(", ".join(accomplishment.tags))}')
    if accomplishment.evidence_url:
        url = accomplishment.evidence_url
        details.append(f'**Evidence:** {f"<{url}>" if _URL.match(url) else _inline(url)}')
    if details:
        # Two trailing spaces: a hard line break, so the details stay on separate lines.
        lines += ['  \n'.join(details), '']
    lines += quotes
    return lines


def _quotes(feedback: Iterable[Feedback], included: set[str], contacts: Mapping[str, Contact]) -> dict[str, list[str]]:
    """Block quotes of received feedback, by the accomplishment each is linked to, oldest first."""
    quotes: dict[str, list[str]] = {}
    for entry in sorted(feedback, key=lambda f: (f.received_on or date.min, f.id)):
        if entry.received_on is None or not entry.text:
            continue
        linked = [a for a in entry.accomplishment_ids if a in included]
        if not linked:
            continue
        said = [f'> {line}' if line else '>' for line in escape(entry.text).split('\n')]
        person = contacts.get(entry.contact_id)
        who = f'{_inline(person.name)}, ' if person else ''
        block = [*said, '>', f'> — {who}{wording.day_label(entry.received_on)}', '']
        for accomplishment_id in linked:
            quotes.setdefault(accomplishment_id, []).extend(block)
    return quotes

