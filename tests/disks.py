"""A small disk of our own (a 128 KiB tmpfs), to fill up or make read-only in tests.

Mounting needs root: without it, or where the system refuses the mount, the
tests that ask for one are skipped with the reason shown by `pytest -ra`.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

SIZE = 128 * 1024
PAGE = 4096


class SmallDisk:
    """A mounted tmpfs: `fill` it up (leaving some room), `free` it, or make it `read_only`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / ".filler"

    def fill(self, leave: int = 0) -> None:
        """Take every free byte, then give back `leave` bytes (whole pages, as tmpfs counts)."""
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            block = b"\0" * PAGE
            while True:
                try:
                    os.write(fd, block)
                except OSError as error:
                    assert error.errno == errno.ENOSPC, error
                    break
            size = os.fstat(fd).st_size
            os.ftruncate(fd, max(0, size - size % PAGE - leave))
        finally:
            os.close(fd)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def read_only(self) -> None:
        _mount("-o", "remount,ro", str(self.root))


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30, check=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A fresh 128 KiB tmpfs under `tmp_path`, always unmounted afterwards."""
    yield from _mounted(tmp_path, SIZE)


@pytest.fixture
def database_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A 2 MiB tmpfs: room for an SQLite database, its WAL and shared memory, then filled."""
    yield from _mounted(tmp_path, 2 * 1024 * 1024)


def _mounted(tmp_path: Path, size: int) -> Iterator[SmallDisk]:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill up needs root")
    root = tmp_path / "disk"
    root.mkdir()
    try:
        _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(root))
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or error
        pytest.skip(f"cannot mount a tmpfs here: {str(detail).strip()}")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], capture_output=True, timeout=30)
