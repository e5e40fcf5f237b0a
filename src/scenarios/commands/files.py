"""Files the commands write: whole or not at all, and checked before a long task starts."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` to `path` through a temporary file beside it, renamed once complete.

    A failure (a missing folder, a full disk, `path` a folder) raises `OSError`
    and leaves neither a partial `path` nor the temporary file.
    """
    target = Path(path)
    if target.is_dir():
        raise _error(errno.EISDIR, target)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def check_new_file(path: str | os.PathLike[str]) -> None:
    """Raise `OSError` unless a new file (its folders too) can be created at `path`.

    An existing empty file is accepted, as the journal accepts it.
    """
    target = Path(path)
    if target.is_file() and target.stat().st_size > 0:
        raise _error(errno.EEXIST, target)
    check_writable(target, make_folders=True)


def check_writable(path: str | os.PathLike[str], *, make_folders: bool = False) -> None:
    """Raise `OSError` unless `path` can be written, creating nothing: checked before a long task.

    Its folder (or, with `make_folders`, the nearest existing one) must let us
    create an entry: tried for real, then removed.
    """
    target = Path(path)
    if target.is_dir():
        raise _error(errno.EISDIR, target)
    folder = target.parent
    while make_folders and not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.exists():
        raise _error(errno.ENOENT, folder)
    if not folder.is_dir():
        raise _error(errno.ENOTDIR, folder)
    os.rmdir(tempfile.mkdtemp(prefix=".scenarios-", dir=folder))


def _error(code: int, path: Path) -> OSError:
    """The `OSError` the system would raise (its subclass is chosen from `code`)."""
    return OSError(code, os.strerror(code), str(path))
