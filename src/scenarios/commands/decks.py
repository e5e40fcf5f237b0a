"""`scenarios decks`: the bundled decks with their titles."""

from __future__ import annotations

import argparse

from rich.table import Table
from rich.text import Text

from scenarios.commands.output import TEXTS, stdout
from scenarios.deck import DEFAULT_DECK, DeckError, bundled_decks, load_deck


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    table = Table(box=None, show_header=True, header_style="bold")
    table.add_column("id")
    table.add_column(TEXTS(lang, "decks.title"))
    for column in ("roles", "cards", "duration"):
        table.add_column(TEXTS(lang, f"decks.{column}"), justify="right")
    for bundled in bundled_decks():
        try:
            deck = load_deck(bundled.path)
        except DeckError:
            table.add_row(Text(bundled.id), TEXTS(lang, "decks.invalid"), "", "", "")
            continue
        marker = " *" if deck.id == DEFAULT_DECK else ""
        duration = TEXTS(lang, "decks.minutes", minutes=deck.duration) if deck.duration else ""
        table.add_row(
            Text(deck.id + marker), Text(deck.title), str(len(deck.roles)), str(len(deck.cards)), duration
        )
    console = stdout()
    console.print(table)
    console.print(TEXTS(lang, "decks.default"), markup=False)
    return 0
