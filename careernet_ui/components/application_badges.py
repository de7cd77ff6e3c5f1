"""Badges for where an application and a reference request stand."""

from __future__ import annotations

from careernet_ui.domain import ApplicationStage, RequestStatus

from .badges import Badge

APPLICATION_COLORS = {
    ApplicationStage.INTERESTED: 'grey-7',
    ApplicationStage.APPLIED: 'blue-9',
    ApplicationStage.INTERVIEWING: 'indigo-8',
    ApplicationStage.OFFER: 'purple-8',
    ApplicationStage.ACCEPTED: 'green-9',
    ApplicationStage.REJECTED: 'negative',
    ApplicationStage.WITHDRAWN: 'grey-8',
}
REQUEST_COLORS = {
    RequestStatus.ASKED: 'grey-7',
    RequestStatus.AGREED: 'teal-9',
    RequestStatus.DECLINED: 'grey-8',
    RequestStatus.BRIEFED: 'blue-9',
    RequestStatus.EMPLOYER_CONTACTED: 'indigo-8',
    RequestStatus.THANKED: 'deep-orange-10',
    RequestStatus.OUTCOME_SHARED: 'green-9',
}


def application_stage_badge(stage: ApplicationStage) -> Badge:
    """A coloured badge naming the application's stage."""
    return Badge(stage.label, APPLICATION_COLORS[stage])


def request_status_badge(status: RequestStatus) -> Badge:
    """A coloured badge naming the reference request's status."""
    return Badge(status.label, REQUEST_COLORS[status])
