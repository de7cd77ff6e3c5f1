"""CareerNet's domain: plain dataclasses and pure rules. No NiceGUI, no TinyDB.

Where things live: each record in the module named after it (``contacts``, ``interactions``,
``accomplishments``, ``feedback``, ``applications``, ``reference_requests``, ``introductions``,
``settings``), with the rules about it; ``followups/`` for every reminder the app raises (the
engine, its kinds, the user's decisions); ``forms/`` for turning typed text into records;
``validation``, ``wording`` and ``errors`` are shared by all. The calendar's own rules live with
the calendar feature, in ``careernet_ui/calendar/``.
"""

from .accomplishments import Accomplishment, Metric, Share
from .applications import Application, ApplicationStage, ApplicationStageChange
from .contacts import Contact, ReferenceConsent, Role, Stage, StageChange
from .errors import CareerNetError, NotFoundError, TransitionError, ValidationError
from .feedback import Feedback
from .followups.actions import dismiss, mark_done, snooze
from .followups.engine import due_follow_ups
from .followups.followup import FollowUp, FollowUpState, FollowUpStatus
from .followups.stage_suggestion import suggested_stage
from .interactions import Interaction, InteractionKind
from .introductions import Introduction
from .network import Network
from .records import Record, new_id, utc_now
from .reference_requests import ReferenceRequest, RequestStatus, RequestStep
from .settings import Settings

__all__ = [
    'Accomplishment',
    'Application',
    'ApplicationStage',
    'ApplicationStageChange',
    'CareerNetError',
    'Contact',
    'Feedback',
    'FollowUp',
    'FollowUpState',
    'FollowUpStatus',
    'Interaction',
    'InteractionKind',
    'Introduction',
    'Metric',
    'Network',
    'NotFoundError',
    'Record',
    'ReferenceConsent',
    'ReferenceRequest',
    'RequestStatus',
    'RequestStep',
    'Role',
    'Settings',
    'Share',
    'Stage',
    'StageChange',
    'TransitionError',
    'ValidationError',
    'dismiss',
    'due_follow_ups',
    'mark_done',
    'new_id',
    'snooze',
    'suggested_stage',
    'utc_now',
]
