"""`scenarios validate DECK...`: every error and warning of every deck, as text or JSON.

Errors make a deck invalid (exit 1). Lint warnings (`deck/lint.py`) are shown
but do not fail, unless `--strict`, which also plays a few hundred simulated
games to find what the static analysis cannot decide. `--watch` checks again
each time a deck file is saved.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import attrs

from scenarios.commands.output import pick, stderr, stdout
from scenarios.deck import Deck, DeckError, Diagnostic, load_deck, resolve_deck
from scenarios.deck.lint import lint
from scenarios.i18n import Lang


@attrs.frozen
class Checked:
    file: str
    deck: Deck | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "warning")

    def passes(self, strict: bool) -> bool:
        return self.deck is not None and not (strict and self.warnings)


def check(argument: str, strict: bool) -> Checked:
    """Load a deck and lint it (with simulated games when `strict`)."""
    try:
        path = resolve_deck(argument)
        deck = load_deck(path)
    except DeckError as error:
        return Checked(argument, None, error.diagnostics)
    warnings = lint(deck)
    if strict:
        from scenarios.sim.simulated_checks import simulated_lint

        warnings += simulated_lint(deck, warnings)
    return Checked(str(path), deck, tuple(warnings))


def run(args: argparse.Namespace) -> int:
    if args.watch:
        return watch(args)
    return report(args)


def report(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    results = [check(argument, args.strict) for argument in args.decks]
    valid = all(result.passes(args.strict) for result in results)
    if args.format == "json":
        payload = {
            "valid": valid,
            "strict": args.strict,
            "decks": [
                {
                    "file": result.file,
                    "valid": result.passes(args.strict),
                    "id": result.deck.id if result.deck else None,
                    "diagnostics": [d.to_json(lang) for d in result.diagnostics],
                }
                for result in results
            ],
        }
        stdout().print_json(json.dumps(payload, ensure_ascii=False))
        return 0 if valid else 1
    out, err = stdout(), stderr()
    for result in results:
        for diagnostic in result.diagnostics:
            style = "red" if diagnostic.severity == "error" else "yellow"
            err.print(diagnostic.format(lang), style=style, markup=False)
        if result.passes(args.strict):
            cards = len(result.deck.cards) if result.deck else 0
            extra = _warning_count(result.warnings, lang)
            out.print(
                pick(
                    lang,
                    f"{result.file} : valide ({cards} cartes{extra})",
                    f"{result.file}: valid ({cards} cards{extra})",
                ),
                style="green",
                markup=False,
            )
        else:
            problems = result.errors if result.deck is None else result.warnings
            word = (
                pick(lang, "erreur", "error")
                if result.deck is None
                else pick(lang, "avertissement", "warning")
            )
            plural = "s" if problems > 1 else ""
            if lang == "fr" and word == "avertissement":
                plural = "s" if problems > 1 else ""
            err.print(
                pick(
                    lang,
                    f"{result.file} : invalide ({problems} {word}{plural})",
                    f"{result.file}: invalid ({problems} {word}{plural})",
                ),
                style="bold red",
                markup=False,
            )
    return 0 if valid else 1


def _warning_count(count: int, lang: Lang) -> str:
    if not count:
        return ""
    plural = "s" if count > 1 else ""
    return pick(lang, f", {count} avertissement{plural}", f", {count} warning{plural}")


def watch(args: argparse.Namespace) -> int:
    """Check the decks, then again each time one of their files changes, until Ctrl+C."""
    from watchfiles import watch as changes

    lang: Lang = args.lang
    folders = set()
    for argument in args.decks:
        try:
            folders.add(str(resolve_deck(argument).resolve().parent))
        except DeckError:
            folders.add(str(Path(argument).resolve().parent))
    report(args)
    stdout().print(
        pick(
            lang,
            "Surveillance des fichiers : Ctrl+C pour arrêter.",
            "Watching the files: Ctrl+C to stop.",
        ),
        style="dim",
        markup=False,
    )
    try:
        for changed in changes(
            *folders, watch_filter=lambda _, path: path.endswith((".yaml", ".yml"))
        ):
            del changed
            stdout().rule()
            report(args)
    except KeyboardInterrupt:
        return 0
    return 0
