"""Where a deck's files come from: a folder on disk, or texts kept in a journal.

Both give the same two operations, reading a file by its name relative to the
deck's folder and listing the names an `include:` glob matches, so a deck
loads the same from disk and from a journal. Names never leave the folder.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Protocol

from scenarios.deck.yamlload import MAX_BYTES
from scenarios.i18n.system import SystemReason


class SourceError(Exception):
    """A file that cannot be read, with the reason as a code."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class Reader(Protocol):
    """Reads files of one deck folder."""

    def read(self, name: str) -> bytes: ...

    def glob(self, pattern: str) -> list[str]: ...

    def display(self, name: str) -> str: ...


def safe_pattern(pattern: str) -> bool:
    """Whether a glob stays inside the deck's folder (relative, no '..')."""
    pure = PurePosixPath(pattern.replace("\\", "/"))
    return not (pure.is_absolute() or ".." in pure.parts or pattern.startswith("~"))


def read_regular_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of `path`, if it is a regular file of at most `limit` bytes.

    Opened without blocking and checked on the open file, so a FIFO, a device
    (`/dev/zero`, `/dev/urandom`) or a directory is refused before anything is
    read, and a file growing meanwhile is never read past the limit.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise SourceError("file.not_regular")
    with os.fdopen(fd, "rb") as source:
        data = source.read(limit + 1)
    if len(data) > limit:
        raise SourceError("yaml.too_big", size=os.stat(path).st_size, limit=limit)
    return data


class FolderReader:
    """Files of a deck folder on disk; `shown` is the folder as the user wrote it."""

    def __init__(self, folder: Path, shown: str) -> None:
        self.folder = folder
        self.root = folder.resolve()
        self.shown = shown

    def read(self, name: str) -> bytes:
        path = (self.folder / name).resolve()
        if not path.is_relative_to(self.root):
            raise SourceError("include.outside", name=name)
        try:
            return read_regular_file(path)
        except OSError as error:
            raise SourceError("file.unreadable", detail=SystemReason.of(error)) from None

    def glob(self, pattern: str) -> list[str]:
        names = []
        for path in self.folder.glob(pattern):
            if path.is_file():
                names.append(path.relative_to(self.folder).as_posix())
        return sorted(names)

    def display(self, name: str) -> str:
        return os.path.join(self.shown, name) if self.shown else name


class MemoryReader:
    """Files held in memory, such as the deck texts embedded in a journal."""

    def __init__(self, files: Mapping[str, str]) -> None:
        self.files = dict(files)

    def read(self, name: str) -> bytes:
        if name not in self.files:
            raise SourceError("file.unreadable", detail=name)
        return self.files[name].encode("utf-8")

    def glob(self, pattern: str) -> list[str]:
        return sorted(name for name in self.files if fnmatch.fnmatchcase(name, pattern))

    def display(self, name: str) -> str:
        return name
