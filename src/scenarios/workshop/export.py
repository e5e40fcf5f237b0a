"""A table's lines as an ordinary JSONL journal, and a whole workshop as a folder of them."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from scenarios.journal import JournalContent, parse_journal
from scenarios.store import Store, StoredLine, Table


def journal_text(table: Table, lines: Sequence[StoredLine]) -> str:
    """The journal a single-table game would have written: the header, then each line."""
    return "".join(line + "\n" for line in (table.header, *(stored.body for stored in lines)))


def table_content(table: Table, lines: Sequence[StoredLine]) -> JournalContent:
    """A table and its `lines` read as a journal (damage found as in any journal file)."""
    text = journal_text(table, lines)
    return parse_journal(text.encode("utf-8"), f"{table.workshop_id}/{table.label}")


def file_name(label: str, taken: set[str]) -> str:
    """A safe file name from a table's label: letters, digits and dashes; unique."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_label.lower()).strip("-")[:60] or "table"
    name, counter = f"{stem}.jsonl", 2
    while name in taken:
        name, counter = f"{stem}-{counter}.jsonl", counter + 1
    taken.add(name)
    return name


def export_workshop(
    store: Store,
    workshop_id: str,
    folder: Path,
    write: Callable[[Path, str], None],
) -> list[Path]:
    """Write one journal per table into `folder` (with `write`, which writes a file whole)."""
    store.workshop(workshop_id)
    os.makedirs(folder, exist_ok=True)
    taken: set[str] = set()
    written = []
    for table in store.tables(workshop_id):
        path = folder / file_name(table.label, taken)
        write(path, journal_text(table, store.lines(table.id)))
        written.append(path)
    return written
