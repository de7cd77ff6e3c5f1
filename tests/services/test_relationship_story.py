"""Issue 12's story, through the services: one person from a LinkedIn import to a thanked advocate.

LinkedIn import → advice asked → feedback → witness of an accomplishment → reference for an
application (agreed, employer contacted before the brief, thanked) → offer → suggested and
promoted to Advocate → introduction → thanked. At each step the dashboard, the timeline, the
cadence and the calendar feed are checked. The only hand-logged interactions are the advice
asked and the final thank-you: everything else is recorded where a person records it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.domain import ApplicationStage, InteractionKind, RequestStatus, Stage
from careernet_ui.domain.board import BoardQuery, build_board
from careernet_ui.domain.dashboard import dashboard_view
from careernet_ui.domain.forms.accomplishment import AccomplishmentForm
from careernet_ui.domain.forms.application import ApplicationForm
from careernet_ui.domain.forms.feedback import FeedbackForm
from careernet_ui.domain.forms.introduction import IntroductionForm
from careernet_ui.domain.timeline import timeline
from careernet_ui.domain.touches import last_touch, touch_label
from careernet_ui.services.accomplishments import save_accomplishment
from careernet_ui.services.applications import (
    add_reference,
    advance_request,
    move_application_stage,
    save_application,
    tell_about_application,
)
from careernet_ui.services.feedback import save_feedback
from careernet_ui.services.imports import apply, prepare
from careernet_ui.services.interactions import log_interaction
from careernet_ui.services.introductions import save_introduction
from careernet_ui.services.pipeline import move_contact
from storage import Store

LINKEDIN = Path(__file__).resolve().parents[1] / 'importers' / 'fixtures' / 'linkedin-Connections.csv'
START = date(2026, 6, 1)


class Story:
    """The store, the person followed, and what each page would show on a given day."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.feed = CalendarFeed(store, 'http://127.0.0.1:8080',
                                 clock=lambda: datetime(2026, 12, 1, tzinfo=UTC))
        self.dana = ''

    def actions(self, today: date) -> list[str]:
        view = dashboard_view(self.store.network(), today)
        return [f.title for f in view.actions if f.contact_id == self.dana]

    def suggestions(self, today: date) -> list[str]:
        return [f.title for f in dashboard_view(self.store.network(), today).suggestions if f.contact_id == self.dana]

    def quiet(self, today: date) -> list[tuple[str, int | None]]:
        return [(q.contact.name, q.days_since) for q in dashboard_view(self.store.network(), today).quiet]

    def timeline(self) -> list[str]:
        contact = self.store.contacts.get(self.dana)
        return [entry.title for entry in timeline(self.store.network(), contact)]

    def last_contact(self, today: date) -> tuple[date, str] | None:
        touch = last_touch(self.store.network(), self.dana, today)
        return None if touch is None else (touch.on, touch_label(touch))

    def card(self, today: date) -> str:
        columns = build_board(self.store.network(), today, BoardQuery(text='Dana Okafor'))
        [card] = [c for column in columns for c in column.cards if c.contact.id == self.dana]
        return 'Never contacted' if card.catch_up.last_contact is None else card.catch_up.last_contact.isoformat()

    def feed_text(self, today: date) -> str:
        body = self.feed.current(today).body.decode('utf-8')
        return body.replace('\r\n ', '').replace('\\,', ',')


def test_a_connection_becomes_a_thanked_advocate(fresh_store: Store) -> None:
    story = Story(fresh_store)
    store = fresh_store

    # LinkedIn import: nobody reads as contacted.
    apply(store, prepare('linkedin', LINKEDIN, store.contacts.all(), today=START))
    [dana] = [c for c in store.contacts if c.name == 'Dana Okafor']
    story.dana = dana.id
    assert story.card(START) == 'Never contacted'
    assert story.last_contact(START) is None
    assert story.timeline() == ['Added as Contact']
    assert dashboard_view(store.network(), START).touches[-1] == ('2026-06', 0)

    # Advice asked (a person logs that), then feedback asked for and given.
    log_interaction(store, dana.id, InteractionKind.ADVICE_ASKED, date(2026, 6, 3), 'Career moves', date(2026, 6, 3))
    asked = save_feedback(store, FeedbackForm.asking(dana.id, date(2026, 6, 10)), None, date(2026, 6, 10))
    answer = FeedbackForm(contact_id=dana.id, asked_on='2026-06-10', received_on='2026-06-20',
                          text='Your design docs are the clearest on the team.')
    save_feedback(store, answer, asked.id, date(2026, 6, 20))
    day = date(2026, 6, 20)
    assert story.last_contact(day) == (day, 'Gave feedback')
    assert story.card(day) == '2026-06-20'
    assert story.timeline()[:2] == ['Gave feedback', 'Asked for feedback']
    assert story.suggestions(day) == [
        'You asked Dana Okafor for advice once and for feedback once: mark as Potential advocate?']
    assert dashboard_view(store.network(), day).touches[-1] == ('2026-06', 3)
    move_contact(store, dana.id, Stage.POTENTIAL_ADVOCATE, day)

    # Witness of an accomplishment: on the timeline, not a touch.
    save_accomplishment(store, AccomplishmentForm(title='Cut checkout p95 latency', on='2026-06-25',
                                                  witness_ids=[dana.id]), None, date(2026, 6, 25))
    assert 'Witnessed: Cut checkout p95 latency' in story.timeline()
    assert story.last_contact(date(2026, 6, 25)) == (day, 'Gave feedback')

    # A reference for an application: agreed (consent recorded), employer contacted before the brief.
    application = save_application(store, ApplicationForm(company='Initech', position='Staff Engineer',
                                                          stage=ApplicationStage.INTERVIEWING.value,
                                                          interview_dates='2026-07-10'), None, date(2026, 7, 1))
    request = add_reference(store, application.id, dana.id, date(2026, 7, 1), date(2026, 7, 1))
    advance_request(store, request.id, RequestStatus.AGREED, date(2026, 7, 2), date(2026, 7, 2))
    assert store.contacts.get(dana.id).has_consent_on(date(2026, 7, 2))
    day = date(2026, 7, 3)
    brief = 'Brief Dana Okafor for the Initech Staff Engineer role before your interview on 10 Jul 2026'
    assert brief in story.actions(day)
    assert brief in story.feed_text(day)
    advance_request(store, request.id, RequestStatus.EMPLOYER_CONTACTED, date(2026, 7, 4), date(2026, 7, 4))
    day = date(2026, 7, 6)
    assert story.actions(day) == ['Thank Dana Okafor for the Initech reference']
    assert 'Thank Dana Okafor for the Initech reference' in story.feed_text(day)
    assert brief not in story.feed_text(day)
    assert story.last_contact(day) == (date(2026, 7, 4), 'Reference for Initech: employer contacted')
    assert story.suggestions(day) == ['Dana Okafor gave a reference: mark as Reference?']

    # Thanked: the thank-you goes; the cadence counts from it.
    advance_request(store, request.id, RequestStatus.THANKED, day, day)
    assert story.actions(day) == []
    assert 'Thank Dana Okafor' not in story.feed_text(day)
    assert story.timeline()[0] == 'Reference for Initech: thanked'
    catch_up = date(2026, 7, 6) + timedelta(days=45)
    assert story.actions(catch_up) == ['Catch up with Dana Okafor — 45 days since your last thank-you']

    # Offer: tell Dana; told, the suggestion to make her an Advocate follows, and she is promoted.
    move_application_stage(store, application.id, ApplicationStage.OFFER, date(2026, 7, 20), date(2026, 7, 20))
    day = date(2026, 7, 20)
    assert story.actions(day) == ['Tell Dana Okafor about the Initech offer']
    assert 'Tell Dana Okafor about the Initech offer' in story.feed_text(day)
    tell_about_application(store, application.id, dana.id, date(2026, 7, 21), date(2026, 7, 21))
    day = date(2026, 7, 21)
    assert story.actions(day) == []
    assert story.suggestions(day) == [
        'Dana Okafor gave you a reference, was thanked and heard how it went: mark as Advocate?']
    move_contact(store, dana.id, Stage.ADVOCATE, day)
    assert story.suggestions(day) == []
    assert story.quiet(day) == [('Dana Okafor', 0)]

    # An introduction: thank her; the thank-you she gets is logged and marks the introduction thanked.
    save_introduction(store, IntroductionForm(advocate_id=dana.id, on='2026-08-01', to_whom='Lee at Globex'),
                      None, date(2026, 8, 1))
    day = date(2026, 8, 3)
    assert story.actions(day) == ['Thank Dana Okafor for the introduction to Lee at Globex']
    assert 'Thank Dana Okafor for the introduction to Lee at Globex' in story.feed_text(day)
    assert story.last_contact(day) == (date(2026, 8, 1), 'Introduced you to Lee at Globex')
    log_interaction(store, dana.id, InteractionKind.THANK_YOU, day, 'Thanks for Lee!', day)
    [introduction] = store.introductions.all()
    assert introduction.thanked_on == day
    assert story.actions(day) == []
    assert 'Thank Dana Okafor' not in story.feed_text(day)
    assert story.timeline()[0] in {'Thank you', 'Thanked for the introduction to Lee at Globex'}
    assert story.quiet(day) == [('Dana Okafor', 0)]
    assert story.actions(day + timedelta(days=30)) == [
        'Catch up with Dana Okafor — 30 days since your last thank-you']
