"""One writer per journal: an exclusive `flock` on the journal file itself.

The kernel releases the lock when its holder's file is closed or its process
dies (even by SIGKILL), so a stale lock cannot outlive its writer. A small
sidecar `<journal>.lock` names the holder (pid and host) for the message the
refused process shows; it is informative only: the flock is the truth.
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from scenarios.journal.appending import write_error
from scenarios.journal.reader import JournalError

UNKNOWN = "?"
HOLDER_WAITS = 50
HOLDER_WAIT_SECONDS = 0.01


def holder_path(journal: Path) -> Path:
    return journal.with_name(journal.name + ".lock")


class JournalLock:
    """The exclusive right to write `path`, held until `release` (or the process ends)."""

    def __init__(self, path: Path, *, create: bool) -> None:
        """Lock `path` without waiting; `JournalError("locked")` if another writer holds it."""
        flags = os.O_RDONLY | (os.O_CREAT if create else 0)
        try:
            fd = os.open(path, flags, 0o644)
        except OSError as error:
            if create:
                raise write_error(path, error) from None
            raise JournalError.from_os_error("unreadable", error) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            pid, host = _read_holder(path)
            raise JournalError("locked", pid=pid, host=host) from None
        self.path = path
        self._fd: int | None = fd
        _write_holder(path)

    @contextmanager
    def kept_unless_failed(self) -> Iterator[JournalLock]:
        """Release the lock if the block fails; otherwise it stays held by whoever took it."""
        try:
            yield self
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        """Forget the holder, then unlock: the sidecar is only removed by its own writer."""
        if self._fd is None:
            return
        with suppress(OSError):  # read-only media refuse even to remove a missing file
            holder_path(self.path).unlink(missing_ok=True)
        os.close(self._fd)
        self._fd = None


def _read_holder(journal: Path) -> tuple[str, str]:
    """The pid and host named in the sidecar, or `?` for what cannot be read.

    The holder writes its sidecar just after taking the lock: a process refused
    in between waits a moment for the name rather than showing `?`.
    """
    for _ in range(HOLDER_WAITS):
        try:
            text = holder_path(journal).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        pid, _, host = text.strip().partition(" ")
        if pid and host:
            return pid, host
        time.sleep(HOLDER_WAIT_SECONDS)
    return UNKNOWN, UNKNOWN


def _write_holder(journal: Path) -> None:
    """Name this process as the holder, whole (a temporary file renamed over the last one);
    a full disk only loses the information."""
    sidecar = holder_path(journal)
    partial = sidecar.with_name(f"{sidecar.name}.{os.getpid()}.tmp")
    with suppress(OSError):
        partial.write_text(f"{os.getpid()} {socket.gethostname()}\n", encoding="utf-8")
        os.replace(partial, sidecar)
    with suppress(OSError):
        partial.unlink(missing_ok=True)
