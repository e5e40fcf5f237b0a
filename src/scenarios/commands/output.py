"""Printing for commands: colour only on a terminal, errors on stderr, words from the catalog."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from rich.console import Console

from scenarios.deck import DeckError, Diagnostic
from scenarios.i18n import Lang, Texts
from scenarios.i18n.system import SystemReason

TEXTS = Texts("cli")


def stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def say(text: str, *, error: bool = False, style: str | None = None) -> None:
    """Print a plain line (no rich markup in it): on stderr when it is an `error`."""
    (stderr() if error else stdout()).print(text, style=style, markup=False)


def print_diagnostics(diagnostics: Iterable[Diagnostic], lang: Lang) -> None:
    """Every diagnostic on stderr, one a line: errors in red, warnings in yellow."""
    console = stderr()
    for diagnostic in diagnostics:
        style = "red" if diagnostic.severity == "error" else "yellow"
        console.print(diagnostic.format(lang), style=style, markup=False)


def report_deck_error(error: DeckError, lang: Lang) -> int:
    """Print every diagnostic of `error` on stderr; returns exit code 1."""
    print_diagnostics(error.diagnostics, lang)
    return 1


def report_os_error(msg_id: str, error: OSError, lang: Lang, **params: object) -> int:
    """Print message `msg_id` (with `reason`, and `path` unless given) on stderr; returns 1."""
    values = {"path": error.filename, **params, "reason": SystemReason.of(error)}
    say(TEXTS.format(lang, msg_id, values), error=True, style="red")
    return 1


def is_terminal() -> bool:
    return sys.stdout.isatty()
