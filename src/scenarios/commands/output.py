"""Printing for commands: colour only on a terminal, errors on stderr."""

from __future__ import annotations

import sys

from rich.console import Console

from scenarios.deck import DeckError
from scenarios.i18n import Lang, french_typography


def stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def report_deck_error(error: DeckError, lang: Lang) -> int:
    """Print every diagnostic of `error` on stderr; returns exit code 1."""
    console = stderr()
    for diagnostic in error.diagnostics:
        style = "red" if diagnostic.severity == "error" else "yellow"
        console.print(diagnostic.format(lang), style=style, markup=False)
    return 1


def pick(lang: Lang, french: str, english: str) -> str:
    """The French text (with French spacing) or the English one."""
    return french_typography(french) if lang == "fr" else english


def is_terminal() -> bool:
    return sys.stdout.isatty()
