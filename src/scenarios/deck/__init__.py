"""Decks: the YAML format, loading with positions, checks, and the frozen model.

Depends on `scenarios.rules` for expressions.
"""

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
