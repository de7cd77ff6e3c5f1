"""The dashboard's content, computed once: next actions apart from stage suggestions, and the numbers."""

from __future__ import annotations

import gc
from datetime import date, timedelta

from careernet_ui.domain.contacts import Stage, StageChange
from careernet_ui.domain.dashboard import dashboard_view, due_text, kind_counts, kind_label
from careernet_ui.domain.followups.followup import FollowUp
from careernet_ui.domain.interactions import InteractionKind
from careernet_ui.domain.network import Network

from . import make

TODAY = date(2026, 11, 25)


def test_actions_and_suggestions_are_split_and_numbers_filled() -> None:
    dana = make.contact('c1', 'Dana Okafor', Stage.ADVOCATE,
                        history=[StageChange(on=date(2026, 1, 5), to_stage=Stage.ADVOCATE)])
    mei = make.contact('c2', 'Mei Chen', Stage.CONTACT,
                       history=[StageChange(on=date(2026, 1, 5), to_stage=Stage.CONTACT)])
    logged = [
        make.interaction('i1', dana, InteractionKind.COFFEE, date(2026, 9, 12)),
        make.interaction('i2', mei, InteractionKind.REFERENCE_GIVEN, date(2026, 11, 1)),
    ]
    view = dashboard_view(Network(contacts=[dana, mei], interactions=logged), TODAY)
    # The reference Mei gave is owed a thank-you (issue 12, point 4).
    assert [f.title for f in view.actions] == ['Catch up with Dana Okafor — 74 days since your last coffee',
                                               'Thank Mei Chen for the reference']
    assert [f.title for f in view.suggestions] == ['Mei Chen gave a reference: mark as Reference?']
    assert view.people == 2
    assert view.stage_counts[Stage.ADVOCATE] == 1
    assert (view.health.on_track, view.health.total) == (0, 1)
    assert view.touches[-1] == ('2026-11', 1)
    assert [q.contact.name for q in view.quiet] == ['Dana Okafor']


def test_an_empty_network_gives_an_empty_view() -> None:
    view = dashboard_view(Network(), TODAY)
    assert (view.actions, view.suggestions, view.quiet, view.people) == ([], [], [], 0)
    assert len(view.touches) == 12


def test_due_text_reads_relative_to_today() -> None:
    assert [due_text(TODAY + timedelta(days=d), TODAY) for d in (-74, -1, 0, 1, 6)] == [
        '74 days overdue', '1 day overdue', 'due today', 'due tomorrow', 'due in 6 days']


def test_kinds_are_counted_most_common_first_and_named_for_people() -> None:
    def followup(n: int, kind: str) -> FollowUp:
        return FollowUp(id=f'{kind}:{n}', kind=kind, due=TODAY, title='t', reason='r', link='/')

    followups = [followup(1, 'thank_reference'), followup(2, 'keep_in_touch'), followup(3, 'keep_in_touch'),
                 followup(4, 'brief_reference')]
    assert kind_counts(followups) == {'keep_in_touch': 2, 'brief_reference': 1, 'thank_reference': 1}
    assert list(kind_counts(followups)) == ['keep_in_touch', 'brief_reference', 'thank_reference']
    assert kind_label('keep_in_touch') == 'Keep in touch'


def test_the_caller_hears_when_the_view_is_computed_not_when_remembered() -> None:
    network = Network(contacts=[make.contact('c1', 'Dana Okafor', Stage.ADVOCATE)])
    computed: list[bool] = []
    first = dashboard_view(network, TODAY, on_computed=lambda: computed.append(gc.isenabled()))
    again = dashboard_view(network, TODAY, on_computed=lambda: computed.append(gc.isenabled()))
    assert again is first
    assert computed == [False]  # once, with the collector still paused (the server freezes then)
