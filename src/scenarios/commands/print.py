"""`scenarios print DECK -o kit.html`: the paper for a room, as one printable HTML page.

The deck is laid out by `deck/kit.py` and written by the debrief's HTML page
(A4, no script, no external asset); the file is written whole or not at all.
"""

from __future__ import annotations

import argparse

from scenarios.commands.files import write_document
from scenarios.commands.output import report_deck_error
from scenarios.deck import DeckError, load_deck, resolve_deck
from scenarios.deck.kit import kit_blocks
from scenarios.i18n import Lang
from scenarios.render.html import SHEETS, page


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    try:
        deck = load_deck(resolve_deck(args.deck))
    except DeckError as error:
        return report_deck_error(error, lang)
    document = page(kit_blocks(deck, lang, args.minutes), lang, style=SHEETS)
    return write_document(args.output, document, lang, "print.written")
