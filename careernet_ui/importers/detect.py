"""One entry point for an upload of unknown kind: tell vCard, LinkedIn and contacts CSV apart."""

from __future__ import annotations

from . import contacts_csv, linkedin, vcard
from .errors import ImportFormatError, StrayQuoteError
from .results import ParsedFile
from .source import DEFAULT_MAX_BYTES, ImportSource, read_text


def parse_import(
    source: ImportSource, *, max_bytes: int = DEFAULT_MAX_BYTES, accept_stray_quotes: bool = False
) -> ParsedFile:
    """Read a vCard file, a LinkedIn Connections.csv or a contacts CSV, whichever this is.

    A file whose first non-blank line is ``BEGIN:VCARD`` is a vCard file; a CSV with LinkedIn's
    header within its first lines is a LinkedIn export; any other file is read as a Google
    Contacts or CareerNet template CSV. ``ParsedFile.format`` tells which it was.

    Args:
        source: The file's bytes, or its path.
        max_bytes: Refuse files larger than this.
        accept_stray_quotes: For a CSV, read a field that looks like a stray quote's as it is (see
            :func:`~careernet_ui.importers.linkedin.parse_linkedin_csv`).

    Raises:
        ImportFormatError: The file is none of these (the message says what was expected).
        StrayQuoteError: A CSV whose quote opens a field that swallows the rows after it.
        ImportTooLargeError: The file is larger than ``max_bytes``.
    """
    text = read_text(source, max_bytes=max_bytes)
    if text.lstrip()[:11].upper() == 'BEGIN:VCARD':
        return vcard.parse_vcard_text(text)
    if linkedin.has_linkedin_header(text):
        return linkedin.parse_linkedin_text(text, accept_stray_quotes=accept_stray_quotes)
    try:
        return contacts_csv.parse_contacts_csv_text(text, accept_stray_quotes=accept_stray_quotes)
    except StrayQuoteError:
        raise  # the file is a CSV; the caller may offer to import it anyway
    except ImportFormatError as error:
        raise ImportFormatError(
            f'{error} CareerNet also imports LinkedIn Connections.csv and vCard (.vcf) files.'
        ) from None
