"""The hand-written codec CareerNet used before msgspec, kept verbatim as the oracle of the file format.

Every file in the wild was written by it: the new codec must write the same documents and read
them back into the same records. Do not change it.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar('T')


def encode(value: Any) -> Any:
    """Turn a dataclass (or anything inside one) into JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {encode(key): encode(item) for key, item in value.items()}
    return value


def decode(cls: type[T], data: dict[str, Any]) -> T:
    """Build a ``cls`` from ``data``; unknown keys are ignored, missing ones take defaults."""
    hints = _hints(cls)  # type: ignore[arg-type]  # classes are hashable
    kwargs = {name: _decode_value(hints[name], data[name]) for name in hints if name in data}
    return cls(**kwargs)


@cache
def _hints(cls: type) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {name: hint for name, hint in typing.get_type_hints(cls).items() if name in names}


def _decode_value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _decode_value(options[0], value)
    if origin in (list, typing.get_origin(typing.Sequence[int])):
        (item,) = typing.get_args(hint)
        return [_decode_value(item, entry) for entry in value]
    if origin is dict:
        key_hint, item_hint = typing.get_args(hint)
        return {_decode_value(key_hint, k): _decode_value(item_hint, item) for k, item in value.items()}
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return decode(hint, value)
        if issubclass(hint, Enum):
            return hint(value)
        if issubclass(hint, datetime):
            return datetime.fromisoformat(value)
        if issubclass(hint, date):
            return date.fromisoformat(value)
    return value
