"""Text as an export format can carry it: no character a reader of the file would choke on.

Records already refuse lone surrogates and control characters (``domain.validation``), so for
stored text this changes nothing; it is the export's own guarantee, for text from anywhere.
Dropped: lone surrogates (not encodable as UTF-8), C0 and C1 controls, DEL. Kept: TAB, and
newlines where the field is multi-line; any other line break (CR, VT, FF, NEL, U+2028,
U+2029, which ``str.splitlines`` and so vobject's reader split on) becomes a newline there and a
space elsewhere.
"""

from __future__ import annotations

import re

_LINE_BREAKS = re.compile('\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]')
_UNCARRIABLE = re.compile('[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]')


def carriable(text: str, *, multiline: bool = False) -> str:
    """``text`` without what a CSV, vCard or calendar file cannot carry (see the module docstring).

    >>> carriable('A\\x00B\\u2028C'), carriable('one\\r\\ntwo', multiline=True)
    ('AB C', 'one\\ntwo')
    """
    if _UNCARRIABLE.search(text):
        text = _UNCARRIABLE.sub('', text)
    text = _LINE_BREAKS.sub('\n' if multiline else ' ', text)
    return text if multiline else text.replace('\n', ' ')
