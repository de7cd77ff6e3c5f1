"""Issue 12, point 10: "seek regular feedback" has a prompt, on a cadence the user sets per stage."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from careernet_ui.domain import Contact, Feedback, Interaction, InteractionKind, Network, Stage, due_follow_ups
from careernet_ui.domain.contacts import StageChange
from careernet_ui.domain.settings import Settings

TODAY = date(2026, 11, 25)
DANA = Contact(id='dana', name='Dana Okafor', stage=Stage.ADVOCATE,
               stage_history=(StageChange(on=date(2026, 1, 10), to_stage=Stage.ADVOCATE),))
EVERY_180 = replace(Settings(), feedback_days={Stage.ADVOCATE: 180, Stage.REFERENCE: 180})


def asks(network: Network) -> list[tuple[date, str]]:
    return [(f.due, f.title) for f in due_follow_ups(network, TODAY) if f.kind == 'ask_feedback']


def test_no_feedback_cadence_until_the_user_sets_one() -> None:
    assert asks(Network(contacts=[DANA])) == []


def test_someone_never_asked_is_due_a_cadence_after_reaching_their_stage() -> None:
    assert asks(Network(contacts=[DANA], settings=EVERY_180)) == [(date(2026, 7, 9), 'Ask Dana Okafor for feedback')]


def test_feedback_recorded_or_logged_starts_a_new_cycle() -> None:
    given = Feedback(id='fb', contact_id='dana', received_on=date(2026, 10, 1), text='Clear docs.')
    assert asks(Network(contacts=[DANA], feedback=[given], settings=EVERY_180)) == []
    asked = Interaction(id='i1', contact_id='dana', kind=InteractionKind.FEEDBACK_ASKED, on=date(2026, 5, 1))
    assert asks(Network(contacts=[DANA], interactions=[asked], settings=EVERY_180)) == [
        (date(2026, 10, 28), 'Ask Dana Okafor for feedback')]


def test_a_stage_without_a_feedback_cadence_is_not_asked() -> None:
    contact = replace(DANA, stage=Stage.CONTACT)
    assert asks(Network(contacts=[contact], settings=EVERY_180)) == []
