"""E-mail touches from a mailbox (.mbox, e.g. Takeout's "All mail Including Spam and Trash.mbox").

Streamed line by line: only each message's headers are kept, and only until the message is read;
bodies are skipped and never stored, so memory does not grow with the file. A message counts when
it is directly between the user and a person: from the user to at most
:data:`MAX_RECIPIENTS` people, or from a person to the user, not from a mailing list or bulk
sender, not in Spam or Trash. One exchange per person per day.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, tzinfo
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from functools import partial
from pathlib import Path
from typing import BinaryIO

from careernet_ui.domain.interactions import Direction

from .calendar_history import AddressHistory, Exchange
from .errors import ImportFormatError
from .keys import email_key

MAX_RECIPIENTS = 10
MAX_HEADER_BYTES = 256 * 1024
MAX_LINE_BYTES = 64 * 1024
"""Longer lines (an attachment nobody wrapped) are read in pieces of this size, never whole."""
RECOGNISE_FROM = 500
"""Messages read before the user's own address is decided, when it is not known yet."""
PROGRESS_EVERY = 2000
"""Messages between two calls of ``read_mbox``'s ``progress``."""

# A separator is "From " + sender + a weekday at the start of a line after a blank line; a body line
# that merely starts with "From " (unescaped, as Gmail leaves them) does not match.
_SEPARATOR = re.compile(rb'^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ')
_BULK = frozenset({'bulk', 'list', 'junk', 'auto_reply'})
_HIDDEN_LABELS = ('spam', 'trash')
_parser = BytesHeaderParser(policy=compat32)


def read_mbox(
    source: Path | BinaryIO, *, own_addresses: Iterable[str] = (), zone: tzinfo = UTC,
    progress: Callable[[int], None] | None = None,
) -> AddressHistory:
    """Read the direct messages between the user and other people from a mailbox.

    Args:
        source: The .mbox file's path, or an open binary file.
        own_addresses: The user's addresses; when empty, the address in most of the first messages.
        zone: The user's time zone, for the day of a message.
        progress: Called with the bytes read so far every :data:`PROGRESS_EVERY` messages (from
            the thread that reads, so it should only store the number).

    Raises:
        ImportFormatError: The file is not a mailbox.
    """
    if isinstance(source, Path):
        try:
            with source.open('rb') as file:
                return read_mbox(file, own_addresses=own_addresses, zone=zone, progress=progress)
        except OSError as error:
            raise ImportFormatError(f'Cannot read {source}: {error.strerror or error}.') from None
    history = AddressHistory()
    mine = {email_key(address) for address in own_addresses if address.strip()}
    days: dict[tuple[str, date], Exchange] = {}
    waiting: list[_Message] = []
    for message in _messages(source, history):
        if progress is not None and history.read % PROGRESS_EVERY == 0:
            progress(source.tell())
        if not mine:
            waiting.append(message)
            if len(waiting) < RECOGNISE_FROM:
                continue
            mine = _recognise_owner(waiting)
            for early in waiting:
                _count(history, days, early, mine, zone)
            waiting.clear()
            continue
        _count(history, days, message, mine, zone)
    if waiting:
        mine = mine or _recognise_owner(waiting)
        for early in waiting:
            _count(history, days, early, mine, zone)
    history.own_addresses = tuple(sorted(mine))
    history.exchanges = list(days.values())
    return history


class _Message:
    __slots__ = ('date', 'noise', 'recipients', 'sender', 'subject')

    def __init__(self, headers: bytes) -> None:
        parsed = _parser.parsebytes(headers)
        self.noise = _noise(parsed)
        senders = _addresses(parsed.get_all('From', []))
        self.sender = senders[0] if senders else ('', '')
        self.recipients = _addresses([*parsed.get_all('To', []), *parsed.get_all('Cc', [])])
        self.date = str(parsed.get('Date', ''))
        self.subject = _decoded(str(parsed.get('Subject', '')))


def _messages(file: BinaryIO, history: AddressHistory) -> Iterator[_Message]:
    """Each message's headers, parsed; the bodies are read past, a line at a time."""
    first = file.readline(MAX_LINE_BYTES)
    if not first.startswith(b'From '):
        raise ImportFormatError(
            'This is not a mailbox (.mbox) file: it does not start with a "From " line. Export your mail as '
            'mbox (Google: Takeout → Mail) and import that file.'
        )
    headers: list[bytes] | None = []
    size = 0
    previous_blank = True
    line_start = first.endswith(b'\n')  # the previous piece ended its line: this one starts a line
    for line in iter(partial(file.readline, MAX_LINE_BYTES), b''):
        starts, line_start = line_start, line.endswith(b'\n')
        if not starts:  # the rest of a long line: never a separator, never blank, never a header
            previous_blank = False
            continue
        if previous_blank and line.startswith(b'From ') and _SEPARATOR.match(line):
            if headers:
                yield _message(headers, history)
            headers, size, previous_blank = [], 0, False
            continue
        blank = line in (b'\n', b'\r\n')
        if headers is not None:
            if blank:
                yield _message(headers, history)
                headers = None  # the body: skipped up to the next separator
            elif size < MAX_HEADER_BYTES:
                headers.append(line if line_start else line + b'\n')  # a cut header keeps the next one apart
                size += len(line)
        previous_blank = blank
    if headers:
        yield _message(headers, history)


def _message(headers: list[bytes], history: AddressHistory) -> _Message:
    history.read += 1
    return _Message(b''.join(headers).replace(b'\r\n', b'\n'))


def _count(history: AddressHistory, days: dict[tuple[str, date], Exchange], message: _Message, mine: set[str],
           zone: tzinfo) -> None:
    noise = history.noise
    if message.noise:
        noise[message.noise] += 1
        return
    if len(message.recipients) > MAX_RECIPIENTS:
        noise[f'messages to more than {MAX_RECIPIENTS} people'] += 1
        return
    sender_address, sender_name = message.sender
    if sender_address in mine:
        people, direction = [(a, n) for a, n in message.recipients if a not in mine], Direction.SENT
    elif any(address in mine for address, _ in message.recipients):
        people, direction = [(sender_address, sender_name)] if sender_address else [], Direction.RECEIVED
    else:
        noise['messages neither from nor to you'] += 1
        return
    if not people:
        noise['messages to yourself'] += 1
        return
    try:
        on = parsedate_to_datetime(message.date).astimezone(zone).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        noise['messages without a readable date'] += 1
        return
    for address, name in people:
        exchange = days.get((address, on))
        if exchange is None:
            days[address, on] = Exchange(address=address, name=name, on=on, key=on.isoformat(),
                                         title=message.subject[:200], direction=direction)
        elif exchange.direction is not direction:
            exchange.direction = Direction.BOTH


def _noise(headers: object) -> str:
    get = headers.get  # type: ignore[attr-defined]
    labels = str(get('X-Gmail-Labels', '')).casefold()
    if any(label in labels for label in _HIDDEN_LABELS):
        return 'messages in Spam or Trash'
    if get('List-Id') or get('List-Unsubscribe') or str(get('Precedence', '')).strip().casefold() in _BULK:
        return 'mailing-list and bulk messages'
    return ''


def _addresses(values: list[str]) -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for name, address in getaddresses([str(value) for value in values]):
        if '@' in address:
            found.setdefault(email_key(address), _decoded(name))
    return list(found.items())


def _decoded(text: str) -> str:
    """RFC 2047 encoded words ("=?UTF-8?B?...?=") as text."""
    if '=?' not in text:
        return text.strip()
    try:
        return str(make_header(decode_header(text))).strip()
    except (ValueError, LookupError, UnicodeDecodeError):
        return text.strip()


def _recognise_owner(messages: list[_Message]) -> set[str]:
    seen: Counter[str] = Counter()
    for message in messages:
        seen.update({message.sender[0], *(address for address, _ in message.recipients)} - {''})
    if not seen:
        return set()
    address, count = seen.most_common(1)[0]
    return {address} if count * 2 >= len(messages) else set()
