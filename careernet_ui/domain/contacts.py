"""People in the user's network, their role, and where each relationship stands."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from . import validation as v
from .errors import ValidationError
from .records import Record

_set = object.__setattr__  # how a frozen record normalises its fields in __post_init__


class Role(StrEnum):
    """How the user knows a person professionally."""

    SUPERVISOR = 'supervisor'
    COLLEAGUE = 'colleague'
    MENTOR = 'mentor'
    CLIENT = 'client'
    PEER = 'peer'
    RECRUITER = 'recruiter'
    OTHER = 'other'

    @property
    def label(self) -> str:
        """The role as shown to a person."""
        return self.value.capitalize()


class Stage(StrEnum):
    """The relationship pipeline, from first contact to champion."""

    CONTACT = 'contact'
    POTENTIAL_ADVOCATE = 'potential_advocate'
    REFERENCE = 'reference'
    ADVOCATE = 'advocate'

    @property
    def label(self) -> str:
        """The stage as shown to a person."""
        return self.value.replace('_', ' ').capitalize()


@dataclass(frozen=True, kw_only=True, slots=True)
class StageChange:
    """One dated move in the pipeline. ``from_stage`` is None for the first entry."""

    on: date
    to_stage: Stage
    from_stage: Stage | None = None
    note: str = ''

    def __post_init__(self) -> None:
        if not self._is_normal():  # as stored, nearly always: then nothing to check field by field
            self._normalise()

    def _is_normal(self) -> bool:
        """Whether the record is valid and in normal form: ``_normalise`` would keep it as it is."""
        return (v.is_sane_date(self.on) and self.to_stage.__class__ is Stage
                and (self.from_stage is None or self.from_stage.__class__ is Stage)
                and v.is_plain(self.note, v.MAX_LINE))

    def _normalise(self) -> None:
        v.sane_date(self.on, 'on', 'Stage change date')
        _set(self, 'to_stage', v.member(self.to_stage, Stage, 'stage', 'stage'))
        if self.from_stage is not None:
            _set(self, 'from_stage', v.member(self.from_stage, Stage, 'stage', 'stage'))
        _set(self, 'note', v.optional_text(self.note, 'note', 'Note', limit=v.MAX_LINE))


@dataclass(frozen=True, kw_only=True, slots=True)
class ReferenceConsent:
    """The person said "you may list me as a reference", optionally until a date."""

    given_on: date
    expires_on: date | None = None
    note: str = ''

    def __post_init__(self) -> None:
        v.sane_date(self.given_on, 'consent_given_on', 'Consent date')
        v.sane_date(self.expires_on, 'consent_expires_on', 'Consent expiry')
        if self.expires_on is not None and self.expires_on < self.given_on:
            raise ValidationError(
                f'Consent expires on {self.expires_on.isoformat()}, before it was given '
                f'on {self.given_on.isoformat()}.',
                field='consent_expires_on',
            )
        _set(self, 'note', v.optional_text(self.note, 'consent_note', 'Consent note'))

    def valid_on(self, day: date) -> bool:
        """Whether the consent covers ``day``."""
        return self.given_on <= day and (self.expires_on is None or day <= self.expires_on)


@dataclass(frozen=True, kw_only=True, slots=True)
class Contact(Record):
    """A person in the user's professional network."""

    name: str
    role: Role = Role.OTHER
    organisation: str = ''
    title: str = ''
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    how_we_met: str = ''
    tags: tuple[str, ...] = ()
    notes: str = ''
    stage: Stage = Stage.CONTACT
    stage_history: tuple[StageChange, ...] = ()
    cadence_days: int | None = None
    consent: ReferenceConsent | None = None
    connected_on: date | None = None
    source: str = ''
    import_id: str = ''  # the archive import that added this contact (undoing it removes the contact)

    def __post_init__(self) -> None:
        if not self._is_normal():  # as stored, nearly always: then nothing to check field by field
            self._normalise()

    def _is_normal(self) -> bool:
        """Whether the record is valid and in normal form: ``_normalise`` would keep it as it is."""
        cadence = self.cadence_days
        return (v.is_stamped(self) and self.name != '' and v.is_plain(self.name, v.MAX_NAME)
                and self.role.__class__ is Role and self.stage.__class__ is Stage
                and v.is_plain(self.organisation, v.MAX_NAME) and v.is_plain(self.title, v.MAX_NAME)
                and v.is_email_list(self.emails) and v.is_plain_list(self.phones, 60)
                and v.is_plain_list(self.links, 2000) and v.is_tag_list(self.tags)
                and v.is_plain(self.how_we_met, v.MAX_TEXT) and v.is_plain(self.notes, v.MAX_TEXT)
                and self.stage_history.__class__ is tuple
                and (cadence is None or (cadence.__class__ is int and 1 <= cadence <= 3650))
                and (self.connected_on is None or v.is_sane_date(self.connected_on)) and v.is_plain(self.source, 60))

    def _normalise(self) -> None:
        v.stamps(self)
        _set(self, 'name', v.required_text(self.name, 'name', 'Name'))
        _set(self, 'role', v.member(self.role, Role, 'role', 'role'))
        _set(self, 'organisation', v.optional_text(self.organisation, 'organisation', 'Organisation', limit=v.MAX_NAME))
        _set(self, 'title', v.optional_text(self.title, 'title', 'Title', limit=v.MAX_NAME))
        _set(self, 'emails', v.email_list(self.emails))
        _set(self, 'phones', v.text_list(self.phones, 'phones', 'Phone', limit=60))
        _set(self, 'links', v.text_list(self.links, 'links', 'Link', limit=2000))
        _set(self, 'how_we_met', v.optional_text(self.how_we_met, 'how_we_met', 'How you met', limit=v.MAX_TEXT))
        _set(self, 'tags', v.tag_list(self.tags))
        _set(self, 'notes', v.optional_text(self.notes, 'notes', 'Notes', limit=v.MAX_TEXT))
        _set(self, 'stage', v.member(self.stage, Stage, 'stage', 'stage'))
        _set(self, 'stage_history', tuple(self.stage_history))
        _set(self, 'cadence_days', v.positive_days(self.cadence_days, 'cadence_days', 'Keep-in-touch cadence'))
        v.sane_date(self.connected_on, 'connected_on', 'Connected on')
        _set(self, 'source', v.optional_text(self.source, 'source', 'Source', limit=60))

    @property
    def primary_email(self) -> str:
        """The first e-mail address, or an empty string."""
        return self.emails[0] if self.emails else ''

    def has_consent_on(self, day: date) -> bool:
        """Whether the person agreed to be listed as a reference on ``day``."""
        return self.consent is not None and self.consent.valid_on(day)

    def agreed_to_be_a_reference(self, on: date) -> Contact | None:
        """This contact with consent to be listed from ``on``; None when a valid consent already covers it.

        Agreeing to be a reference for an application is consent to be listed.
        """
        if self.has_consent_on(on):
            return None
        return dataclasses.replace(self, consent=ReferenceConsent(given_on=on, note='Agreed to be a reference.'))


def move_to_stage(contact: Contact, stage: Stage | str, on: date, note: str = '') -> Contact:
    """The contact moved to ``stage`` on ``on``: a new Contact with the move in its history.

    Moving to the stage it is already in changes nothing and returns the contact as is.
    """
    target = v.member(stage, Stage, 'stage', 'stage')
    if target is contact.stage:
        return contact
    change = StageChange(on=on, to_stage=target, from_stage=contact.stage, note=note)
    return replace(contact, stage=target, stage_history=(*contact.stage_history, change))


def note_last_move(contact: Contact, note: str) -> Contact:
    """The contact with ``note`` (why) on its latest stage move: for a move made without one (a drag).

    Raises:
        ValidationError: the contact has never moved, or the note is too long.
    """
    if len(contact.stage_history) < 2 or contact.stage_history[-1].from_stage is None:
        raise ValidationError(f'{contact.name} has not moved along the pipeline yet: nothing to note.', field='note')
    last = replace(contact.stage_history[-1], note=note)
    return replace(contact, stage_history=(*contact.stage_history[:-1], last))


def new_contact(*, on: date, **fields: object) -> Contact:
    """A new Contact whose stage history starts with its initial stage on ``on``."""
    contact = Contact(**fields)  # type: ignore[arg-type]
    return replace(contact, stage_history=(StageChange(on=on, to_stage=contact.stage),))
