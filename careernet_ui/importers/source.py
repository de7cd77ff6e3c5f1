"""Turn an uploaded or saved file into text, refusing what is too big, binary or not UTF-8."""

from __future__ import annotations

import codecs
from pathlib import Path

from .errors import ImportFormatError, ImportTooLargeError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

ImportSource = bytes | Path
"""What every parser accepts: the file's bytes (as uploaded) or its path on disk."""


def read_text(source: ImportSource, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the file's text, decoded as UTF-8 (with or without a byte-order mark).

    Line endings are left as they are; the ``csv`` module and vobject both handle CRLF and LF.

    Args:
        source: The file's bytes, or its path.
        max_bytes: Refuse files larger than this.

    Raises:
        ImportTooLargeError: The file is larger than ``max_bytes``.
        ImportFormatError: The file is empty, binary, or not UTF-8 text.
    """
    data = _read_capped(source, max_bytes)
    if not data.strip():
        raise ImportFormatError('The file is empty: there is nothing to import.')
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFormatError(
            'This file is saved as UTF-16 ("Unicode text"). Save it again as UTF-8 '
            '(in Excel: "CSV UTF-8 (Comma delimited)") and import that.'
        )
    if b'\x00' in data:
        raise ImportFormatError(
            'This is not a text file (it contains binary data); it may be a spreadsheet (.xlsx), '
            'a zip archive or a picture. Export your contacts as CSV or vCard (.vcf) and import that.'
        )
    try:
        return data.decode('utf-8-sig')
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex().upper()
        raise ImportFormatError(
            f'This file is not UTF-8 text (byte 0x{bad} at position {error.start:,} is not valid UTF-8); '
            'it was probably saved in an older encoding such as Windows-1252. Save it again as UTF-8 '
            '(in Excel: "CSV UTF-8 (Comma delimited)") and import that.'
        ) from None


def _read_capped(source: ImportSource, max_bytes: int) -> bytes:
    """The file's bytes; a file on disk over the limit is refused before it is read."""
    if isinstance(source, Path):
        try:
            size = source.stat().st_size
            if size > max_bytes:
                raise _too_large(size, max_bytes)
            # Read one byte past the size: the file may have grown since stat(); then read on, up to
            # one byte past the limit. (Not read(max_bytes + 1) at once: that sets aside the whole
            # limit, 20 MB, for a file of a few kilobytes.)
            with source.open('rb') as file:
                data = file.read(size + 1)
                if len(data) > size:
                    data += file.read(max_bytes + 1 - len(data))
        except OSError as error:
            raise ImportFormatError(f'Cannot read {source}: {error.strerror or error}.') from None
    else:
        data = source
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    return data


def _too_large(size: int, max_bytes: int) -> ImportTooLargeError:
    return ImportTooLargeError(
        f'The file is {_megabytes(size)}; imports are limited to {_megabytes(max_bytes)}. '
        'Split it into smaller files and import them one after the other.'
    )


def _megabytes(size: int) -> str:
    return f'{size / 1024 / 1024:.1f} MB'
