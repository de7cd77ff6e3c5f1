"""The brag document: every accomplishment as Markdown that renders the user's text as text."""

from __future__ import annotations

from datetime import date

import markdown2  # type: ignore[import-untyped]  # NiceGUI's own Markdown renderer, untyped

from careernet_ui.domain import Accomplishment, Contact, Feedback, Metric
from careernet_ui.domain.brag import brag_markdown, escape

TODAY = date(2026, 11, 25)
MEI = Contact(id='c-mei', name='Mei Chen')
DANA = Contact(id='c-dana', name='Dana Okafor')
CONTACTS = {c.id: c for c in (MEI, DANA)}
LATENCY = Accomplishment(
    id='a-1', title='Cut checkout p95 latency', on=date(2026, 10, 3), role='Senior engineer', project='Checkout',
    organisation='Acme Corp', description='Profiled the pricing call.',
    metric=Metric(name='p95 latency', value=120, unit='ms', baseline=800), tags=('performance', 'python'),
    evidence_url='https://wiki.example.com/checkout', witness_ids=('c-mei', 'c-dana'),
)
COVERAGE = Accomplishment(id='a-2', title='Raised test coverage', on=date(2026, 2, 1),
                          metric=Metric(name='coverage', value=83, unit='%', baseline=41))
KEYNOTE = Accomplishment(id='a-3', title='Gave the PyCon keynote', on=date(2025, 4, 20), witness_ids=('c-gone',))


def test_grouped_by_year_newest_first_with_metric_context_witnesses_and_tags() -> None:
    text = brag_markdown([KEYNOTE, COVERAGE, LATENCY], CONTACTS, TODAY)
    assert text.startswith('# Accomplishments\n\n_Exported 25 Nov 2026: three accomplishments._\n')
    order = [text.index(s) for s in ('## 2026', 'Cut checkout p95 latency', 'Raised test coverage', '## 2025',
                                     'Gave the PyCon keynote')]
    assert order == sorted(order)
    assert '**3 Oct 2026** · Senior engineer · Checkout · Acme Corp' in text
    assert '**Result:** p95 latency 800 → 120 ms' in text
    assert '**Witnesses:** Mei Chen, Dana Okafor' in text
    assert '**Tags:** performance, python' in text
    assert '**Evidence:** <https://wiki.example.com/checkout>' in text
    assert 'c-gone' not in text  # a deleted witness is left out, not shown as an id
    assert text.endswith('\n')
    assert not text.endswith('\n\n')


def test_received_feedback_linked_to_an_accomplishment_is_quoted_with_its_author() -> None:
    said = Feedback(id='f-1', contact_id='c-mei', received_on=date(2026, 10, 20),
                    text='Made the migration boring,\nin the best way.', accomplishment_ids=('a-1',))
    pending = Feedback(id='f-2', contact_id='c-dana', asked_on=date(2026, 11, 1), accomplishment_ids=('a-1',))
    text = brag_markdown([LATENCY], CONTACTS, TODAY, feedback=[said, pending])
    assert '> Made the migration boring,\n> in the best way.\n>\n> — Mei Chen, 20 Oct 2026' in text
    assert text.count('> —') == 1


def test_an_empty_export_says_so() -> None:
    text = brag_markdown([], CONTACTS, TODAY)
    assert '_Exported 25 Nov 2026: no accomplishments._' in text
    assert 'Nothing to show yet' in text


def test_markdown_in_user_text_renders_as_the_characters_typed() -> None:
    hostile = Accomplishment(
        id='a-9', title='*Q3* <img src=x onerror=alert(1)> [win](javascript:alert(1)) #',
        on=date(2026, 5, 1), organisation='R&D_team',
        description='1. not a list\n- nor this\n# nor a heading\n    nor code\n> nor a quote\n===',
        tags=('c++',), evidence_url='javascript:alert(1)',
    )
    html = markdown2.markdown(brag_markdown([hostile], CONTACTS, TODAY))
    assert '<img' not in html
    assert '<a href="javascript' not in html
    assert html.count('<em>') == 1  # the export line's own emphasis
    assert '<ol>' not in html
    assert '<code>' not in html
    assert '<blockquote>' not in html
    assert html.count('<h1>') == 1  # the document's own title, nothing from the description
    assert '<h3>*Q3* &lt;img src=x onerror=alert(1)&gt; [win](javascript:alert(1)) #</h3>' in html
    assert 'R&amp;D_team' in html


def test_escape_keeps_plain_text_readable() -> None:
    assert escape('Wayne Enterprises, Inc. grew 40 % in Q3.') == 'Wayne Enterprises, Inc. grew 40 % in Q3.'
    assert escape('2026. A good year') == '2026\\. A good year'
    assert escape('R&D, not &amp; or &#169;') == 'R&D, not \\&amp; or \\&\\#169;'
