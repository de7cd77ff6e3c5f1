"""Why a whole file could not be imported. Problems with single rows are reported per row instead."""

from __future__ import annotations

from careernet_ui.domain.errors import CareerNetError


class ImportFormatError(CareerNetError):
    """The file is not in the format asked for (or not text at all).

    Nothing was imported. The message says what was expected and how to export the file again;
    show it to the user as is.
    """


class ImportTooLargeError(ImportFormatError):
    """The file is larger than the import limit. Split it, or raise ``max_bytes`` if that is safe."""


class StrayQuoteError(ImportFormatError):
    """A quote in a CSV opens a field that swallows the rows after it. Nothing was imported.

    ``line`` is where the quote opened; fix or remove that quote in the file and import again.
    """

    def __init__(self, message: str, *, line: int) -> None:
        super().__init__(message)
        self.line = line
