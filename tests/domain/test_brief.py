"""The reference brief: what it contains and how it reads."""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote

from careernet_ui.domain import (
    Accomplishment,
    Application,
    ApplicationStage,
    ApplicationStageChange,
    Contact,
    Metric,
    ReferenceRequest,
    Role,
)
from careernet_ui.domain.brief import brief_text, build_brief, mailto_link

TODAY = date(2026, 11, 25)
DANA = Contact(id='dana', name='Dana Okafor', role=Role.SUPERVISOR, emails=('dana@acme.example',))
APP = Application(id='app', company='Initech', position='Staff Engineer, payments', job_url='https://jobs.example/1',
                  stage_history=(ApplicationStageChange(on=date(2026, 11, 2), stage=ApplicationStage.APPLIED),),
                  interview_dates=(date(2026, 12, 3), date(2026, 11, 1)))
SEEN = Accomplishment(id='a1', title='Cut checkout latency', on=date(2026, 3, 1), witness_ids=('dana',),
                      tags=('performance',), metric=Metric(name='p95 latency', value=120, unit='ms', baseline=800))
RELATED = Accomplishment(id='a2', title='Profiled the search API', on=date(2026, 5, 1), tags=('performance',))
BY_POSITION = Accomplishment(id='a3', title='Launched card payments', on=date(2026, 6, 1), tags=('payments',))
UNRELATED = Accomplishment(id='a4', title='Organised the offsite', on=date(2026, 7, 1), tags=('events',))
REQUEST = ReferenceRequest(application_id='app', contact_id='dana', talking_points='My ownership of the rollout.')


def test_the_witnessed_accomplishments_come_first_then_relevant_ones() -> None:
    brief = build_brief(REQUEST, DANA, APP, [UNRELATED, RELATED, BY_POSITION, SEEN], TODAY)
    assert [a.id for a in brief.witnessed] == ['a1']
    assert [a.id for a in brief.other_relevant] == ['a3', 'a2']
    assert brief.questions[0].startswith('How long did you manage them')
    assert brief.key_dates == (('Applied', date(2026, 11, 2)), ('Interview', date(2026, 12, 3)))


def test_brief_text_has_the_position_dates_work_and_talking_points() -> None:
    text = brief_text(build_brief(REQUEST, DANA, APP, [SEEN, RELATED], TODAY), 'Sam Doe')
    assert text.startswith('Hi Dana,')
    assert 'the Staff Engineer, payments role at Initech' in text
    assert '- Interview: 3 Dec 2026' in text
    assert '- Cut checkout latency (p95 latency 800 → 120 ms), 1 Mar 2026' in text
    assert 'My ownership of the rollout.' in text
    assert text.endswith('Sam Doe')


def test_mailto_encodes_everything() -> None:
    brief = build_brief(REQUEST, DANA, APP, [SEEN], TODAY)
    body = brief_text(brief) + '\n&cc=evil@example.com'
    link = mailto_link(brief, body)
    assert link.startswith('mailto:dana@acme.example?subject=Reference%20for%20Staff%20Engineer')
    assert '&cc=' not in link
    assert unquote(link.split('&body=')[1]) == body


def test_a_tag_of_several_words_counts_when_the_position_names_it() -> None:
    # Regression: tags were matched against single words, so "public speaking" never matched.
    talks = Accomplishment(id='a5', title='Gave the keynote', on=date(2026, 4, 1), tags=('public speaking',))
    app = Application(id='app', company='Initech', position='Developer advocate', notes='Lots of public speaking.')
    brief = build_brief(REQUEST, DANA, app, [talks, UNRELATED], TODAY)
    assert [a.id for a in brief.other_relevant] == ['a5']
