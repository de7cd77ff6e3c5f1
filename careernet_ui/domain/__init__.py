"""CareerNet's domain: plain dataclasses and pure rules. No NiceGUI, no TinyDB."""

from .accomplishments import Accomplishment, Feedback, Metric, Share
from .applications import (
    Application,
    ApplicationStage,
    ApplicationStageChange,
    Introduction,
    ReferenceRequest,
    RequestStatus,
    RequestStep,
)
from .contacts import Contact, ReferenceConsent, Role, Stage, StageChange
from .engine import due_follow_ups
from .errors import CareerNetError, NotFoundError, TransitionError, ValidationError
from .followup_actions import dismiss, mark_done, snooze
from .followups import FollowUp, FollowUpState, FollowUpStatus
from .interactions import Interaction, InteractionKind
from .network import Network
from .records import Record, new_id, utc_now
from .settings import Settings
from .stage_suggestions import suggested_stage

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
