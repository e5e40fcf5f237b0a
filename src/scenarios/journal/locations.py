"""Where journals live: the user's data folder (platformdirs), unless a path is given."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import platformdirs

JOURNAL_SUFFIX = ".jsonl"


def journal_folder() -> Path:
    """The default folder of session journals (e.g. ~/.local/share/scenarios/journaux)."""
    return platformdirs.user_data_path("scenarios", appauthor=False) / "journaux"


def new_journal_path(deck_id: str, seed: int, now: datetime, folder: Path | None = None) -> Path:
    """A new journal file name that sorts by date: `<deck>-<date>-<time>-<seed>.jsonl`."""
    folder = folder or journal_folder()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    path = folder / f"{deck_id}-{stamp}-{seed}{JOURNAL_SUFFIX}"
    counter = 2
    while path.exists():
        path = folder / f"{deck_id}-{stamp}-{seed}-{counter}{JOURNAL_SUFFIX}"
        counter += 1
    return path


def list_journals(folder: Path | None = None) -> list[Path]:
    """Journals in `folder`, most recent first."""
    folder = folder or journal_folder()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*" + JOURNAL_SUFFIX), key=_modified, reverse=True)


def _modified(path: Path) -> float:
    """When `path` last changed; a dangling link or unreadable entry sorts last."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
