"""`scenarios import FILE.xlsx|FOLDER -o DECK.yaml`: a trainer's workbook back to a deck.

The sheets become a deck's YAML in their order (`deck/sheets.py`), which the
deck loader then checks whole: each of its findings is told at the cell it
came from (`cartes!F12 : ...`), as are the workbook's own problems (an unknown
column, an empty sheet, a bad time). The YAML is written only when the deck
is valid, whole or not at all; otherwise exit 1. A `--map` that names no
known column, or a header no sheet has, is a usage error (exit 2).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from scenarios.commands.files import write_document
from scenarios.commands.output import TEXTS, say
from scenarios.commands.workbook import (
    BadMap,
    Unreadable,
    parse_map,
    read_sheets,
    sheet_name,
    tables_of,
    unused_headers,
)
from scenarios.deck import DeckError, load_deck_text
from scenarios.deck.sheets import MINUTES, SHEETS, Problem, build_yaml, locate
from scenarios.i18n import Lang


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    source = Path(args.source)
    try:
        mapping = parse_map(args.map or "")
    except BadMap as error:
        say(TEXTS.format(lang, error.code, error.params), error=True, style="red")
        return 2
    if not source.exists():
        say(TEXTS(lang, "kit.missing", path=source), error=True, style="red")
        return 1
    try:
        sheets = read_sheets(source)
    except Unreadable as error:
        say(TEXTS.format(lang, error.code, error.params), error=True, style="red")
        return 1
    unused = unused_headers(sheets, args.map or "")
    if unused:
        say(TEXTS(lang, "kit.map_unused", header=unused[0]), error=True, style="red")
        return 2
    name = Path(args.output).name
    text, problems = convert(sheets, lang, name, source.name, mapping, args.minutes)
    if problems:
        for problem in problems:
            say(describe(problem, lang), error=True, style="red")
        say(TEXTS(lang, "kit.invalid", path=source, count=len(problems)), error=True)
        return 1
    return write_document(args.output, text, lang, "import.written")


def convert(
    sheets: Sequence[tuple[str, list[list[Any]]]],
    lang: Lang,
    name: str,
    source: str,
    mapping: Mapping[str, str] | None = None,
    minutes: int = MINUTES,
) -> tuple[str, list[Problem]]:
    """The deck's YAML from the sheets, and every problem found (at its cell); `mapping`
    names headers that differ, rounds last `minutes` for the cards' times."""
    tables, problems = tables_of(sheets, mapping)
    comments = {
        sheet.key: TEXTS(lang, "kit.yaml.sheet", sheet=sheet_name(lang, sheet.key))
        for sheet in SHEETS
    }
    header = TEXTS(lang, "kit.yaml.header", source=source).splitlines()
    built = build_yaml(tables, comments, header, minutes)
    problems.extend(built.problems)
    if problems:
        return "", problems
    try:
        load_deck_text(built.text, name)
    except DeckError as error:
        names = {sheet.key: sheet_name(lang, sheet.key) for sheet in SHEETS}
        found = [locate(d, built, name, tables, names) for d in error.diagnostics]
        order = [table.name for table in tables]

        def where(problem: Problem) -> tuple[int, int, int]:
            place = problem.place
            index = order.index(place.sheet) if place.sheet in order else len(order)
            return (index, place.row, place.column)

        return "", sorted(found, key=where)
    return built.text, []


def describe(problem: Problem, lang: Lang) -> str:
    """`cartes!F12 : message`."""
    if problem.diagnostic is not None:
        message = problem.diagnostic.message(lang)
    else:
        message = TEXTS.format(lang, problem.code, problem.params)
    return TEXTS(lang, "kit.at", cell=str(problem.place), message=message)
