"""What an advocate's introductions led to."""

from __future__ import annotations

from datetime import date

from careernet_ui.domain import Application, ApplicationStage, ApplicationStageChange, Introduction
from careernet_ui.domain.introductions import Reached, doors_opened


def app(app_id: str, *stages: ApplicationStage, introduced_by: str | None = None) -> Application:
    history = [ApplicationStageChange(on=date(2026, 10, n + 1), stage=s) for n, s in enumerate(stages)]
    return Application(id=app_id, company=f'Co {app_id}', position='Engineer', stage=stages[-1],
                       stage_history=tuple(history), introduced_by=introduced_by)


def test_each_introduction_shows_how_far_it_got() -> None:
    intros = [
        Introduction(id='i1', advocate_id='ada', on=date(2026, 9, 1), to_whom='Globex', application_id='a1'),
        Introduction(id='i2', advocate_id='ada', on=date(2026, 9, 5), to_whom='A founder'),
        Introduction(id='i3', advocate_id='bob', on=date(2026, 9, 9), to_whom='Hooli', application_id='a2'),
    ]
    apps = [app('a1', ApplicationStage.APPLIED, ApplicationStage.INTERVIEWING, ApplicationStage.OFFER),
            app('a2', ApplicationStage.APPLIED),
            app('a3', ApplicationStage.APPLIED, ApplicationStage.INTERVIEWING, introduced_by='ada')]
    doors = doors_opened('ada', intros, apps)
    assert [(d.introduction.to_whom, d.reached) for d in doors] == [
        ('Co a3', Reached.INTERVIEW), ('A founder', Reached.INTRODUCTION), ('Globex', Reached.OFFER)]
    assert [d.reached for d in doors_opened('bob', intros, apps)] == [Reached.APPLICATION]
