"""Issue 12, points 10 and 11, through the services: one advocate, a letter and a progress update.

Ask Alex for a recommendation letter → the nudge comes 14 days later, not before → the letter
comes → the thank-you is due → thanked. Then a goal is set and an accomplishment logged → Alex's
progress update is due and its draft carries both → marked sent → the next one is due a cadence
later, once there is news again. At each step the dashboard, the timeline, the cadence and the
calendar feed are checked; nothing is logged by hand.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from careernet_ui.calendar.service import CalendarFeed
from careernet_ui.domain import Contact, Stage, due_follow_ups
from careernet_ui.domain.contacts import StageChange
from careernet_ui.domain.dashboard import dashboard_view
from careernet_ui.domain.followups.progress_update import draft_progress_update
from careernet_ui.domain.forms.accomplishment import AccomplishmentForm
from careernet_ui.domain.goals import GoalForm
from careernet_ui.domain.letters import LetterForm
from careernet_ui.domain.timeline import timeline
from careernet_ui.domain.touches import last_touch, touch_label
from careernet_ui.services.accomplishments import save_accomplishment
from careernet_ui.services.goals import news_for, record_progress_update, save_goal
from careernet_ui.services.letters import mark_received, mark_thanked, save_letter
from storage import Store

ASKED = date(2026, 9, 1)
NUDGE = 'Ask Alex Moreau about the recommendation letter for MSc application'
THANK = 'Thank Alex Moreau for the recommendation letter'
UPDATE = 'Send Alex Moreau a progress update'


def test_a_letter_and_a_progress_update_close_their_loops(fresh_store: Store) -> None:
    store = fresh_store
    alex = store.contacts.add(Contact(name='Alex Moreau', emails=('alex@example.com',), stage=Stage.ADVOCATE,
                                      stage_history=(StageChange(on=date(2026, 8, 20), to_stage=Stage.ADVOCATE),)))
    feed = CalendarFeed(store, 'http://127.0.0.1:8080', clock=lambda: datetime(2026, 12, 1, tzinfo=UTC))

    def actions(today: date) -> list[str]:
        return [f.title for f in dashboard_view(store.network(), today).actions]

    def due_today(today: date, kind: str) -> list[date]:
        return [f.due for f in due_follow_ups(store.network(), today, 0) if f.kind == kind]

    def feed_text(today: date) -> str:
        return feed.current(today).body.decode('utf-8').replace('\r\n ', '').replace('\\,', ',')

    def last_contact(today: date) -> tuple[date, str] | None:
        touch = last_touch(store.network(), alex.id, today)
        return None if touch is None else (touch.on, touch_label(touch))

    def story() -> list[str]:
        return [entry.title for entry in timeline(store.network(), store.contacts.get(alex.id))]

    # Asked for a letter: a touch, on the timeline; the nudge waits 14 days.
    letter = save_letter(store, alex.id, LetterForm(purpose='MSc application', asked_on=ASKED.isoformat()), None, ASKED)
    assert last_contact(ASKED) == (ASKED, 'Asked for a recommendation letter for MSc application')
    assert 'Asked for a recommendation letter for MSc application' in story()
    assert due_today(ASKED, 'keep_in_touch') == []  # advocates every 30 days: counted from the ask
    assert due_today(ASKED + timedelta(days=30), 'keep_in_touch') == [ASKED + timedelta(days=30)]
    assert due_today(ASKED + timedelta(days=13), 'letter_nudge') == []
    assert due_today(ASKED + timedelta(days=14), 'letter_nudge') == [ASKED + timedelta(days=14)]
    assert NUDGE in actions(ASKED + timedelta(days=14))
    assert NUDGE in feed_text(ASKED)  # the feed shows it ahead, on its day

    # The letter came: the nudge goes, the thank-you comes, the reference counts as a touch.
    came = ASKED + timedelta(days=20)
    mark_received(store, letter.id, came, came)
    assert NUDGE not in actions(came)
    assert NUDGE not in feed_text(came)
    assert THANK in actions(came)
    assert THANK in feed_text(came)
    assert last_contact(came) == (came, 'Wrote a recommendation letter for MSc application')
    assert due_today(came + timedelta(days=30), 'keep_in_touch') == [came + timedelta(days=30)]

    # Thanked: the thank-you follow-up is settled everywhere.
    mark_thanked(store, letter.id, came + timedelta(days=1), came + timedelta(days=1))
    day = came + timedelta(days=1)
    assert THANK not in actions(day)
    assert THANK not in feed_text(day)
    assert 'Thanked for the recommendation letter for MSc application' in story()

    # A goal and a new accomplishment: Alex's progress update (due 90 days after becoming an advocate) has news.
    day = date(2026, 11, 20)
    save_goal(store, GoalForm(title='Lead a platform team', target_on='2027-06-30'), None, day)
    save_accomplishment(store, AccomplishmentForm(title='Cut p95 latency', on='2026-11-15'), None, day)
    assert due_today(day, 'progress_update') == [date(2026, 11, 18)]
    assert UPDATE in actions(day)
    assert UPDATE in feed_text(day)
    events = Calendar.from_ical(feed.current(day).body).walk('VEVENT')
    [event] = [e for e in events if str(e['SUMMARY']).startswith(UPDATE)]
    assert event['CATEGORIES'].to_ical() == b'CareerNet,Progress update'
    assert str(event['URL']).endswith(f'/goals?update={alex.id}')
    draft = draft_progress_update(news_for(store, alex.id, day), '')
    assert '- Cut p95 latency (15 Nov 2026)' in draft.body
    assert '- Lead a platform team (by 30 Jun 2027)' in draft.body
    assert draft.to == 'alex@example.com'

    # Marked sent: a touch; the next update is due 90 days on, once there is news again.
    record_progress_update(store, alex.id, day, day)
    assert UPDATE not in actions(day)
    assert UPDATE not in feed_text(day)
    assert "Share 'Cut p95 latency'" not in feed_text(day)  # the update shared it
    assert last_contact(day) == (day, 'Update sent')
    assert news_for(store, alex.id, day).empty
    later = date(2026, 12, 10)
    save_accomplishment(store, AccomplishmentForm(title='Mentored two juniors', on=later.isoformat()), None, later)
    next_due = day + timedelta(days=90)
    assert due_today(next_due - timedelta(days=1), 'progress_update') == []
    assert due_today(next_due, 'progress_update') == [next_due]
    assert [a.title for a in news_for(store, alex.id, next_due).accomplishments] == ['Mentored two juniors']
