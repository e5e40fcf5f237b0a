"""Trainers' annotations, kept in a sidecar file beside the journal (never in the journal).

`partie.jsonl` gets `partie.annotations.jsonl`: one JSON line per annotation,
appended and flushed like the journal. A damaged line is skipped, not fatal.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import attrs

from scenarios.deck.sources import SourceError, read_regular_file
from scenarios.journal.appending import append_whole, open_for_append
from scenarios.journal.locations import journal_folder
from scenarios.journal.reader import MAX_JOURNAL_BYTES
from scenarios.journal.shapes import ANNOTATION, misfit, strict_json


@attrs.frozen
class Annotation:
    """A trainer's remark on the moment after action `seq` (0: before the first action)."""

    seq: int
    text: str
    time: str = ""


def annotations_path(journal: str | os.PathLike[str]) -> Path:
    path = Path(journal)
    stem = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.name
    return path.with_name(stem + ".annotations.jsonl")


def read_annotations(journal: str | os.PathLike[str]) -> list[Annotation]:
    """The annotations of a journal, in the order they were written.

    They are the journal's sidecar, then those kept in the user's data folder
    when the journal's folder refused them (read-only media, a full disk).
    A sidecar is read like a journal (a regular file, bounded), and a line
    that is not an annotation (bad JSON, a `seq` of 1e400, a text that is a
    number) is skipped: annotations enrich a debrief, they never stop one.
    """
    found: list[Annotation] = []
    for sidecar in (annotations_path(journal), fallback_annotations_path(journal)):
        found += _read_sidecar(sidecar)
    return found


def _read_sidecar(sidecar: Path) -> list[Annotation]:
    try:
        data = read_regular_file(sidecar, MAX_JOURNAL_BYTES)
    except (SourceError, OSError):
        return []
    found = []
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            item = strict_json(line)
        except (ValueError, RecursionError):
            continue
        if misfit(item, ANNOTATION) is None:
            found.append(Annotation(item["seq"], item["text"], item.get("time") or ""))
    return found


def add_annotation(
    journal: str | os.PathLike[str], seq: int, text: str, sidecar: Path | None = None
) -> Annotation:
    """Append an annotation durably (to `sidecar`, the journal's own by default) and return it.

    An `OSError` (read-only media, a full disk) leaves nothing half-written:
    the caller still holds the text and may offer another place.
    """
    note = Annotation(seq, text, datetime.now(UTC).isoformat(timespec="seconds"))
    line = (json.dumps(attrs.asdict(note), ensure_ascii=False) + "\n").encode("utf-8")
    target = sidecar or annotations_path(journal)
    existed = target.exists()
    fd = open_for_append(target)
    try:
        end = os.fstat(fd).st_size
        if end and os.pread(fd, 1, end - 1) != b"\n":
            line = b"\n" + line  # a line cut short by a crash stays alone, skipped
        append_whole(fd, line, end)
    except OSError:
        if not existed:
            target.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    return note


def fallback_annotations_path(journal: str | os.PathLike[str]) -> Path:
    """Where to keep annotations when the journal's folder refuses them: the user's data folder."""
    return journal_folder().parent / "annotations" / annotations_path(journal).name
