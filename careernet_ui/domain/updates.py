"""Keeping advocates informed: a short update per person, drafted from an accomplishment.

The draft uses the user's own words (title, result, what they did) and a personal line the user
edits; the app never invents claims. It is plain text, for the clipboard or a ``mailto:`` link.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from .accomplishments import Accomplishment, period_label
from .contact_search import fold
from .contacts import Contact, Stage

SUMMARY_LIMIT = 600
"""Characters of "what you did" an update carries: it is a short note, not the whole record."""

WITNESS_LINE = 'You saw this work first-hand, so I wanted you to hear how it turned out.'
PERSONAL_LINE = 'I hope you are well. I wanted to share some recent news from my work with you.'


@dataclass(kw_only=True, slots=True, frozen=True)
class UpdateDraft:
    """One person's update, ready to copy or open in the user's e-mail program."""

    contact_id: str
    to: str
    subject: str
    body: str

    @property
    def text(self) -> str:
        """Subject and body as one text, for the clipboard."""
        return f'Subject: {self.subject}\n\n{self.body}'

    @property
    def mailto(self) -> str:
        """A ``mailto:`` URL with the subject and body filled in (RFC 6068: CRLF line breaks, all encoded)."""
        body = self.body.replace('\r\n', '\n').replace('\n', '\r\n')
        return f'mailto:{quote(self.to, safe="@")}?subject={quote(self.subject, safe="")}&body={quote(body, safe="")}'


def update_recipients(contacts: Iterable[Contact], accomplishment: Accomplishment, *,
                      include_references: bool = False) -> list[Contact]:
    """Who to tell: the advocates (and, if asked, the references), witnesses of the work first.

    Args:
        contacts: Everyone in the network.
        accomplishment: What to tell them about.
        include_references: Also list contacts at the Reference stage.

    Returns:
        The people, witnesses first, then by name.
    """
    stages = {Stage.ADVOCATE, Stage.REFERENCE} if include_references else {Stage.ADVOCATE}
    witnesses = set(accomplishment.witness_ids)
    chosen = [contact for contact in contacts if contact.stage in stages]
    chosen.sort(key=lambda c: (c.id not in witnesses, fold(c.name), c.id))
    return chosen


def personal_line(accomplishment: Accomplishment, contact: Contact) -> str:
    """The personal line a draft starts with, for the user to rewrite in their own voice."""
    return WITNESS_LINE if contact.id in accomplishment.witness_ids else PERSONAL_LINE


def sign_off(own_name: str, signature: str) -> str:
    """How a draft ends: the user's name, then their e-mail signature (either may be empty)."""
    return '\n\n'.join(part.strip() for part in (own_name, signature) if part.strip())


def draft_update(accomplishment: Accomplishment, contact: Contact, personal: str, signed: str = '') -> UpdateDraft:
    """Draft the update telling ``contact`` about ``accomplishment``.

    Args:
        accomplishment: What happened, in the user's words.
        contact: Who the update is for; greeted by first name, addressed to their first e-mail.
        personal: The user's personal line (may be empty).
        signed: The sign-off under the thank-you (``sign_off``; may be empty).

    Returns:
        The draft: subject "Update: <title>", a greeting, the personal line, the title and when,
        the result, what the user did (first paragraph, shortened to ``SUMMARY_LIMIT``), the
        context, and a thank-you.
    """
    first_name = contact.name.split()[0]
    lines = [f'Hi {first_name},', '']
    if personal.strip():
        lines += [personal.strip(), '']
    lines.append(f'{accomplishment.title} ({period_label(accomplishment)}).')
    if accomplishment.metric is not None:
        lines.append(f'The result: {accomplishment.metric.describe()}.')
    summary = _summary(accomplishment.description)
    if summary:
        lines.append(f'What I did: {summary}')
    context = ' · '.join(part for part in (accomplishment.role, accomplishment.project, accomplishment.organisation)
                         if part)
    if context:
        lines.append(f'Context: {context}')
    lines += ['', 'Thank you for your support; it means a lot.']
    if signed.strip():
        lines += ['', signed.strip()]
    return UpdateDraft(contact_id=contact.id, to=contact.primary_email,
                       subject=f'Update: {accomplishment.title}', body='\n'.join(lines))


def share_note(accomplishment: Accomplishment) -> str:
    """The note on the "update sent" interaction logged when an update goes out."""
    return f'Shared "{accomplishment.title}"'



def _summary(description: str) -> str:
    paragraph = ' '.join(description.strip().split('\n\n', 1)[0].split())
    if len(paragraph) <= SUMMARY_LIMIT:
        return paragraph
    cut = paragraph[:SUMMARY_LIMIT].rsplit(' ', 1)[0]
    return f'{cut}…'
