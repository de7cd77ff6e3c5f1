"""Drafting updates for advocates: the user's words, a personal line, and a working mailto link."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, unquote, urlsplit

from careernet_ui.domain import Accomplishment, Contact, Metric, Stage
from careernet_ui.domain.updates import (
    PERSONAL_LINE,
    SUMMARY_LIMIT,
    WITNESS_LINE,
    draft_update,
    personal_line,
    sign_off,
    update_recipients,
)

MEI = Contact(id='c-mei', name='Mei Chen', stage=Stage.ADVOCATE, emails=('mei.chen@example.com',))
DANA = Contact(id='c-dana', name='Dana Okafor', stage=Stage.ADVOCATE)
JOSE = Contact(id='c-jose', name='José Martín', stage=Stage.REFERENCE)
ANA = Contact(id='c-ana', name='Ana Berg', stage=Stage.ADVOCATE)
PAT = Contact(id='c-pat', name='Pat Lee', stage=Stage.POTENTIAL_ADVOCATE)
LATENCY = Accomplishment(
    id='a-1', title='Cut checkout p95 latency', on=date(2026, 10, 3), role='Senior engineer', project='Checkout',
    organisation='Acme Corp', description='Profiled the pricing call and cached the tax tables.\n\nMore detail.',
    metric=Metric(name='p95 latency', value=120, unit='ms', baseline=800), witness_ids=('c-dana',),
)


def test_the_draft_uses_the_users_words_and_their_personal_line() -> None:
    draft = draft_update(LATENCY, MEI, 'Your advice on caching paid off!')
    assert draft.to == 'mei.chen@example.com'
    assert draft.subject == 'Update: Cut checkout p95 latency'
    assert draft.body == (
        'Hi Mei,\n\n'
        'Your advice on caching paid off!\n\n'
        'Cut checkout p95 latency (3 Oct 2026).\n'
        'The result: p95 latency 800 → 120 ms.\n'
        'What I did: Profiled the pricing call and cached the tax tables.\n'
        'Context: Senior engineer · Checkout · Acme Corp\n\n'
        'Thank you for your support; it means a lot.'
    )
    assert draft.text.startswith('Subject: Update: Cut checkout p95 latency\n\nHi Mei,')


def test_an_empty_personal_line_and_missing_details_leave_no_gaps() -> None:
    bare = Accomplishment(id='a-2', title='Gave the keynote', on=date(2026, 5, 1), until=date(2026, 5, 2))
    draft = draft_update(bare, DANA, '   ')
    assert draft.body == 'Hi Dana,\n\nGave the keynote (1 May 2026 – 2 May 2026).\n\n' \
                         'Thank you for your support; it means a lot.'
    assert draft.to == ''


def test_a_long_description_is_shortened_at_a_word() -> None:
    long = Accomplishment(id='a-3', title='Rewrote billing', on=date(2026, 5, 1), description='word ' * 400)
    body = draft_update(long, MEI, '').body
    summary = body.split('What I did: ', 1)[1].split('\n', 1)[0]
    assert summary.endswith('word…')
    assert len(summary) <= SUMMARY_LIMIT + 1


def test_the_personal_line_starts_differently_for_someone_who_saw_the_work() -> None:
    assert personal_line(LATENCY, DANA) == WITNESS_LINE
    assert personal_line(LATENCY, MEI) == PERSONAL_LINE


def test_the_mailto_link_carries_subject_and_body_intact() -> None:
    tricky = Accomplishment(id='a-4', title='R&D: 50% faster? Yes #1', on=date(2026, 5, 1))
    draft = draft_update(tricky, MEI, 'Line one & two = three')
    url = draft.mailto
    assert ' ' not in url
    assert '\n' not in url
    parts = urlsplit(url)
    assert parts.scheme == 'mailto'
    assert unquote(parts.path) == 'mei.chen@example.com'
    query = parse_qs(parts.query)
    assert query['subject'] == ['Update: R&D: 50% faster? Yes #1']
    assert query['body'] == [draft.body.replace('\n', '\r\n')]


def test_recipients_are_the_advocates_with_the_witnesses_first() -> None:
    everyone = [MEI, DANA, JOSE, ANA, PAT]
    assert [c.name for c in update_recipients(everyone, LATENCY)] == ['Dana Okafor', 'Ana Berg', 'Mei Chen']
    with_references = update_recipients(everyone, LATENCY, include_references=True)
    assert [c.name for c in with_references] == ['Dana Okafor', 'Ana Berg', 'José Martín', 'Mei Chen']


def test_the_draft_is_signed_with_the_name_and_signature_from_settings() -> None:
    assert sign_off('Sam Doe', '  Staff engineer\nsam.example  ') == 'Sam Doe\n\nStaff engineer\nsam.example'
    assert sign_off('', 'Sam') == 'Sam'
    assert sign_off(' ', '') == ''
    body = draft_update(LATENCY, MEI, '', sign_off('Sam Doe', 'sam.example')).body
    assert body.endswith('Thank you for your support; it means a lot.\n\nSam Doe\n\nsam.example')
    assert draft_update(LATENCY, MEI, '').body.endswith('it means a lot.')
