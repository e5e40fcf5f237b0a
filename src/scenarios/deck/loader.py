"""Load a deck from disk, from texts kept in a journal, or by a bundled deck's id.

A deck includes at most MAX_INCLUDED files, and its files together make at
most MAX_BYTES: past either, it is refused before the rest is read.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from scenarios.deck.build import build_deck
from scenarios.deck.diagnostics import DeckError, Diagnostic, Position
from scenarios.deck.located import LocatedList, LocatedMap
from scenarios.deck.model import Deck, DeckFile
from scenarios.deck.sources import FolderReader, MemoryReader, Reader, SourceError, safe_pattern
from scenarios.deck.yamlload import MAX_BYTES, decode, parse_text

MAX_INCLUDED = 1000
INCLUDE = "include"  # the key that the errors about included files are under


def load_deck(path: str | os.PathLike[str]) -> Deck:
    """The deck at `path` with its included files; `DeckError` lists every problem."""
    shown = os.fspath(path)
    file = Path(shown)
    reader = FolderReader(file.parent, os.path.dirname(shown))
    return _load(reader, file.name)


def load_deck_files(files: Sequence[DeckFile]) -> Deck:
    """The deck made of `files` (the main file first), as kept in a journal."""
    reader = MemoryReader({f.name: f.text for f in files})
    return _load(reader, files[0].name)


def load_deck_text(text: str, name: str = "deck.yaml") -> Deck:
    """A one-file deck from its text (handy for tests and tools)."""
    return load_deck_files([DeckFile(name, text)])


def _load(reader: Reader, main_name: str) -> Deck:
    main_text, size = _read_text(reader, main_name, Position(reader.display(main_name)))
    main, diagnostics = parse_text(main_text, reader.display(main_name))
    files = [DeckFile(main_name, main_text)]
    included: list[LocatedMap] = []
    for name, at in _included_names(reader, main_name, main, diagnostics):
        try:
            text, file_size = _read_text(reader, name, at, INCLUDE)
        except DeckError as error:
            diagnostics.extend(error.diagnostics)
            continue
        size += file_size
        if size > MAX_BYTES:
            limit = {"size": size, "limit": MAX_BYTES}
            raise DeckError([Diagnostic("deck.too_big", at, limit, key=INCLUDE)])
        try:
            document, found = parse_text(text, reader.display(name))
        except DeckError as error:
            diagnostics.extend(error.diagnostics)
            continue
        diagnostics.extend(found)
        files.append(DeckFile(name, text))
        included.append(document)
    return build_deck(main, included, files, diagnostics)


def _read_text(reader: Reader, name: str, at: Position, key: str = "") -> tuple[str, int]:
    """The text of file `name`, and its size in bytes; an error says it is at `at`, under `key`."""
    try:
        data = reader.read(name)
    except SourceError as error:
        params = {"name": name, **error.params}
        raise DeckError([Diagnostic(error.code, at, params, key=key)]) from None
    return decode(data, reader.display(name)), len(data)


def _included_names(
    reader: Reader, main_name: str, main: LocatedMap, diagnostics: list[Diagnostic]
) -> list[tuple[str, Position]]:
    patterns = main.get("include")
    if not isinstance(patterns, LocatedList):
        return []
    names: dict[str, Position] = {}
    crossed: Position | None = None  # the pattern that took the deck past MAX_INCLUDED
    for index, pattern in enumerate(patterns):
        at = patterns.at_item(index)
        if not isinstance(pattern, str):
            continue
        if not safe_pattern(pattern):
            diagnostics.append(Diagnostic("include.pattern", at, {"pattern": pattern}, key=INCLUDE))
            continue
        matched = [name for name in reader.glob(pattern) if name != main_name]
        if not matched:
            diagnostics.append(Diagnostic("include.none", at, {"pattern": pattern}, key=INCLUDE))
        for name in matched:
            names.setdefault(name, at)
        if crossed is None and len(names) > MAX_INCLUDED:
            crossed = at
    if crossed is not None:
        limit = {"count": len(names), "limit": MAX_INCLUDED}
        raise DeckError([Diagnostic("include.too_many", crossed, limit, key=INCLUDE)])
    return list(names.items())
