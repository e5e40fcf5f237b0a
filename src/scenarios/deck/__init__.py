"""Decks: the YAML format, loading with positions, checks, and the frozen model.

Depends on `scenarios.rules` for expressions. Names are imported on first use
(PEP 562), so that listing the bundled decks does not pay for the YAML loader,
the format table and the expression compiler: the play screen's first frame
comes sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scenarios.exports import imported_on_first_use

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


# The submodules that hold the names of `__all__`, the lightest first.
__getattr__ = imported_on_first_use(
    __name__, __all__, ("bundled", "diagnostics", "model", "loader")
)
