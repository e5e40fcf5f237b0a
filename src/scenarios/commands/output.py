"""Printing for commands: colour only on a terminal, errors on stderr, words from the catalog."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook, RenderResult
from rich.measure import Measurement
from rich.segment import Segment

from scenarios.deck import DeckError, Diagnostic
from scenarios.i18n import Lang, Texts
from scenarios.i18n.system import SystemReason
from scenarios.render.printable import printable

TEXTS = Texts("cli")


class _Printable:
    """A renderable whose text segments lose their control characters (styles are kept)."""

    def __init__(self, inner: ConsoleRenderable) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control is None:
                yield Segment(printable(segment.text), segment.style)
            else:
                yield segment

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.inner)


class _NoControls(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Printable(renderable) for renderable in renderables]


def _console(*, stderr: bool) -> Console:
    """A console for data: no emoji codes (`file:100:9` stays), no guessed highlighting,
    and no control character of a deck or a journal reaches the terminal."""
    console = Console(stderr=stderr, emoji=False, highlight=False, soft_wrap=True)
    console.push_render_hook(_NoControls())
    return console


def stdout() -> Console:
    return _console(stderr=False)


def stderr() -> Console:
    return _console(stderr=True)


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
