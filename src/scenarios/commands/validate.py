"""`scenarios validate DECK...`: every error of every deck, as text or JSON."""

from __future__ import annotations

import argparse
import json

from scenarios.commands.output import pick, stderr, stdout
from scenarios.deck import Deck, DeckError, Diagnostic, load_deck, resolve_deck


def _check(argument: str) -> tuple[str, Deck | None, tuple[Diagnostic, ...]]:
    try:
        path = resolve_deck(argument)
        return str(path), load_deck(path), ()
    except DeckError as error:
        return argument, None, error.diagnostics


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    results = [_check(argument) for argument in args.decks]
    valid = all(deck is not None for _, deck, _ in results)
    if args.format == "json":
        payload = {
            "valid": valid,
            "decks": [
                {
                    "file": file,
                    "valid": deck is not None,
                    "id": deck.id if deck else None,
                    "diagnostics": [d.to_json(lang) for d in diagnostics],
                }
                for file, deck, diagnostics in results
            ],
        }
        stdout().print_json(json.dumps(payload, ensure_ascii=False))
        return 0 if valid else 1
    out, err = stdout(), stderr()
    for file, deck, diagnostics in results:
        for diagnostic in diagnostics:
            style = "red" if diagnostic.severity == "error" else "yellow"
            err.print(diagnostic.format(lang), style=style, markup=False)
        if deck is not None:
            out.print(
                pick(
                    lang,
                    f"{file} : valide ({len(deck.cards)} cartes)",
                    f"{file}: valid ({len(deck.cards)} cards)",
                ),
                style="green",
                markup=False,
            )
        else:
            errors = sum(1 for d in diagnostics if d.severity == "error")
            err.print(
                pick(
                    lang,
                    f"{file} : invalide ({errors} erreur{'s' if errors > 1 else ''})",
                    f"{file}: invalid ({errors} error{'s' if errors > 1 else ''})",
                ),
                style="bold red",
                markup=False,
            )
    return 0 if valid else 1
