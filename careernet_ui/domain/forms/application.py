"""The add/edit application form: strings as typed, to and from an ``Application``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from .. import validation as v
from ..applications import Application, ApplicationStage, ApplicationStageChange
from ..errors import ValidationError
from ..links import is_web_address
from ..references import move_application
from .fields import parse_date, split_list

SOURCE_SUGGESTIONS = ('Job board', 'Company website', 'Recruiter', 'Introduction', 'Referral', 'Event')
"""What the source field offers; the user may type anything else."""


@dataclass(kw_only=True, slots=True)
class ApplicationForm:
    """What the application dialog holds: the text in each input, and the introducing contact's id."""

    company: str = ''
    position: str = ''
    job_url: str = ''
    source: str = ''
    introduced_by: str | None = None
    stage: str = ApplicationStage.INTERESTED.value
    stage_on: str = ''
    interview_dates: str = ''
    notes: str = ''

    @classmethod
    def from_application(cls, application: Application) -> ApplicationForm:
        """The form pre-filled for editing ``application`` (a stage change would be dated today)."""
        return cls(
            company=application.company,
            position=application.position,
            job_url=application.job_url,
            source=application.source,
            introduced_by=application.introduced_by,
            stage=application.stage.value,
            interview_dates=', '.join(day.isoformat() for day in application.interview_dates),
            notes=application.notes,
        )

    def to_application(self, existing: Application | None, today: date, *,
                       is_contact: Callable[[str], bool]) -> Application:
        """Validate the form and build the application to store.

        A new application's stage history starts with its stage on ``stage_on`` (today when
        empty); an edit that changes the stage records a dated move.

        Args:
            existing: The application being edited, or None for a new one.
            today: The user's today; stage dates may not be after it.
            is_contact: Whether an id names a stored contact (for "introduced by").

        Raises:
            ValidationError: with ``field`` naming the form field to fix.
        """
        stage = v.member(self.stage, ApplicationStage, 'stage', 'application stage')
        stage_on = parse_date(self.stage_on, 'stage_on', 'Stage date') or today
        v.not_after(stage_on, today, 'stage_on', 'Stage date')
        introduced_by = self.introduced_by or None
        if introduced_by is not None and not is_contact(introduced_by):
            raise ValidationError('The person who introduced you is no longer among your contacts; choose again.',
                                  field='introduced_by')
        fields = {
            'company': self.company,
            'position': self.position,
            'job_url': self._job_url(),
            'source': self.source,
            'introduced_by': introduced_by,
            'interview_dates': self._interview_dates(),
            'notes': self.notes,
        }
        if existing is None:
            return Application(stage=stage, stage_history=(ApplicationStageChange(on=stage_on, stage=stage),),
                               **fields)  # type: ignore[arg-type]
        # replace() runs the dataclass's checks on the edited fields before the move is recorded.
        return move_application(replace(existing, **fields), stage, stage_on, today)  # type: ignore[arg-type]

    def _job_url(self) -> str:
        url = self.job_url.strip()
        if url and not is_web_address(url):
            raise ValidationError(f'The job link "{url[:80]}" must be a web address starting with https:// or '
                                  'http://.', field='job_url')
        return url

    def _interview_dates(self) -> list[date]:
        days = (parse_date(text, 'interview_dates', 'Interview date') for text in split_list(self.interview_dates))
        return [day for day in days if day is not None]

