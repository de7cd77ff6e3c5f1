"""Badges for where an application and a reference request stand."""

from __future__ import annotations

from careernet_ui.domain import ApplicationStage, RequestStatus

from .badges import Badge

APPLICATION_COLORS = {
    ApplicationStage.INTERESTED: 'grey-7',
    ApplicationStage.APPLIED: 'blue',
    ApplicationStage.INTERVIEWING: 'indigo',
    ApplicationStage.OFFER: 'amber-9',
    ApplicationStage.ACCEPTED: 'positive',
    ApplicationStage.REJECTED: 'negative',
    ApplicationStage.WITHDRAWN: 'grey-6',
}
REQUEST_COLORS = {
    RequestStatus.ASKED: 'grey-7',
    RequestStatus.AGREED: 'teal',
    RequestStatus.DECLINED: 'grey-6',
    RequestStatus.BRIEFED: 'blue',
    RequestStatus.EMPLOYER_CONTACTED: 'indigo',
    RequestStatus.THANKED: 'deep-orange',
    RequestStatus.OUTCOME_SHARED: 'positive',
}


def application_stage_badge(stage: ApplicationStage) -> Badge:
    """A coloured badge naming the application's stage."""
    return Badge(stage.label, APPLICATION_COLORS[stage])


def request_status_badge(status: RequestStatus) -> Badge:
    """A coloured badge naming the reference request's status."""
    return Badge(status.label, REQUEST_COLORS[status])
