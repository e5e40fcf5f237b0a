"""Decks: the YAML format, loading with positions, checks, and the frozen model.

Depends on `scenarios.rules` for expressions. Names are imported on first use
(PEP 562), so that listing the bundled decks does not pay for the YAML loader,
the format table and the expression compiler: the play screen's first frame
comes sooner.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scenarios.deck.bundled import DEFAULT_DECK, BundledDeck, bundled_decks, resolve_deck
    from scenarios.deck.diagnostics import DeckError, Diagnostic, Position
    from scenarios.deck.loader import load_deck, load_deck_files, load_deck_text
    from scenarios.deck.model import (
        Card,
        Deck,
        DeckFile,
        Delta,
        Effects,
        Ending,
        Flag,
        Indicator,
        Lasting,
        Option,
        Phase,
        Recommendation,
        Role,
        Source,
        Trigger,
    )

_MODULES = {
    "scenarios.deck.bundled": ("DEFAULT_DECK", "BundledDeck", "bundled_decks", "resolve_deck"),
    "scenarios.deck.diagnostics": ("DeckError", "Diagnostic", "Position"),
    "scenarios.deck.loader": ("load_deck", "load_deck_files", "load_deck_text"),
    "scenarios.deck.model": (
        "Card",
        "Deck",
        "DeckFile",
        "Delta",
        "Effects",
        "Ending",
        "Flag",
        "Indicator",
        "Lasting",
        "Option",
        "Phase",
        "Recommendation",
        "Role",
        "Source",
        "Trigger",
    ),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "DEFAULT_DECK",
    "BundledDeck",
    "Card",
    "Deck",
    "DeckError",
    "DeckFile",
    "Delta",
    "Diagnostic",
    "Effects",
    "Ending",
    "Flag",
    "Indicator",
    "Lasting",
    "Option",
    "Phase",
    "Position",
    "Recommendation",
    "Role",
    "Source",
    "Trigger",
    "bundled_decks",
    "load_deck",
    "load_deck_files",
    "load_deck_text",
    "resolve_deck",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'scenarios.deck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
