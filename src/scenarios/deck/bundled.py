"""The decks that ship with the package (installed as package data `scenarios.decks`)."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import attrs

from scenarios.deck.diagnostics import DeckError, Diagnostic, Position

DEFAULT_DECK = "inondation"


@attrs.frozen
class BundledDeck:
    """A bundled deck: its id (the file's stem) and where it lies."""

    id: str
    path: Path


def bundled_folder() -> Path:
    """The folder of bundled decks, in a source checkout or an installed package alike."""
    return Path(str(importlib.resources.files("scenarios.decks")))


def bundled_decks() -> list[BundledDeck]:
    """Every bundled deck, sorted by id."""
    folder = bundled_folder()
    return [BundledDeck(path.stem, path) for path in sorted(folder.glob("*.yaml"))]


def resolve_deck(argument: str | None) -> Path:
    """The deck file meant by a command-line argument: a path, or a bundled deck's id."""
    if argument is None:
        argument = DEFAULT_DECK
    path = Path(argument)
    if path.exists():
        return path
    for deck in bundled_decks():
        if deck.id == argument:
            return deck.path
    known = ", ".join(deck.id for deck in bundled_decks())
    raise DeckError([Diagnostic("file.not_found", Position(argument), {"decks": known})])
