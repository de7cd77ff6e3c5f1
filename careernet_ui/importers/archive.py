"""Open the archive LinkedIn's "Get a copy of your data" sends: a ZIP, or the folder it unpacks to.

Only the CSV files CareerNet reads are taken, by name, at the archive's root or in one subfolder
(LinkedIn has shipped both). A ZIP is checked before anything is read from it: a member name
that climbs out of the archive (``../``, an absolute path) refuses the whole archive, and so does
a total uncompressed size over the cap (a ZIP bomb), judged both from the directory and while
reading, since a forged directory can understate the sizes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TypeVar

from .errors import ImportFormatError, ImportTooLargeError

WANTED = (
    'connections.csv',
    'messages.csv',
    'recommendations_received.csv',
    'recommendations_given.csv',
    'endorsement_received_info.csv',
    'endorsement_given_info.csv',
    'invitations.csv',
)
MAX_UNCOMPRESSED = 512 * 1024 * 1024
"""The most a LinkedIn archive may unpack to (the CSV files CareerNet reads, in total)."""

_CHUNK = 1024 * 1024
_T = TypeVar('_T')
_NOT_LINKEDIN = (
    'This is not a LinkedIn data export: it has none of Connections.csv, messages.csv, '
    'Recommendations_Received.csv, Endorsement_Received_Info.csv or Invitations.csv at its top or in one folder. '
    'On LinkedIn, go to Settings → Data privacy → Get a copy of your data, and import the ZIP you receive.'
)


@dataclass(kw_only=True, slots=True)
class ArchiveFiles:
    """The text of each CSV file CareerNet reads from the archive, by lower-case file name."""

    label: str
    texts: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str | None:
        """The text of ``name`` (e.g. ``messages.csv``), or None when the archive has no such file."""
        return self.texts.get(name.casefold())


def open_archive(source: Path | bytes, *, label: str = '', max_uncompressed: int = MAX_UNCOMPRESSED) -> ArchiveFiles:
    """Read the LinkedIn files from a ZIP (path or bytes) or an unpacked folder.

    Args:
        source: The ZIP's path or bytes, or the folder's path.
        label: How to name the archive in messages and the import history (default: its file name).
        max_uncompressed: Refuse archives whose wanted files unpack to more than this.

    Raises:
        ImportFormatError: Not a ZIP or folder, truncated, unsafe member names, or no LinkedIn file in it.
        ImportTooLargeError: The files unpack to more than ``max_uncompressed``.
    """
    if isinstance(source, Path):
        label = label or source.name
        if source.is_dir():
            return _from_folder(source, label, max_uncompressed)
        if not source.exists():
            raise ImportFormatError(f'{source} does not exist.')
    label = label or 'LinkedIn archive'
    try:
        with zipfile.ZipFile(source if isinstance(source, Path) else io.BytesIO(source)) as archive:
            return _from_zip(archive, label, max_uncompressed)
    except zipfile.BadZipFile:
        raise ImportFormatError(
            f'{label} is not a complete ZIP archive (it may be truncated: the download stopped early, '
            'or it is another kind of file). Download your LinkedIn data again and import the new ZIP.'
        ) from None
    except (OSError, EOFError) as error:
        raise ImportFormatError(f'{label} cannot be read: {error}. Download your LinkedIn data again.') from None


def _from_zip(archive: zipfile.ZipFile, label: str, cap: int) -> ArchiveFiles:
    infos = archive.infolist()
    for info in infos:
        _check_member_name(info.filename, label)
    chosen = _choose({PurePosixPath(info.filename): info for info in infos if not info.is_dir()})
    if not chosen:
        raise ImportFormatError(_NOT_LINKEDIN)
    declared = sum(info.file_size for info in chosen.values())
    if declared > cap:
        raise _too_large(label, cap)
    files = ArchiveFiles(label=label)
    budget = cap
    for name, info in chosen.items():
        if info.flag_bits & 0x1:
            raise ImportFormatError(
                f'{info.filename} in {label} is encrypted; export your data again without a password.')
        data = bytearray()
        with archive.open(info) as member:
            while chunk := member.read(min(_CHUNK, budget + 1)):
                data += chunk
                budget -= len(chunk)
                if budget < 0:
                    raise _too_large(label, cap)
        files.texts[name] = _decode(bytes(data), info.filename, label)
    return files


def _from_folder(folder: Path, label: str, cap: int) -> ArchiveFiles:
    paths: dict[PurePosixPath, Path] = {}
    for path in [*folder.iterdir(), *(p for sub in folder.iterdir() if sub.is_dir() for p in sub.iterdir())]:
        if path.is_file():
            paths[PurePosixPath(path.relative_to(folder).as_posix())] = path
    chosen = _choose(paths)
    if not chosen:
        raise ImportFormatError(_NOT_LINKEDIN)
    if sum(path.stat().st_size for path in chosen.values()) > cap:
        raise _too_large(label, cap)
    files = ArchiveFiles(label=label)
    for name, path in chosen.items():
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ImportFormatError(f'Cannot read {path}: {error.strerror or error}.') from None
        files.texts[name] = _decode(data, path.name, label)
    return files


def _choose(members: dict[PurePosixPath, _T]) -> dict[str, _T]:
    """The wanted files at the root, else in the one subfolder that has them, by lower-case name."""
    by_folder: dict[PurePosixPath, dict[str, _T]] = {}
    for path, member in members.items():
        name = path.name.casefold()
        if name in WANTED and len(path.parts) <= 2:
            by_folder.setdefault(path.parent, {})[name] = member
    if not by_folder:
        return {}
    root = PurePosixPath('.')
    if root in by_folder:
        return by_folder[root]
    return max(by_folder.values(), key=len)


def _check_member_name(name: str, label: str) -> None:
    path = PurePosixPath(name.replace('\\', '/'))
    if name.startswith(('/', '\\')) or '..' in path.parts or (path.parts and ':' in path.parts[0]):
        raise ImportFormatError(
            f'{label} is unsafe: it holds a file named "{name[:200]}", which points outside the archive. '
            'A LinkedIn export never does; nothing was imported. Download your data from LinkedIn again.'
        )


def _decode(data: bytes, name: str, label: str) -> str:
    try:
        return data.decode('utf-8-sig')
    except UnicodeDecodeError as error:
        raise ImportFormatError(
            f'{name} in {label} is not UTF-8 text (byte {error.start:,}); LinkedIn exports are UTF-8. '
            'Download your data again.'
        ) from None


def _too_large(label: str, cap: int) -> ImportTooLargeError:
    return ImportTooLargeError(
        f'{label} unpacks to more than {cap / 1024 / 1024:,.0f} MB of CSV files, more than any LinkedIn export; '
        'it may be a "ZIP bomb". Nothing was imported.'
    )

