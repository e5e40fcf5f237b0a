"""`scenarios print DECK -o kit.html [--pdf] [--var id=value ...]`: the paper for a room, as
one printable HTML page, or its PDF when a headless Chromium is installed (`render/pdf.py`).

The deck is laid out by `deck/kit.py` and written by the debrief's HTML page
(A4, no script, no external asset); the file is written whole or not at all.
Paper is what the table reads, so its texts are filled: each `{{variable}}`
with the value given by `--var`, else the variable's default. A `--var` the
deck does not declare is a usage error (exit 2) that lists those it does.
"""

from __future__ import annotations

import argparse

from scenarios.commands.files import write_document
from scenarios.commands.output import TEXTS, report_deck_error, say
from scenarios.commands.variables import BadVariable, variable_values
from scenarios.deck import DeckError, load_deck, resolve_deck
from scenarios.deck.kit import kit_blocks
from scenarios.deck.variables import with_variables
from scenarios.i18n import Lang
from scenarios.render.html import SHEETS, page
from scenarios.render.pdf import PdfError, html_to_pdf


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    try:
        deck = load_deck(resolve_deck(args.deck))
    except DeckError as error:
        return report_deck_error(error, lang)
    try:
        values = variable_values(deck, args.var)
    except BadVariable as error:
        say(TEXTS.format(lang, error.code, error.params), error=True, style="red")
        return 2
    blocks = kit_blocks(with_variables(deck, values), lang, args.minutes)
    document: str | bytes = page(blocks, lang, style=SHEETS)
    if args.pdf:
        try:
            document = html_to_pdf(str(document))
        except PdfError as error:
            say(error.message(lang), error=True, style="red")
            return 1
    return write_document(args.output, document, lang, "print.written")
