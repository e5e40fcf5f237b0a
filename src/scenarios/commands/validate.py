"""`scenarios validate DECK...`: every error and warning of every deck, as text or JSON.

Errors make a deck invalid (exit 1). Lint warnings (`deck/lint.py`) are shown
but do not fail, unless `--strict`, which also plays a few hundred simulated
games to find what the static analysis cannot decide, and checks the deck's
lessons on them (an error for each one they do not bear out). `--watch` checks again
each time a deck file is saved.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import attrs

from scenarios.commands.output import TEXTS, print_diagnostics, say, stdout
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
        """Loaded, no lesson failed (`--strict`), and no warning with `--strict`."""
        return self.deck is not None and not self.errors and not (strict and self.warnings)


def check(argument: str, strict: bool) -> Checked:
    """Load a deck and lint it (with simulated games when `strict`)."""
    try:
        path = resolve_deck(argument)
        deck = load_deck(path)
    except DeckError as error:
        return Checked(argument, None, error.diagnostics)
    warnings = lint(deck)
    if strict:
        from scenarios.sim.simulated_checks import simulated_checks

        warnings += simulated_checks(deck, warnings)
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
    for result in results:
        print_diagnostics(result.diagnostics, lang)
        passed = result.passes(args.strict)
        say(
            verdict(result, args.strict, lang),
            error=not passed,
            style="green" if passed else "bold red",
        )
    return 0 if valid else 1


def verdict(result: Checked, strict: bool, lang: Lang) -> str:
    """`file : valide (N cartes, M avertissements)`, or `file : invalide (N erreurs)`."""
    if result.passes(strict):
        cards = TEXTS(lang, "count.cards", count=len(result.deck.cards) if result.deck else 0)
        if not result.warnings:
            return TEXTS(lang, "validate.valid", file=result.file, cards=cards)
        warnings = TEXTS(lang, "count.warnings", count=result.warnings)
        return TEXTS(
            lang, "validate.valid_warnings", file=result.file, cards=cards, warnings=warnings
        )
    if result.errors:  # a deck that did not load, or lessons its games do not bear out
        problems = TEXTS(lang, "count.errors", count=result.errors)
    else:
        problems = TEXTS(lang, "count.warnings", count=result.warnings)
    return TEXTS(lang, "validate.invalid", file=result.file, problems=problems)


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
    say(TEXTS(lang, "validate.watching"), style="dim")
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
