"""`scenarios export DECK --format xlsx|csv -o FILE`: a deck as a trainer's workbook.

XLSX: one sheet per part of the deck (`deck/sheets.py` says which and their
columns). CSV: a folder with one file per sheet. Headers in the language asked.
Rounds last `--minutes` for the cards' times (« H+0:12 »). Written whole or
not at all.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from scenarios.commands.files import write_document
from scenarios.commands.output import TEXTS, report_deck_error, report_os_error, say
from scenarios.commands.workbook import csv_files, workbook_bytes
from scenarios.deck import DeckError, load_deck, resolve_deck
from scenarios.deck.sheets import deck_rows
from scenarios.i18n import Lang
from scenarios.render.files import write_atomically


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    try:
        deck = load_deck(resolve_deck(args.deck))
    except DeckError as error:
        return report_deck_error(error, lang)
    tables = deck_rows(deck, args.minutes)
    if args.format == "xlsx":
        return write_document(args.output, workbook_bytes(tables, lang), lang, "export.written")
    folder = Path(args.output)
    files = csv_files(tables, lang)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            write_atomically(folder / name, data)
    except OSError as error:
        return report_os_error("file.cannot_write", error, lang)
    say(TEXTS(lang, "export.written", path=folder))
    return 0
