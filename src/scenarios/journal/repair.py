"""Cutting a damaged journal back to its valid prefix without ever losing a byte.

The whole file is first copied aside (`<journal>.endommage-N`): written to a
temporary file, fsynced, renamed, and the folder fsynced, so the backup is
complete on disk before the journal is touched. Only then is the journal
truncated and fsynced. A failure (a full disk) leaves the journal untouched
and no partial backup behind.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from scenarios.journal.reader import JournalError


def repair(path: Path, valid_bytes: int | None) -> Path | None:
    """Make `path` ready to append to: cut to `valid_bytes` if given (returning the backup),
    and end its last line with a newline."""
    try:
        backup = _cut(path, valid_bytes) if valid_bytes is not None else None
        _end_with_newline(path)
    except OSError as error:
        raise JournalError.from_os_error("repair", error) from None
    return backup


def _cut(path: Path, valid_bytes: int) -> Path:
    backup = _save_aside(path)
    with open(path, "r+b") as file:
        file.truncate(valid_bytes)
        os.fsync(file.fileno())
    return backup


def _end_with_newline(path: Path) -> None:
    """Add the newline a cut-short last line lacks; a journal that needs none is only read
    (read-only media then refuse the writer, not a repair that was never needed)."""
    with open(path, "rb") as file:
        file.seek(0, os.SEEK_END)
        if file.tell() == 0:
            return
        file.seek(-1, os.SEEK_END)
        if file.read(1) == b"\n":
            return
    with open(path, "ab") as file:
        file.write(b"\n")
        file.flush()
        os.fsync(file.fileno())


def _backup_path(path: Path) -> Path:
    """The first free `<journal>.endommage-N` name."""
    counter = 1
    backup = path.with_name(f"{path.name}.endommage-{counter}")
    while backup.exists():
        counter += 1
        backup = path.with_name(f"{path.name}.endommage-{counter}")
    return backup


def _save_aside(path: Path) -> Path:
    backup = _backup_path(path)
    temporary = backup.with_name(backup.name + ".tmp")
    try:
        with open(path, "rb") as source, open(temporary, "wb") as target:
            shutil.copyfileobj(source, target)
            target.flush()
            os.fsync(target.fileno())
        shutil.copystat(path, temporary)
        os.rename(temporary, backup)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    return backup


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
