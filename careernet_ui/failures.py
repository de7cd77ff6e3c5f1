"""Any exception that reaches the command line, as the one line a person can act on.

The command line and the server turn ``CareerNetError`` into its message; everything else
(the operating system refusing a write, a file Python itself cannot parse, a bug) still
deserves a line that names the file and says what to do, never a traceback.
"""

from __future__ import annotations

import errno
from pathlib import Path

from careernet_ui.domain import CareerNetError, ValidationError
from storage.errors import StorageError

EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130  # what a shell reports for a program stopped by Ctrl+C

_OS_FIXES = {
    errno.EROFS: ('the file system is read-only',
                  'choose a writable place with --data PATH (or CAREERNET_DATA), or remount it read-write'),
    errno.ENOSPC: ('the disk is full', 'free some space and try again; the data file was left as it was'),
    errno.EDQUOT: ('your disk quota is used up', 'free some space and try again; the data file was left as it was'),
    errno.EACCES: ('permission denied', 'check the file and folder permissions, or choose another --data PATH'),
    errno.EPERM: ('the operation is not permitted',
                  'check the file and folder permissions, or choose another --data PATH'),
    errno.EADDRINUSE: ('the address is already in use', 'stop the other server or choose another --port'),
}


def one_line(error: BaseException, data_file: Path | None) -> str:
    """The message for ``error``, raised while working on ``data_file`` (when known): one line.

    Args:
        error: Whatever reached the top level.
        data_file: The data file the command or server was working on, or None.

    Returns:
        ``careernet: …`` naming the file and the fix, with no newline in it.
    """
    where = str(data_file) if data_file is not None else 'the data file'
    if isinstance(error, CareerNetError):
        text = str(error)
        if isinstance(error, StorageError) and data_file is not None and str(data_file) not in text:
            text = f'{text} (data file {data_file})'
        elif isinstance(error, ValidationError):
            # Commands turn bad input into reports; a bare one at the top comes from a record in the file.
            text = (f'{where} holds an invalid record: {text} It was not changed: fix that record, or restore '
                    'the newest backup into a new file with "restore".')
    elif isinstance(error, OSError):
        text = _os_message(error, where)
    elif isinstance(error, RecursionError):
        text = (f'{where} holds data nested thousands of levels deep, which no CareerNet file does; it was not '
                'changed. Fix it, or restore the newest backup into a new file with "restore".')
    elif isinstance(error, ValueError) and 'integer string conversion' in str(error):
        text = (f'{where} holds a number thousands of digits long, which no CareerNet file does; it was not '
                'changed. Fix it, or restore the newest backup into a new file with "restore".')
    elif isinstance(error, MemoryError):
        text = f'ran out of memory working on {where}. Close other programs, or check that it is a CareerNet file.'
    else:
        detail = str(error)[:300] or 'no details'
        # Domain failures are CareerNetErrors: what else reaches here is nearly always a file of the wrong shape.
        text = (f'could not use {where} ({type(error).__name__}: {detail}). If it was edited by hand or by another '
                'program, fix it or restore the newest backup into a new file with "restore"; otherwise please '
                'report this with the command you ran.')
    return 'careernet: ' + ' '.join(text.split())[:2000]


def cannot_write(out: Path, error: OSError) -> str:
    """The message for an export or backup file that could not be written: what failed and the fix."""
    problem = _OS_FIXES.get(error.errno or 0, (error.strerror or str(error), ''))[0]
    return f'Cannot write {out}: {problem}. Choose another place for it (or free some space) and try again.'


def _os_message(error: OSError, where: str) -> str:
    filename = error.filename if error.filename is not None else where
    problem, fix = _OS_FIXES.get(error.errno or 0, (error.strerror or str(error), 'check the path and try again'))
    return f'cannot use {filename}: {problem}. To fix: {fix}.'
