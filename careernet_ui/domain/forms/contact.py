"""The add/edit contact form: strings as typed, to and from a ``Contact``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..contacts import Contact, ReferenceConsent, Role, Stage, move_to_stage, new_contact
from ..errors import ValidationError
from .fields import parse_date, parse_int, split_list


@dataclass(kw_only=True, slots=True)
class ContactForm:
    """What the contact dialog holds; every field is the text in its input."""

    name: str = ''
    role: str = Role.OTHER.value
    stage: str = Stage.CONTACT.value
    organisation: str = ''
    title: str = ''
    emails: str = ''
    phones: str = ''
    links: str = ''
    tags: str = ''
    how_we_met: str = ''
    notes: str = ''
    cadence_days: str = ''
    consent_given_on: str = ''
    consent_expires_on: str = ''
    stage_note: str = ''

    @classmethod
    def from_contact(cls, contact: Contact) -> ContactForm:
        """The form pre-filled for editing ``contact``."""
        consent = contact.consent
        return cls(
            name=contact.name,
            role=contact.role.value,
            stage=contact.stage.value,
            organisation=contact.organisation,
            title=contact.title,
            emails=', '.join(contact.emails),
            phones=', '.join(contact.phones),
            links='\n'.join(contact.links),
            tags=', '.join(contact.tags),
            how_we_met=contact.how_we_met,
            notes=contact.notes,
            cadence_days='' if contact.cadence_days is None else str(contact.cadence_days),
            consent_given_on=consent.given_on.isoformat() if consent else '',
            consent_expires_on=consent.expires_on.isoformat() if consent and consent.expires_on else '',
        )

    def to_contact(self, existing: Contact | None, today: date) -> Contact:
        """Validate the form and build the contact to store.

        A new contact's history starts at its stage today; an edit that changes the stage
        records a dated move with the form's stage note.

        Raises:
            ValidationError: with ``field`` naming the form field to fix.
        """
        fields = {
            'name': self.name,
            'role': self.role,
            'organisation': self.organisation,
            'title': self.title,
            'emails': split_list(self.emails),
            'phones': split_list(self.phones),
            'links': [line.strip() for line in self.links.splitlines() if line.strip()],
            'tags': split_list(self.tags),
            'how_we_met': self.how_we_met,
            'notes': self.notes,
            'cadence_days': parse_int(self.cadence_days, 'cadence_days', 'Keep-in-touch cadence'),
            'consent': self._consent(existing, today),
        }
        if existing is None:
            return new_contact(on=today, stage=self.stage, **fields)
        updated = replace(existing, **fields)  # type: ignore[arg-type]
        return move_to_stage(updated, self.stage, today, self.stage_note)

    def _consent(self, existing: Contact | None, today: date) -> ReferenceConsent | None:
        given = parse_date(self.consent_given_on, 'consent_given_on', 'Consent given on')
        expires = parse_date(self.consent_expires_on, 'consent_expires_on', 'Consent expires on')
        if given is None:
            if expires is not None:
                raise ValidationError('Give the date consent was given as well as when it expires.',
                                      field='consent_given_on')
            return None
        before = existing.consent.given_on if existing is not None and existing.consent is not None else None
        if given > today and given != before:
            raise ValidationError(f'Consent given on {given.isoformat()} is in the future: record it once they '
                                  'have said yes.', field='consent_given_on')
        return ReferenceConsent(given_on=given, expires_on=expires)
