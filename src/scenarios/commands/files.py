"""Files the commands will write, checked before a long task starts (`write_atomically`,
from `render.files`, then writes them whole or not at all)."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from scenarios.commands.output import TEXTS, report_os_error, say
from scenarios.i18n import Lang
from scenarios.render.files import error_for, write_atomically

__all__ = ["check_new_file", "check_writable", "write_atomically", "write_document"]


def write_document(
    path: str | os.PathLike[str],
    document: str | bytes,
    lang: Lang,
    written: str,
    *,
    notice_on_stderr: bool = False,
) -> int:
    """Write a finished document whole at `path`, then say so with message `written`; or say
    why it could not be written. The exit code: 0, or 1."""
    try:
        write_atomically(path, document)
    except OSError as error:
        return report_os_error("file.cannot_write", error, lang, path=path)
    say(TEXTS(lang, written, path=path), error=notice_on_stderr)
    return 0


def check_new_file(path: str | os.PathLike[str]) -> None:
    """Raise `OSError` unless a new file (its folders too) can be created at `path`.

    An existing empty file is accepted, as the journal accepts it.
    """
    target = Path(path)
    if target.is_file() and target.stat().st_size > 0:
        raise error_for(errno.EEXIST, target)
    check_writable(target, make_folders=True)


def check_writable(path: str | os.PathLike[str], *, make_folders: bool = False) -> None:
    """Raise `OSError` unless `path` can be written, creating nothing: checked before a long task.

    Its folder (or, with `make_folders`, the nearest existing one) must let us
    create an entry: tried for real, then removed.
    """
    target = Path(path)
    if target.is_dir():
        raise error_for(errno.EISDIR, target)
    folder = target.parent
    while make_folders and not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.exists():
        raise error_for(errno.ENOENT, folder)
    if not folder.is_dir():
        raise error_for(errno.ENOTDIR, folder)
    os.rmdir(tempfile.mkdtemp(prefix=".scenarios-", dir=folder))
