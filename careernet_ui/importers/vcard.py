"""vCard files (.vcf) from Apple Contacts, Google Contacts, Outlook and phones: versions 2.1, 3.0, 4.0.

vobject reads each card. Cards are framed (BEGIN:VCARD … END:VCARD) here first so that one broken
card is skipped with its line number instead of stopping the whole file.

Decisions:
    - ORG "Acme Corp;Platform Engineering": organisation = the first unit ("Acme Corp"), so the
      same person from LinkedIn (Company "Acme Corp") lines up; the other units are kept in the
      notes as "Department: Platform Engineering" so nothing is lost.
    - TITLE is the title; ROLE (a job function in vCard terms) stands in when there is no TITLE.
    - E-mail addresses and phone numbers marked preferred come first; the first is the primary.
    - URL and X-SOCIALPROFILE become links; CATEGORIES become tags; every NOTE goes to the notes.
    - X-CAREERNET-ROLE, X-CAREERNET-STAGE and X-CAREERNET-CONNECTED-ON, written by CareerNet's own
      export, bring back the role, stage and connection date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar

import vobject

from careernet_ui.domain.contacts import Contact, Role, Stage
from careernet_ui.domain.errors import ValidationError

from .errors import ImportFormatError
from .results import ParsedFile, SkippedRow
from .rows import (
    add_draft,
    connection_date,
    role_from_text,
    stage_from_text,
    valid_emails,
    with_departments,
)
from .source import DEFAULT_MAX_BYTES, ImportSource, read_text

FORMAT = 'vcard'

_Choice = TypeVar('_Choice', bound=StrEnum)
_VOBJECT_LINE = re.compile(r'^At line \d+: ')
# Pictures, sounds and keys: CareerNet keeps none, and one 15 MB PHOTO line took vobject's parser
# to 2 GB. They are dropped line by line while framing, before vobject sees the card.
_BINARY_PROPERTIES = frozenset({'PHOTO', 'LOGO', 'SOUND', 'KEY'})
_PROPERTY_NAME = re.compile(r'(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]')
# Bounds on what reaches vobject, whose memory grows with a card's lines and their length: a
# property longer than any field CareerNet keeps is dropped with a warning, and a card of more
# lines than any address book writes is skipped.
MAX_PROPERTY_CHARS = 100_000
MAX_CARD_LINES = 2_000


def parse_vcard(source: ImportSource, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedFile:
    """Read every card of a vCard file (2.1, 3.0 or 4.0) as a contact with ``source='vcard'``.

    The name is FN, or the parts of N when there is no FN. A card vobject cannot read, or one
    without a name, is skipped with its line number and the reason.

    Args:
        source: The file's bytes, or its path.
        max_bytes: Refuse files larger than this.

    Raises:
        ImportFormatError: The file holds no vCard at all (or is not UTF-8 text).
        ImportTooLargeError: The file is larger than ``max_bytes``.
    """
    return parse_vcard_text(read_text(source, max_bytes=max_bytes))


def parse_vcard_text(text: str) -> ParsedFile:
    """Read the text of a vCard file; see :func:`parse_vcard`."""
    parsed = ParsedFile(format=FORMAT)
    found = False
    for line, card_text, complete, dropped in _frame_cards(text):
        found = True
        if card_text is None:
            parsed.skipped.append(SkippedRow(line=line, reason=f'This card has more than {MAX_CARD_LINES:,} '
                                             'lines, more than any address book writes; it was not read.'))
            continue
        if not complete:
            parsed.skipped.append(
                SkippedRow(line=line, reason='This card has no END:VCARD line; the file may have been cut short.')
            )
            continue
        try:
            card = vobject.readOne(card_text, allowQP=_is_version_21(card_text))
        # vobject raises many kinds of errors on malformed input (ParseError, UnicodeDecodeError,
        # binascii.Error, LookupError for an unknown charset, ...); any of them spoils only this card.
        except Exception as error:
            detail = _VOBJECT_LINE.sub('', str(error))  # its line numbers count from the card, not the file
            parsed.skipped.append(SkippedRow(line=line, reason=f'This card cannot be read: {detail}'))
            continue
        _add_card(parsed, line, card, dropped)
    if not found:
        raise ImportFormatError(
            'This does not look like a vCard (.vcf) file: no BEGIN:VCARD line was found. '
            'Export your contacts as vCard from your address book and import that file.'
        )
    return parsed


def _add_card(parsed: ParsedFile, line: int, card: Any, dropped: list[str]) -> None:
    warnings: list[str] = list(dropped)
    units = _units(_first(card, 'org'))
    title = _text(_first(card, 'title')) or _text(_first(card, 'role'))
    notes = '\n\n'.join(note for note in (_text(entry.value) for entry in _lines(card, 'note')) if note)
    name = _name(card)
    build = partial(
        Contact,
        name=name,
        organisation=units[0] if units else '',
        title=title,
        emails=valid_emails(_preferred_first(card, 'email'), warnings),
        phones=tuple(phone.removeprefix('tel:') for phone in _preferred_first(card, 'tel')),
        links=(*(_text(entry.value) for entry in _lines(card, 'url')), *_social_profiles(card)),
        tags=tuple(tag for entry in _lines(card, 'categories') for tag in _units(entry.value)),
        notes=with_departments(notes, units[1:]),
        role=_careernet_choice(card, 'x-careernet-role', role_from_text, Role.OTHER, warnings),
        stage=_careernet_choice(card, 'x-careernet-stage', stage_from_text, Stage.CONTACT, warnings),
        connected_on=connection_date(_text(_first(card, 'x-careernet-connected-on')), 'Connected on', warnings),
        source=FORMAT,
    )
    add_draft(parsed, line, name, warnings, build)


def _frame_cards(text: str) -> Iterator[tuple[int, str | None, bool, list[str]]]:
    """Each card's first line number, its text, whether it ended with END:VCARD, and what was dropped.

    Binary properties (PHOTO, LOGO, SOUND, KEY) are dropped with their continuation lines,
    and a property over ``MAX_PROPERTY_CHARS`` with a warning, without copying them: a long
    line is only ever looked at through its first characters. A card of more than
    ``MAX_CARD_LINES`` lines comes back with None as its text.
    """
    depth = 0
    start = 0
    card: list[str] | None = []
    dropped: list[str] = []
    skipping = False  # inside a dropped property: its continuation lines go too
    for number, begin, end in _line_spans(text):
        if end > begin and text[end - 1] == '\r':
            end -= 1
        length = end - begin
        head = text[begin : begin + min(length, 200)]
        marker = head.strip().upper() if length <= 200 else ''
        if depth == 0 and marker != 'BEGIN:VCARD':
            continue  # text between cards
        if marker == 'BEGIN:VCARD':
            if depth == 0:
                start, card, dropped, skipping = number, [], [], False
            depth += 1  # a vCard 2.1 AGENT may nest a whole card
        elif head[:1] in (' ', '\t') or (skipping and ':' not in head[:80] and marker != 'END:VCARD'):
            # A continuation line (or a vCard 2.1 base64 body) of the property before it.
            if skipping:
                continue
        else:
            match = _PROPERTY_NAME.match(head)
            prop = match.group(1).upper() if match else ''
            skipping = prop in _BINARY_PROPERTIES or length > MAX_PROPERTY_CHARS
            if skipping:
                if prop not in _BINARY_PROPERTIES:
                    dropped.append(f'Line {number}: the {prop or "unnamed"} line is {length:,} characters long, '
                                   'more than CareerNet keeps; it was left out.')
                continue
        if card is not None:
            card.append(text[begin:end])
            if len(card) > MAX_CARD_LINES:
                card = None  # keep counting depth, drop the text
        if marker == 'END:VCARD':
            depth -= 1
            if depth == 0:
                yield start, None if card is None else '\r\n'.join(card) + '\r\n', True, dropped
    if depth > 0:
        yield start, None if card is None else '\r\n'.join(card), False, dropped


def _line_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """(line number, start, end) of each line, split on LF only, as vobject does.

    str.splitlines() would also split inside a value at U+2028, U+0085 and other characters that
    are text in a vCard; and the spans let a 15 MB line be skipped without being copied.
    """
    begin = 0
    number = 1
    size = len(text)
    while begin <= size:
        end = text.find('\n', begin)
        if end < 0:
            end = size
        yield number, begin, end
        begin = end + 1
        number += 1


def _is_version_21(card_text: str) -> bool:
    # Quoted-printable line joining is only for 2.1: in 3.0 and 4.0 a value ending in "=" next to
    # the words "quoted-printable" would wrongly swallow the next line.
    return 'VERSION:3.0' not in card_text.upper() and 'VERSION:4.0' not in card_text.upper()


def _name(card: Any) -> str:
    formatted = _text(_first(card, 'fn'))
    if formatted:
        return formatted
    parts = _first(card, 'n')
    if parts is None or isinstance(parts, str):
        return _text(parts)
    pieces = (getattr(parts, piece, '') for piece in ('prefix', 'given', 'additional', 'family', 'suffix'))
    return ' '.join(' '.join(_units(piece)) for piece in pieces if _units(piece))


def _lines(card: Any, name: str) -> list[Any]:
    """Every content line called ``name``, grouped ones (``item1.EMAIL``) included."""
    return list(card.contents.get(name, []))


def _first(card: Any, name: str) -> Any:
    lines = _lines(card, name)
    return lines[0].value if lines else None


def _preferred_first(card: Any, name: str) -> list[str]:
    lines = _lines(card, name)
    # sorted() is stable, so the file's order holds among preferred and among the other values.
    ordered = sorted(lines, key=lambda line: not _is_preferred(line))
    return [_text(line.value) for line in ordered]


def _is_preferred(line: Any) -> bool:
    types = {kind.strip().casefold() for value in line.params.get('TYPE', []) for kind in value.split(',')}
    singletons = {value.casefold() for value in line.singletonparams}
    return 'pref' in types or 'pref' in singletons or 'PREF' in line.params


def _social_profiles(card: Any) -> list[str]:
    values = (_text(line.value) for line in _lines(card, 'x-socialprofile'))
    return [value for value in values if '://' in value or value.startswith('www.')]


def _careernet_choice(
    card: Any, name: str, read: Callable[[str], _Choice], default: _Choice, warnings: list[str]
) -> _Choice:
    text = _text(_first(card, name))
    try:
        return read(text)
    except ValidationError as error:
        warnings.append(f'{error} Kept {default.value}.')
        return default


def _units(value: Any) -> list[str]:
    """The pieces of a structured value (ORG units, CATEGORIES), stripped, empty ones dropped."""
    pieces = value if isinstance(value, list) else [value]
    return [text for text in (_text(piece) for piece in pieces) if text]


def _text(value: Any) -> str:
    """A value as clean text: vCard line breaks made ``\\n``, anything but text made empty."""
    if not isinstance(value, str):
        return ''
    return value.replace('\r\n', '\n').replace('\r', '\n').strip()
