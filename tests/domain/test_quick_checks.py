"""The quick check a stored record passes first never lets through what the full check would change.

``Contact``, ``Interaction`` and ``StageChange`` ask ``_is_normal`` (one expression of
validation's ``is_*`` checks) before ``_normalise`` (the field-by-field checks that normalise and
explain). Skipping ``_normalise`` is right only if it would have kept the record as it is: these
tests make records from generated values, near every rule's edge, without running either check,
and whenever the quick check says yes, run the full one and compare.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careernet_ui.demo import generate_network
from careernet_ui.domain import Contact, Interaction, Role, Stage
from careernet_ui.domain.contacts import StageChange
from careernet_ui.domain.interactions import Direction, InteractionKind

# Characters each rule treats differently: spaces to strip, line breaks, controls, a lone
# surrogate, letters whose case or casefold differs, and an e-mail address's punctuation.
_CHARS = ['a', 'B', 'é', 'İ', 'ß', 'ǅ', '1', '@', '.', ',', ' ', '\t', '\n', '\r', '\x00', '\x85', '\xa0',
          '\u2028', '\ud800']
_SHORT = st.lists(st.sampled_from(_CHARS), max_size=8).map(''.join)
# Lengths either side of every limit: 60, 200, 254, 500, 2000, 20000.
_LONG = st.builds(lambda text, n: text + 'x' * n, _SHORT,
                  st.sampled_from([59, 60, 61, 199, 200, 201, 253, 254, 255, 499, 500, 501, 1999, 2000, 2001,
                                   19_999, 20_000, 20_001]))
_TEXT = st.one_of(_SHORT, _LONG, st.sampled_from(['', 'Dana Okafor', ' Dana', 'Dana ', 'Dana\nOkafor']),
                  st.none(), st.integers(0, 3))
_ENTRIES = st.one_of(_TEXT, st.sampled_from(['dana@example.com', 'Dana@Example.com', 'dana@example', 'a b@c.de',
                                             'platform', 'Platform', 'PLATFORM', ' platform', '']))
_LISTS = st.one_of(st.lists(_ENTRIES, max_size=4).map(tuple), st.lists(_ENTRIES, max_size=2), st.just('dana'),
                   st.lists(st.just('tag'), min_size=100, max_size=102).map(
                       lambda tags: tuple(f'{tag}{i}' for i, tag in enumerate(tags))))
_IDS = st.one_of(st.just('0123456789abcdef0123456789abcdef'), _SHORT,
                 st.sampled_from(['a', 'a:b', '-a', 'a b', 'x' * 200, 'x' * 201]), st.none())
_STAMPS = st.one_of(st.datetimes(timezones=st.just(UTC)), st.just('2026-01-01T00:00:00Z'), st.none())
_DATES = st.one_of(st.dates(date(1890, 1, 1), date(2110, 12, 31)), st.datetimes(), st.none(),
                   st.just('2026-01-01'))


def _member(enum: Any) -> st.SearchStrategy[object]:
    return st.one_of(st.sampled_from(list(enum)), st.sampled_from([m.value for m in enum]), st.just('bogus'),
                     st.none())


_PLAIN = st.sampled_from(['', 'Dana Okafor', 'Ünïcode ǅ', 'x' * 60])
_STAMPED_VALID: dict[str, st.SearchStrategy[object]] = {
    'id': st.sampled_from(['0123456789abcdef0123456789abcdef', 'contact-1']),
    'created_at': st.datetimes(timezones=st.just(UTC)), 'updated_at': st.datetimes(timezones=st.just(UTC)),
}
_STAMPED_EDGE = {'id': _IDS, 'created_at': _STAMPS, 'updated_at': _STAMPS}

_STAGE_CHANGE = (
    {'on': st.dates(date(1900, 1, 1), date(2100, 12, 31)), 'to_stage': st.sampled_from(list(Stage)),
     'from_stage': st.one_of(st.none(), st.sampled_from(list(Stage))), 'note': _PLAIN},
    {'on': _DATES, 'to_stage': _member(Stage), 'from_stage': _member(Stage), 'note': _TEXT},
)
_CONTACT = (
    {**_STAMPED_VALID, 'name': st.sampled_from(['Dana Okafor', 'x' * 200]), 'role': st.sampled_from(list(Role)),
     'organisation': _PLAIN, 'title': _PLAIN, 'how_we_met': _PLAIN, 'notes': _PLAIN, 'source': _PLAIN,
     'emails': st.sampled_from([(), ('dana@example.com',), ('dana@example.com', 'okafor@example.org')]),
     'phones': st.sampled_from([(), ('+44 20 7946 0000',), ('1', '2')]),
     'links': st.sampled_from([(), ('https://example.com/dana',)]),
     'tags': st.sampled_from([(), ('platform',), ('platform', 'infra', 'ünï')]), 'stage': st.sampled_from(list(Stage)),
     'stage_history': st.just(()), 'cadence_days': st.one_of(st.none(), st.integers(1, 3650)),
     'connected_on': st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31)))},
    {**_STAMPED_EDGE, 'name': _TEXT, 'role': _member(Role), 'organisation': _TEXT, 'title': _TEXT, 'emails': _LISTS,
     'phones': _LISTS, 'links': _LISTS, 'how_we_met': _TEXT, 'tags': _LISTS, 'notes': _TEXT, 'stage': _member(Stage),
     'stage_history': st.one_of(st.just([]), st.just(None), st.just('')),
     'cadence_days': st.one_of(st.none(), st.integers(-2, 3700), st.booleans(), st.just(30.0)),
     'connected_on': _DATES, 'source': _TEXT},
)
_INTERACTION = (
    {**_STAMPED_VALID, 'contact_id': st.just('0123456789abcdef0123456789abcdef'),
     'kind': st.sampled_from(list(InteractionKind)), 'on': st.dates(date(1900, 1, 1), date(2100, 12, 31)),
     'note': _PLAIN, 'direction': st.sampled_from(list(Direction)), 'source': _PLAIN, 'import_id': _PLAIN},
    {**_STAMPED_EDGE, 'contact_id': _IDS, 'kind': _member(InteractionKind), 'on': _DATES, 'note': _TEXT,
     'direction': _member(Direction), 'source': _TEXT, 'import_id': _TEXT},
)
_RECORDS: dict[type[Any], tuple[dict[str, st.SearchStrategy[object]], dict[str, st.SearchStrategy[object]]]] = {
    Contact: _CONTACT, Interaction: _INTERACTION, StageChange: _STAGE_CHANGE,
}
"""Per record class: a valid value for every field, and values near each field's edges."""


def _unchecked(cls: type[Any], values: dict[str, object]) -> Any:
    """A ``cls`` holding ``values`` (the rest at their defaults), made without running any check."""
    record = object.__new__(cls)
    for field in dataclasses.fields(cls):
        if field.name in values:
            value = values[field.name]
        elif field.default is not dataclasses.MISSING:
            value = field.default
        else:
            value = field.default_factory()  # type: ignore[operator]
        object.__setattr__(record, field.name, value)
    return record


def _fields(record: object) -> dict[str, object]:
    return {field.name: getattr(record, field.name) for field in dataclasses.fields(record)}  # type: ignore[arg-type]


@pytest.mark.parametrize(('cls', 'name'), [(cls, name) for cls, (_, edge) in _RECORDS.items() for name in edge],
                         ids=lambda value: value if isinstance(value, str) else value.__name__)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_quick_check_passes_only_what_the_full_check_keeps(cls: type[Any], name: str, data: st.DataObject) -> None:
    # Every field valid but ``name``, which takes a value near its rule's edges: a record passes
    # the quick check only if every field does, so one field at a time is what tries each rule.
    valid, edge = _RECORDS[cls]
    values = {**data.draw(st.fixed_dictionaries(valid)), name: data.draw(edge[name], label=name)}
    record = _unchecked(cls, values)
    if not record._is_normal():
        return
    before = _fields(record)
    record._normalise()  # raises if the quick check let through what the full one refuses
    assert _fields(record) == before


def test_records_as_careernet_makes_them_pass_the_quick_check() -> None:
    # Where the time is saved: a record the constructor normalised is normal, unless a multi-line
    # field holds a line break (the quick check leaves those to the full one).
    network = generate_network(date(2026, 11, 25), contacts=200, interactions=1000, storylines=True)
    contacts = [c for c in network.contacts if '\n' not in c.notes + c.how_we_met]
    interactions = [i for i in network.interactions if '\n' not in i.note]
    changes = [change for c in network.contacts for change in c.stage_history]
    assert contacts
    assert interactions
    assert changes
    assert all(c._is_normal() for c in contacts)
    assert all(i._is_normal() for i in interactions)
    assert all(change._is_normal() for change in changes)


def test_a_record_the_quick_check_refuses_is_normalised_as_before() -> None:
    contact = Contact(name='  Dana\n Okafor ', tags=('Platform', 'platform', ' infra '), organisation=' Initech')
    assert (contact.name, contact.tags, contact.organisation) == ('Dana Okafor', ('platform', 'infra'), 'Initech')
    assert contact._is_normal()
    interaction = Interaction(contact_id=contact.id, kind=InteractionKind.COFFEE, on=date(2026, 11, 2),
                              note=' Talked. ', created_at=datetime(2026, 11, 2, tzinfo=UTC))
    assert interaction.note == 'Talked.'
    assert interaction._is_normal()
