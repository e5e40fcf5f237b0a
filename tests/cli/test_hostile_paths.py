"""A deck path that is not a regular file is refused before anything is read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def validate(path: Path | str, lang: str = "fr") -> subprocess.CompletedProcess[str]:
    # A subprocess with a timeout: a FIFO that is opened for reading would hang forever.
    return subprocess.run(
        [sys.executable, "-m", "scenarios", "validate", str(path), "--lang", lang],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("kind", ["fifo", "device", "random", "directory"])
def test_a_path_that_is_not_a_regular_file_is_refused_at_once(kind: str, tmp_path: Path) -> None:
    path: Path | str
    if kind == "fifo":
        path = tmp_path / "deck.yaml"
        os.mkfifo(path)
    elif kind == "directory":
        path = tmp_path
    else:
        path = "/dev/zero" if kind == "device" else "/dev/urandom"
    result = validate(path)
    assert result.returncode == 1
    assert "ce n’est pas un fichier ordinaire" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_the_refusal_is_in_english_with_lang_en(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "deck.yaml")
    result = validate(tmp_path / "deck.yaml", "en")
    assert result.returncode == 1
    assert "not a regular file" in result.stdout + result.stderr
