"""Map domain dataclasses to JSON-ready dicts and back, with msgspec.

msgspec knows dataclasses, enums, dates and datetimes, and checks every value's type against
the field's hint as it builds the record, in C. The rules of the file stay what they always
were: unknown keys are ignored, missing keys take their defaults, the record's own validation
(``__post_init__``) runs, so a hand-edited file cannot smuggle in a bad record; dates are ISO
strings, datetimes ISO strings with an offset (Python's ``isoformat``: ``+00:00``, never ``Z``),
enums their values.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

import msgspec

from careernet_ui.domain import ValidationError
from careernet_ui.domain.collector import collector_paused

from .bulk import RawTable, documents_of
from .errors import InvalidRecord

T = TypeVar('T')


def encode(value: Any) -> Any:
    """Turn a dataclass (or anything inside one) into JSON-ready data."""
    data = msgspec.to_builtins(value, builtin_types=(datetime,))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for name in _datetime_fields(type(value)):
            moment = data[name]
            if moment is not None:
                data[name] = moment.isoformat()
        if not _has_nested(type(value)):
            for name in _tuple_fields(type(value)):  # a record's sequences are tuples; the file holds arrays
                data[name] = list(data[name])
            return data
    return _builtin_json(data)


def decode(cls: type[T], data: Mapping[str, Any]) -> T:
    """Build a ``cls`` from ``data``; unknown keys are ignored, missing ones take defaults.

    Raises:
        ValidationError: the document is not a valid ``cls``; its ``field`` names the offending
            field and the message says what is wrong with it.
    """
    try:
        return msgspec.convert(data, type=cls)
    except msgspec.ValidationError as error:
        raise _readable(error) from None


def decode_documents(cls: type[T], docs: Mapping[str, Mapping[str, Any]] | RawTable, *,
                     table: str) -> list[tuple[int, T]]:
    """Build a ``cls`` from every document of a TinyDB table: ``(doc id, record)`` in file order.

    A table kept as JSON (``RawTable``) is decoded straight from its bytes, with the same checks;
    when it holds a bad record, it is parsed and decoded document by document, to name it.

    Raises:
        InvalidRecord: a document is not a valid ``cls``; the message names the table, the
            document, the record's id and the field.
    """
    if isinstance(docs, RawTable):
        try:
            with collector_paused():
                decoded = _table_decoder(cls).decode(docs.raw)
        except msgspec.DecodeError:  # a bad record (or JSON only json.loads reads): the slow way names it
            return decode_documents(cls, documents_of(docs), table=table)
        return [(int(key), record) for key, record in decoded.items()]
    with collector_paused():
        try:
            records = msgspec.convert(list(docs.values()), type=list[cls])  # type: ignore[valid-type]
        except msgspec.ValidationError:
            records = None
        if records is None:  # Find the culprit the slow way, to name it.
            for key, doc in docs.items():
                try:
                    decode(cls, doc)
                except ValidationError as error:
                    raise InvalidRecord(table=table, doc_id=key, record_id=_id_of(doc), field=error.field,
                                        reason=str(error)) from None
            raise AssertionError('msgspec refused a table whose every document it accepts')  # pragma: no cover
        return [(int(key), record) for key, record in zip(docs, records, strict=True)]


_TABLE_DECODERS: dict[type, msgspec.json.Decoder[dict[str, Any]]] = {}


def _table_decoder(cls: type) -> msgspec.json.Decoder[dict[str, Any]]:
    """A decoder of a whole table of ``cls`` documents (a JSON object of them, by doc id)."""
    decoder = _TABLE_DECODERS.get(cls)
    if decoder is None:
        decoder = _TABLE_DECODERS[cls] = msgspec.json.Decoder(dict[str, cls])  # type: ignore[valid-type]
    return decoder


# msgspec says where a problem is as a path: "Expected `str`, got `int` - at `$.stage_history[0].note`".
_PATH = re.compile(r'^(?P<message>.*?)(?: - at `(?P<path>[^`]*)`)?$', re.DOTALL)
_PLAIN_WORDS = {
    'Invalid RFC3339 encoded date': 'Invalid date: expected YYYY-MM-DD, like 2026-01-31',
    'Invalid RFC3339 encoded datetime': 'Invalid date and time: expected one like 2026-01-31T09:00:00+00:00',
}
_MISSING = re.compile(r'^Object missing required field `(?P<field>[^`]+)`$')


def _readable(error: msgspec.ValidationError) -> ValidationError:
    """msgspec's message as CareerNet words it: the field named, the problem in a sentence."""
    cause = error.__cause__
    match = _PATH.match(str(error))
    message, path = (match['message'], match['path'] or '$') if match else (str(error), '$')
    top = re.match(r'^\$\.(\w+)', path)
    if isinstance(cause, ValidationError):  # the record's own validation spoke: keep its words
        # Inside a nested record (a stage change, the consent) the record's field names the place.
        return ValidationError(str(cause), field=top[1] if top else cause.field)
    missing = _MISSING.match(message)
    if missing:
        field = missing['field'] if path == '$' else f'{path[2:]}.{missing["field"]}'
        return ValidationError(f'a required field is missing ({field}).', field=top[1] if top else missing['field'])
    if isinstance(cause, Exception) and str(cause):  # __post_init__ raised some other ValueError/TypeError
        message = str(cause)
    message = _PLAIN_WORDS.get(message, message)
    where = path[2:] if path.startswith('$.') else path
    return ValidationError(f'{where}: {message[:1].lower()}{message[1:]}.', field=top[1] if top else None)


def _id_of(doc: Mapping[str, Any]) -> str | None:
    # Follow-up states and feed marks are keyed by the follow-up's id, everything else by its own.
    for key in ('id', 'followup_id'):
        record_id = doc.get(key) if isinstance(doc, Mapping) else None
        if isinstance(record_id, str):
            return record_id
    return None


@cache
def _datetime_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` typed ``datetime`` or ``datetime | None``."""
    hints = typing.get_type_hints(cls)
    return tuple(f.name for f in dataclasses.fields(cls) if datetime in _flat(hints[f.name]) and
                 _flat(hints[f.name]) <= {datetime, type(None)})


@cache
def _tuple_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` typed ``tuple[X, ...]`` (or ``tuple[X, ...] | None``)."""
    hints = typing.get_type_hints(cls)
    return tuple(f.name for f in dataclasses.fields(cls)
                 if any(typing.get_origin(part) is tuple for part in _members(hints[f.name])))


def _members(hint: Any) -> tuple[Any, ...]:
    """The members of a union hint, or the hint itself."""
    return typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, _UNION) else (hint,)


@cache
def _has_nested(cls: type) -> bool:
    """Whether a datetime or a tuple can sit anywhere in ``cls`` but its own top-level fields of those types.

    A tuple of tuples, a datetime inside a tuple or a nested record: the whole document is walked.
    """
    hints = typing.get_type_hints(cls)
    direct = set(_datetime_fields(cls))
    for f in dataclasses.fields(cls):
        if f.name in direct:
            continue
        if f.name in _tuple_fields(cls):
            items = (arg for part in _members(hints[f.name]) for arg in typing.get_args(part))
            if any(_can_hold(item, (datetime, tuple)) for item in items):
                return True
        elif _can_hold(hints[f.name], (datetime, tuple)):
            return True
    return False


def _can_hold(hint: Any, kinds: tuple[type, ...], seen: frozenset[type] = frozenset()) -> bool:
    for part in _flat(hint):
        if part in kinds:
            return True
        if isinstance(part, type) and dataclasses.is_dataclass(part) and part not in seen:
            inner = typing.get_type_hints(part)
            if any(_can_hold(inner[f.name], kinds, seen | {part}) for f in dataclasses.fields(part)):
                return True
    return False


def _flat(hint: Any) -> set[Any]:
    """Every type a hint mentions: ``list[Stage | None]`` gives {list, Stage, NoneType}."""
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    parts: set[Any] = set() if origin in (typing.Union, _UNION) or origin is None else {origin}
    if not args:
        return {hint}
    for arg in args:
        parts |= _flat(arg)
    return parts


_UNION = type(int | None)


def _builtin_json(data: Any) -> Any:
    """``data`` with its datetimes as ISO strings and its tuples as lists, as ``json.loads`` gives them back."""
    if isinstance(data, datetime):
        return data.isoformat()
    if isinstance(data, list | tuple):
        return [_builtin_json(item) for item in data]
    if isinstance(data, dict):
        return {key: _builtin_json(item) for key, item in data.items()}
    return data
