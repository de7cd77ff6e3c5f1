"""Hypothesis over every form and importer: only the domain's errors, nothing invalid stored, exports round-trip."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careernet_ui.domain import CareerNetError, Contact, Stage
from careernet_ui.domain.accomplishment_search import AccomplishmentQuery
from careernet_ui.domain.forms.accomplishment import AccomplishmentForm
from careernet_ui.domain.forms.application import ApplicationForm
from careernet_ui.domain.forms.cadence import CadenceForm
from careernet_ui.domain.forms.contact import ContactForm
from careernet_ui.domain.forms.feedback import FeedbackForm
from careernet_ui.domain.forms.introduction import IntroductionForm
from careernet_ui.domain.goals import GoalForm
from careernet_ui.domain.interaction_log import InteractionForm
from careernet_ui.domain.letters import LetterForm
from careernet_ui.importers import ImportFormatError
from careernet_ui.importers.contacts_csv import parse_contacts_csv_text
from careernet_ui.importers.export_csv import contacts_to_csv
from careernet_ui.importers.export_vcard import contacts_to_vcard
from careernet_ui.importers.portable_text import carriable
from careernet_ui.importers.vcard import parse_vcard_text
from careernet_ui.services.accomplishments import brag_document, save_accomplishment
from careernet_ui.services.applications import save_application
from careernet_ui.services.backup import backup_bytes, read_backup, record_types, repositories, snapshot
from careernet_ui.services.feedback import save_feedback
from careernet_ui.services.goals import save_goal
from careernet_ui.services.imports import apply, prepare
from careernet_ui.services.interactions import log_interaction_form
from careernet_ui.services.introductions import save_introduction
from careernet_ui.services.letters import save_letter
from storage import Store, open_store
from storage.codec import decode, encode
from tests.conftest import TODAY

EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])

# Everything a hostile user or file can type: any code point, surrogates and controls included,
# with the troublemakers found by the sweep made likely.
NASTY = st.sampled_from(['\x00', '\x0b', '\x1b', '\x7f', '\x85', '\u2028', '\u2029', '\ud800', '\udfff', '\t',
                         '\n', '\r', '\r\n', '\ufeff', '\u202e', '"', "'", ',', ';', '=', '+', '@', '<', '>', '\\',
                         ':', ' ', 'é', '🤝'])
TEXT = st.lists(st.one_of(NASTY, st.characters(codec=None, exclude_categories=())), max_size=30).map(''.join)
# Text the domain accepts, with the characters exports must carry: so that records do get stored.
KIND = st.sampled_from(['"', "'", ',', ';', '=', '+', '-', '@', '<', '>', '\\', ':', ' ', 'é', '🤝', '\ufeff',
                        '\u202e', '\u200d', 'a', 'Z', '1'])
SAFE = st.lists(st.one_of(KIND, st.characters(codec='utf-8', exclude_categories=('Cc', 'Cs', 'Zl', 'Zp'))),
                min_size=1, max_size=30).map(''.join)
FIELD = st.one_of(st.just(''), SAFE, SAFE, TEXT)
DAY = st.one_of(st.just(''), st.dates(date(1890, 1, 1), date(2110, 1, 1)).map(date.isoformat), TEXT)
EMAILS = st.one_of(st.just(''), st.emails().map(str), TEXT)


@pytest.fixture(scope='module')
def store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory() as folder:
        opened = open_store(Path(folder) / 'careernet.json')
        contact = opened.contacts.add(Contact(name='Witness', id='w' * 32))
        assert contact.id == 'w' * 32
        yield opened
        opened.close()


def only_domain_errors(action: Any) -> Any:
    try:
        return action()
    except CareerNetError:
        return None


def assert_all_stored_records_valid(store: Store) -> None:
    """Every stored record passes its own validation again, as it will when the file is next opened."""
    for repository in repositories(store).values():
        for record in repository.all():
            assert decode(type(record), encode(record)) == record
    assert decode(type(store.settings), encode(store.settings)) == store.settings


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(name=FIELD, organisation=FIELD, title=FIELD, emails=EMAILS, phones=FIELD, links=FIELD, tags=FIELD, how=FIELD,
       notes=FIELD, role=st.one_of(st.sampled_from(['mentor', 'peer']), TEXT), cadence=st.just('') | TEXT,
       consent=DAY)
def test_the_contact_form(store: Store, name: str, organisation: str, title: str, emails: str, phones: str,
                          links: str, tags: str, how: str, notes: str, role: str, cadence: str, consent: str) -> None:
    form = ContactForm(name=name, organisation=organisation, title=title, emails=emails, phones=phones, links=links,
                       tags=tags, how_we_met=how, notes=notes, role=role, cadence_days=cadence,
                       consent_given_on=consent)
    stored = only_domain_errors(lambda: store.contacts.put(form.to_contact(None, TODAY)))
    assert_all_stored_records_valid(store)
    if stored is not None:
        assert_round_trips(store, stored)


@EXAMPLES
@given(kind=st.one_of(st.just('call'), TEXT), on=DAY, note=FIELD)
def test_the_interaction_form(store: Store, kind: str, on: str, note: str) -> None:
    only_domain_errors(lambda: log_interaction_form(store, 'w' * 32, InteractionForm(kind=kind, on=on, note=note),
                                                    TODAY))
    assert_all_stored_records_valid(store)


@EXAMPLES
@given(title=FIELD, on=DAY, description=FIELD, metric_name=FIELD, metric_value=FIELD, tags=FIELD, url=FIELD,
       witnesses=st.lists(st.one_of(st.just('w' * 32), TEXT), max_size=2))
def test_the_accomplishment_form(store: Store, title: str, on: str, description: str, metric_name: str,
                                 metric_value: str, tags: str, url: str, witnesses: list[str]) -> None:
    form = AccomplishmentForm(title=title, on=on, description=description, metric_name=metric_name,
                              metric_value=metric_value, tags=tags, evidence_url=url, witness_ids=witnesses)
    only_domain_errors(lambda: save_accomplishment(store, form, None, TODAY))
    assert_all_stored_records_valid(store)
    markdown, _ = brag_document(store, AccomplishmentQuery(), TODAY)
    assert carriable(markdown, multiline=True) == markdown


@EXAMPLES
@given(company=FIELD, position=FIELD, url=FIELD, source=FIELD, stage=TEXT, interviews=TEXT, notes=FIELD,
       introduced_by=st.one_of(st.none(), st.just('w' * 32), TEXT))
def test_the_application_form(store: Store, company: str, position: str, url: str, source: str, stage: str,
                              interviews: str, notes: str, introduced_by: str | None) -> None:
    form = ApplicationForm(company=company, position=position, job_url=url, source=source, stage=stage or 'applied',
                           interview_dates=interviews, notes=notes, introduced_by=introduced_by)
    only_domain_errors(lambda: save_application(store, form, None, TODAY))
    assert_all_stored_records_valid(store)


@EXAMPLES
@given(asked=DAY, received=DAY, text=FIELD, themes=FIELD)
def test_the_feedback_form(store: Store, asked: str, received: str, text: str, themes: str) -> None:
    form = FeedbackForm(contact_id='w' * 32, asked_on=asked, received_on=received, text=text, themes=themes)
    only_domain_errors(lambda: save_feedback(store, form, None, TODAY))
    assert_all_stored_records_valid(store)


@EXAMPLES
@given(on=DAY, to_whom=FIELD, outcome=FIELD, advocate=st.one_of(st.just('w' * 32), TEXT))
def test_the_introduction_form(store: Store, on: str, to_whom: str, outcome: str, advocate: str) -> None:
    form = IntroductionForm(advocate_id=advocate, on=on, to_whom=to_whom, outcome=outcome)
    only_domain_errors(lambda: save_introduction(store, form, None, TODAY))
    assert_all_stored_records_valid(store)


@EXAMPLES
@given(title=FIELD, target=DAY, detail=FIELD, status=st.one_of(st.sampled_from(['open', 'achieved', 'dropped']), TEXT))
def test_the_goal_form(store: Store, title: str, target: str, detail: str, status: str) -> None:
    form = GoalForm(title=title, target_on=target, detail=detail, status=status)
    only_domain_errors(lambda: save_goal(store, form, None, TODAY))
    assert_all_stored_records_valid(store)


@EXAMPLES
@given(purpose=FIELD, asked=DAY, received=DAY,
       location=st.one_of(FIELD, SAFE.map(lambda text: f'https://example.com/{text}')))
def test_the_letter_form(store: Store, purpose: str, asked: str, received: str, location: str) -> None:
    form = LetterForm(purpose=purpose, asked_on=asked, received_on=received, location=location)
    only_domain_errors(lambda: save_letter(store, 'w' * 32, form, None, TODAY))
    assert_all_stored_records_valid(store)


@EXAMPLES
@given(days=st.dictionaries(st.sampled_from(list(Stage)), TEXT, max_size=4))
def test_the_cadence_form(store: Store, days: dict[Stage, str]) -> None:
    only_domain_errors(lambda: store.save_settings(CadenceForm(days=days).to_settings(store.settings)))
    assert_all_stored_records_valid(store)


@EXAMPLES
@given(cells=st.lists(st.lists(FIELD, min_size=1, max_size=4), min_size=1, max_size=5))
def test_the_csv_importer(store: Store, cells: list[list[str]]) -> None:
    text = 'name,email,organisation,notes\n' + '\n'.join(','.join(_csv_cell(cell) for cell in row) for row in cells)
    _import(store, text.encode('utf-8', 'surrogatepass'))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(name=FIELD, note=FIELD, org=FIELD, extra=FIELD)
def test_the_vcard_importer(store: Store, name: str, note: str, org: str, extra: str) -> None:
    text = f'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nNOTE:{note}\r\nORG:{org}\r\n{extra}\r\nEND:VCARD\r\n'
    _import(store, text.encode('utf-8', 'surrogatepass'))


def _import(store: Store, data: bytes) -> None:
    before = len(store.contacts)
    try:
        prepared = prepare('auto', data, store.contacts.all(), today=TODAY)
    except ImportFormatError:
        assert len(store.contacts) == before
        return
    apply(store, prepared)
    assert_all_stored_records_valid(store)
    for row in prepared.plan.new:
        assert_round_trips(store, store.contacts.get(row.contact.id))


def assert_round_trips(store: Store, contact: Contact) -> None:
    """The contact comes back the same through the CSV and vCard exports, and the whole store through JSON."""
    for exported in (parse_contacts_csv_text(contacts_to_csv([contact])).rows[0].contact,
                     parse_vcard_text(contacts_to_vcard([contact])).rows[0].contact):
        assert _carried(exported) == _carried(contact)
    backup = read_backup(backup_bytes(snapshot(store)), record_types(store))
    assert {r.id: r for r in backup.tables['contacts']}[contact.id] == contact


def _carried(contact: Contact) -> tuple[Any, ...]:
    """What both exports carry of a contact."""
    return (contact.name, contact.organisation, contact.title, contact.emails, contact.phones, contact.links,
            contact.tags, contact.notes, contact.role, contact.stage)


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n\r') else text


