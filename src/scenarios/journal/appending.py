"""Appending to a journal or a sidecar whole or not at all: a failed write is undone.

A full disk can take half a line before refusing the rest, and buffered files
keep the refused bytes to write them later. So lines go straight to the file
descriptor, and a write or sync that fails cuts the file back to the size it
had before: what was on disk stays exactly as it was, and a later append
(once there is room again) starts on a clean line.
"""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path

from scenarios.i18n.system import SystemReason
from scenarios.journal.reader import JournalError


def append_whole(fd: int, data: bytes, end: int, *, fsync: bool = True) -> int:
    """Append `data` to the file open at `fd` (opened with `O_APPEND`) whose valid content
    ends at `end`; return the new end. On failure the file is cut back to `end` and the
    `OSError` is raised."""
    if os.fstat(fd).st_size != end:
        os.ftruncate(fd, end)  # what an earlier failed append could not undo
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            if written <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]
        if fsync:
            os.fsync(fd)
    except OSError:
        with suppress(OSError):
            os.ftruncate(fd, end)
        raise
    return end + len(data)


def open_for_append(path: Path) -> int:
    """A descriptor to append to `path`, created if missing (`OSError` if refused)."""
    return os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)


def write_error(path: Path, error: OSError) -> JournalError:
    """The journal at `path` cannot be written, and why (in the reader's language later)."""
    return JournalError("write", path=str(path), detail=SystemReason.of(error))
