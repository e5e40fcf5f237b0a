"""`scenarios play [DECK]`: the Textual app, for a table and its facilitator."""

from __future__ import annotations

import argparse
from pathlib import Path

from scenarios.commands.files import check_new_file
from scenarios.commands.output import TEXTS, report_deck_error, report_os_error, say
from scenarios.deck import Deck, DeckError, load_deck, resolve_deck
from scenarios.i18n import Lang
from scenarios.render.printable import printable


def parse_teams(values: list[str], deck: Deck | None, lang: Lang) -> dict[str, str] | None:
    """`NAME=ROLE` pairs as a role -> team name mapping; None (after a message) if malformed."""
    teams: dict[str, str] = {}
    roles = {role.id for role in deck.roles} if deck else set()
    for value in values:
        name, sep, role = value.rpartition("=")
        if not sep or not name.strip() or not role.strip() or (roles and role not in roles):
            known = ", ".join(sorted(roles))
            say(TEXTS(lang, "play.team", value=value, known=known), error=True)
            return None
        teams[role.strip()] = name.strip()
    return teams


def parse_label(value: str | None, lang: Lang) -> str | None:
    """The table's name from `--table`, stripped; None (after a message) if empty, too long
    for the setup's field or not printable. `value` None: no name given, the setup's default."""
    from scenarios.tui.screens.setup import MAX_LABEL

    if value is None:
        return None
    label = value.strip()
    if not label or len(label) > MAX_LABEL or not label.isprintable():
        shown = printable(value[:MAX_LABEL])
        say(TEXTS(lang, "play.table", value=shown, limit=MAX_LABEL), error=True)
        return None
    return label


def journal_given_as_deck(args: argparse.Namespace) -> None:
    """`scenarios play partie.jsonl` resumes that game, as `--resume partie.jsonl` does:
    a journal is what a trainer has in hand after a session, not a deck."""
    deck = args.deck
    if (
        deck is not None
        and args.resume is None
        and deck.endswith(".jsonl")
        and Path(deck).is_file()
    ):
        args.resume, args.deck = deck, None


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    deck = None
    journal_given_as_deck(args)
    if args.deck is not None and args.resume is None:
        try:
            deck = load_deck(resolve_deck(args.deck))
        except DeckError as error:
            return report_deck_error(error, lang)
        if not getattr(args, "lang_given", True):
            # `language: en` in the deck: English for its game, unless the reader asked otherwise.
            lang = "en" if deck.language == "en" else "fr"
    teams = parse_teams(args.team, deck, lang)
    if teams is None:
        return 2
    label = parse_label(args.table, lang)
    if label is None and args.table is not None:
        return 2
    resume = Path(args.resume) if args.resume else None
    if resume is not None and not resume.is_file():
        say(TEXTS(lang, "play.no_journal", path=resume), error=True)
        return 1
    journal = Path(args.journal) if args.journal else None
    if journal is not None:
        try:
            check_new_file(journal)
        except OSError as error:
            return report_os_error("play.journal_unusable", error, lang, path=journal)
    from scenarios.tui import is_served
    from scenarios.tui.app import ScenariosApp
    from scenarios.tui.bindings import localised

    app = localised(ScenariosApp, lang)(
        lang=lang,
        deck=deck,
        resume=resume,
        seed=args.seed,
        teams=teams,
        table_label=label,
        journal=journal,
        deck_path=Path(args.deck) if deck is not None and Path(args.deck).is_file() else None,
        served=is_served(),
    )
    app.run()
    if app.last_journal is not None:
        say(TEXTS(lang, "play.journal", path=app.last_journal))
    if app.failure is not None:  # the journal's last word was a refusal: say it again here
        say(app.failure, error=True, style="red")
        return 1
    return 0
