"""Documents written whole or not at all: a report, an export, a new deck.

Below the commands and the TUI so that both write files the same way.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write `text` (or bytes, such as a workbook) to `path` through a temporary file
    beside it, synced, then renamed.

    A failure (a missing folder, a full disk, read-only media, `path` a folder)
    raises `OSError` and leaves neither a partial `path` nor the temporary file;
    an existing `path` keeps its old content.
    """
    target = Path(path)
    if target.is_dir():
        raise error_for(errno.EISDIR, target)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, _mode(target))  # an ordinary file's mode, not mkstemp's 0600
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def error_for(code: int, path: Path) -> OSError:
    """The `OSError` the system would raise (its subclass is chosen from `code`)."""
    return OSError(code, os.strerror(code), str(path))


def _mode(target: Path) -> int:
    """The replaced file's permissions, or a new file's (as `open` would give it)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
