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
from .errors import CareerNetError, NotFoundError, TransitionError, ValidationError
from .followups import FollowUp, FollowUpState, FollowUpStatus
from .interactions import Interaction, InteractionKind
from .network import Network
from .records import Record, new_id, utc_now
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
    'new_id',
    'utc_now',
]
