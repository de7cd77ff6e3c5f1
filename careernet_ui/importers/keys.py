"""Normalised keys that decide whether two records are the same person, URL, e-mail or phone.

Keys are for comparing only; the text the user sees is never replaced by its key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

# Dropped outright so "O'Brien" matches "OBrien" and "J.R." matches "JR".
_GLUE = re.compile(r"['’ʼ`.]")
# Everything else that is not a letter or digit separates words ("Jean-Luc" = "Jean Luc").
_SEPARATORS = re.compile(r'[\W_]+')
# Legal forms at the end of an organisation's name: "Wayne Enterprises, Inc." = "Wayne Enterprises".
_LEGAL_FORMS = frozenset(
    {'inc', 'incorporated', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'plc', 'gmbh', 'ag', 'sa', 'bv'}
)
# LinkedIn paths that name a person; /company/... and /school/... are shared by many people.
_LINKEDIN_PEOPLE = ('/in/', '/pub/')


def name_key(name: str) -> str:
    """A person's name for comparison: no accents, case-folded, punctuation and spacing evened out.

    >>> name_key('  Zoë  MÜLLER ')
    'zoe muller'
    """
    bare = name if name.isascii() else _without_accents(name)
    key = ' '.join(_SEPARATORS.sub(' ', _GLUE.sub('', bare.casefold())).split())
    # A name of punctuation alone would have no key, could never be matched, and would be added
    # again by every import of the same file: compare such names as they are written instead.
    return key or ' '.join(bare.casefold().split())


@lru_cache(maxsize=8192)  # a few hundred organisations recur across thousands of contacts
def organisation_key(organisation: str) -> str:
    """An organisation's name for comparison: like :func:`name_key`, without a trailing legal form."""
    words = name_key(organisation).split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return ' '.join(words)


def email_key(email: str) -> str:
    """An e-mail address for comparison (case-insensitive, as people and mail servers treat them)."""
    return email.strip().casefold()


def phone_key(phone: str) -> str:
    """A phone number for comparison: its digits, with a leading ``+`` kept.

    "+1 (415) 555-0142" and "+14155550142" are the same number. Text without digits is
    compared case-insensitively.
    """
    text = phone.strip()
    digits = ''.join(char for char in text if char.isdigit())
    if not digits:
        return text.casefold()
    return ('+' if text.startswith('+') else '') + digits


def url_key(url: str) -> str:
    """A web address for comparison: no scheme, query or fragment; host in lower case without
    ``www.``; no trailing slash; LinkedIn's country hosts and letter case folded together.

    >>> url_key('https://uk.LinkedIn.com/in/Dana-Okafor/?trk=abc')
    'linkedin.com/in/dana-okafor'
    """
    # Split by hand rather than with urllib.parse.urlsplit: this runs for every link of every
    # contact on each import, and only the host and path matter here.
    text = url.strip()
    scheme_end = text.find('://')
    if scheme_end >= 0:
        text = text[scheme_end + 3 :]
    text = text.partition('#')[0].partition('?')[0]
    host, slash, path = text.partition('/')
    host = host.rpartition('@')[2].partition(':')[0].lower()
    host = host.removeprefix('www.').removeprefix('m.')
    path = (slash + (unquote(path) if '%' in path else path)).rstrip('/')
    if host == 'linkedin.com' or host.endswith('.linkedin.com'):
        host = 'linkedin.com'
        path = path.casefold()
    return host + path


def profile_key(url: str) -> str | None:
    """The :func:`url_key` of a link that can identify one person, else None.

    A bare site ("https://acme.example/") or a LinkedIn company page is shared by many people,
    so it never makes two contacts the same.
    """
    key = url_key(url)
    host, slash, path = key.partition('/')
    if not host or not slash or not path:
        return None
    if host == 'linkedin.com' and not ('/' + path).startswith(_LINKEDIN_PEOPLE):
        return None
    return key


def linkedin_key(url: str) -> str | None:
    """The :func:`profile_key` of a LinkedIn profile (one per person), else None."""
    key = profile_key(url)
    return key if key is not None and key.startswith('linkedin.com/') else None


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize('NFKD', text)
    return ''.join(char for char in decomposed if not unicodedata.combining(char))
