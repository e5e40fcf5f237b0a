"""`scenarios decks`: the bundled decks with their titles."""

from __future__ import annotations

import argparse

from rich.table import Table

from scenarios.commands.output import pick, stdout
from scenarios.deck import DEFAULT_DECK, DeckError, bundled_decks, load_deck


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    table = Table(box=None, show_header=True, header_style="bold")
    table.add_column("id")
    table.add_column(pick(lang, "titre", "title"))
    table.add_column(pick(lang, "rôles", "roles"), justify="right")
    table.add_column(pick(lang, "cartes", "cards"), justify="right")
    table.add_column(pick(lang, "durée", "duration"), justify="right")
    for bundled in bundled_decks():
        try:
            deck = load_deck(bundled.path)
        except DeckError:
            table.add_row(bundled.id, pick(lang, "(invalide)", "(invalid)"), "", "", "")
            continue
        marker = " *" if deck.id == DEFAULT_DECK else ""
        duration = f"{deck.duration} min" if deck.duration else ""
        table.add_row(
            deck.id + marker, deck.title, str(len(deck.roles)), str(len(deck.cards)), duration
        )
    console = stdout()
    console.print(table)
    console.print(
        pick(
            lang,
            "* deck joué par défaut : scenarios play",
            "* deck played by default: scenarios play",
        )
    )
    return 0
