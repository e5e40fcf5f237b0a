"""Where journals live: the user's data folder (platformdirs), unless a path is given.

The data folder also keeps a short list of the journals and decks opened from
elsewhere (`recent.json`), so that the home screen can offer them again.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Literal

import platformdirs

from scenarios.render.files import write_atomically

JOURNAL_SUFFIX = ".jsonl"
RECENT_FILE = "recent.json"
RECENT_LIMIT = 10  # of each kind: the home screen's lists stay short
RECENT_MAX_BYTES = 64 * 1024  # anything larger is not a file we wrote
RecentKind = Literal["journals", "decks"]


def data_folder() -> Path:
    """The user's data folder of scenarios (e.g. ~/.local/share/scenarios)."""
    return platformdirs.user_data_path("scenarios", appauthor=False)


def journal_folder() -> Path:
    """The default folder of session journals (e.g. ~/.local/share/scenarios/journaux)."""
    return data_folder() / "journaux"


def _read_recent(path: Path) -> dict[str, list[str]]:
    """The remembered paths by kind; a missing, damaged or foreign file remembers nothing."""
    try:
        with open(path, "rb") as file:
            raw = file.read(RECENT_MAX_BYTES + 1)
        data = json.loads(raw)
    except (OSError, ValueError):
        return {}
    if len(raw) > RECENT_MAX_BYTES or not isinstance(data, dict):
        return {}
    return {
        kind: [p for p in paths if isinstance(p, str) and p][:RECENT_LIMIT]
        for kind, paths in data.items()
        if kind in ("journals", "decks") and isinstance(paths, list)
    }


def recent(kind: RecentKind, folder: Path | None = None) -> list[Path]:
    """The journals or decks opened lately, most recent first, those still there only."""
    paths = _read_recent((folder or data_folder()) / RECENT_FILE).get(kind, [])
    return [Path(p) for p in paths if Path(p).is_file()]


def remember(kind: RecentKind, path: Path, folder: Path | None = None) -> bool:
    """Put `path` first in the list of recent `kind` (at most `RECENT_LIMIT`), written whole.

    A convenience: False, and nothing else, when the data folder cannot be written."""
    folder = folder or data_folder()
    target = folder / RECENT_FILE
    known = _read_recent(target)
    shown = str(Path(os.path.abspath(path)))
    known[kind] = [shown, *(p for p in known.get(kind, []) if p != shown)][:RECENT_LIMIT]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(target, json.dumps(known, ensure_ascii=False, indent=1) + "\n")
    except OSError:
        return False
    return True


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
