"""The `scenarios` command: one entry point, subcommands that read like sentences.

Exit codes: 0 ok, 1 the input is invalid (a clear message, no traceback),
2 usage error. Help and messages are in French unless `--lang en` (or
`SCENARIOS_LANG=en`) asks for English. Each subcommand imports its module only
when it runs, so `scenarios validate` does not pay for loading the TUI.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from scenarios import __version__
from scenarios.i18n import LANGS, Lang, env_lang

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def _lang_from(argv: Sequence[str]) -> Lang:
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value == "fr":
            return "fr"
        if value == "en":
            return "en"
    return env_lang()


class _Parser(argparse.ArgumentParser):
    """argparse with our usage exit code and French words where argparse has English ones."""

    lang: Lang = "fr"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        label = "erreur" if self.lang == "fr" else "error"
        sys.stderr.write(f"{self.prog}: {label}: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    """The command line, with help in `lang`."""
    fr = lang == "fr"

    def t(french: str, english: str) -> str:
        return french if fr else english

    _Parser.lang = lang
    parser = _Parser(
        prog="scenarios",
        description=t(
            "Jeu de scénarios de crise : avant, pendant et après.",
            "Crisis scenario game: before, during and after.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"scenarios {__version__}")
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang",
        choices=LANGS,
        default=lang,
        help=t("langue des messages (fr par défaut)", "language of messages"),
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMANDE" if fr else "COMMAND", parser_class=_Parser
    )

    play = sub.add_parser("play", parents=[common], help=t("jouer un deck", "play a deck"))
    play.add_argument(
        "deck",
        nargs="?",
        help=t("chemin ou identifiant d’un deck fourni", "path or id of a bundled deck"),
    )
    play.add_argument(
        "--seed",
        type=int,
        help=t("graine du tirage (au hasard sinon)", "seed of the draws (random otherwise)"),
    )
    play.add_argument(
        "--team",
        action="append",
        default=[],
        metavar=t("NOM=RÔLE", "NAME=ROLE"),
        help=t("une équipe et son rôle (répétable)", "a team and its role (repeatable)"),
    )
    play.add_argument(
        "--journal", help=t("fichier du journal de la partie", "session journal file")
    )
    play.add_argument(
        "--resume",
        metavar="JOURNAL",
        help=t("reprendre une partie interrompue", "resume an interrupted session"),
    )

    validate = sub.add_parser(
        "validate", parents=[common], help=t("vérifier des decks", "check decks")
    )
    validate.add_argument("decks", nargs="+", metavar="DECK")
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=t("format de sortie", "output format"),
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help=t(
            "les avertissements font échouer, et des parties simulées complètent l’analyse",
            "warnings fail, and simulated games complete the analysis",
        ),
    )
    validate.add_argument(
        "--watch",
        action="store_true",
        help=t("vérifier de nouveau à chaque enregistrement", "check again on every save"),
    )

    sub.add_parser(
        "schema",
        parents=[common],
        help=t("afficher le schéma JSON du format de deck", "print the deck JSON Schema"),
    )

    new = sub.add_parser(
        "new",
        parents=[common],
        help=t("créer un deck de départ commenté", "create a commented starter deck"),
    )
    new.add_argument("name", help=t("nom du deck (fichier NOM.yaml)", "deck name (file NAME.yaml)"))

    sub.add_parser(
        "decks", parents=[common], help=t("lister les decks fournis", "list bundled decks")
    )

    simulate = sub.add_parser(
        "simulate",
        parents=[common],
        help=t("jouer des parties automatiques", "play automatic games"),
    )
    simulate.add_argument("deck", metavar="DECK")
    simulate.add_argument(
        "--games",
        type=_positive,
        default=100,
        help=t("nombre de parties (100)", "number of games (100)"),
    )
    simulate.add_argument(
        "--seed", type=int, default=0, help=t("graine de la série (0)", "run seed (0)")
    )
    simulate.add_argument(
        "--policy",
        action="append",
        metavar=t("POLITIQUE", "POLICY"),
        help=t(
            "random, greedy, pass, cautious, ou module:attribut ; répétable "
            "(random par défaut, toutes les politiques fournies avec --report)",
            "random, greedy, pass, cautious, or module:attribute; repeatable "
            "(random by default, every built-in policy with --report)",
        ),
    )
    simulate.add_argument(
        "--jobs",
        type=_positive,
        default=1,
        help=t("nombre de processus (1)", "number of processes (1)"),
    )
    simulate.add_argument(
        "--journals",
        metavar=t("DOSSIER", "FOLDER"),
        help=t("écrire le journal de chaque partie", "write each game's journal"),
    )
    simulate.add_argument("--format", choices=("text", "json"), default="text")
    simulate.add_argument(
        "--report",
        nargs="?",
        const="text",
        choices=("text", "md", "html", "json"),
        help=t(
            "rapport d’équilibre : tableaux dans le terminal, ou md, html, json",
            "balance report: tables in the terminal, or md, html, json",
        ),
    )
    simulate.add_argument(
        "-o",
        "--output",
        metavar=t("FICHIER", "FILE"),
        help=t("écrire le rapport dans ce fichier", "write the report to this file"),
    )

    report = sub.add_parser(
        "report",
        parents=[common],
        help=t(
            "débriefing d’une partie, ou comparaison de plusieurs",
            "debrief of a session, or comparison of several",
        ),
    )
    report.add_argument("journals", nargs="*", metavar="JOURNAL")
    report.add_argument(
        "--format",
        choices=("md", "html", "json"),
        default="md",
        help=t("format (md par défaut)", "format (md by default)"),
    )
    report.add_argument(
        "-o",
        "--output",
        metavar=t("FICHIER", "FILE"),
        help=t("écrire dans ce fichier", "write to this file"),
    )
    report.add_argument(
        "--schema",
        action="store_true",
        help=t("afficher le schéma JSON du rapport", "print the report's JSON Schema"),
    )

    serve = sub.add_parser(
        "serve",
        parents=[common],
        help=t("servir l’application dans un navigateur", "serve the app in a web browser"),
    )
    serve.add_argument(
        "deck",
        nargs="?",
        metavar="DECK",
        help=t("deck à jouer (l’accueil sinon)", "deck to play (the home screen otherwise)"),
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help=t("adresse d’écoute (127.0.0.1)", "address to listen on"),
    )
    serve.add_argument("--port", type=int, default=8000, help=t("port (8000)", "port (8000)"))

    replay = sub.add_parser(
        "replay",
        parents=[common],
        help=t("rejouer un journal de partie", "replay a session journal"),
    )
    replay.add_argument("journals", nargs="+", metavar="JOURNAL")
    replay.add_argument(
        "--verify",
        action="store_true",
        help=t(
            "vérifier chaque état et chaque tirage, sans écran",
            "check every state and draw, without a screen",
        ),
    )
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} < 1")
    return value


_COMMANDS = {
    "validate": "scenarios.commands.validate",
    "schema": "scenarios.commands.schema",
    "new": "scenarios.commands.new",
    "decks": "scenarios.commands.decks",
    "play": "scenarios.commands.play",
    "simulate": "scenarios.commands.simulate",
    "replay": "scenarios.commands.replay",
    "serve": "scenarios.commands.serve",
    "report": "scenarios.commands.report",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from(args_list)
    parser = build_parser(lang)
    args = parser.parse_args(args_list)
    if args.command is None:
        args = parser.parse_args(["play", *args_list])
    module = importlib.import_module(_COMMANDS[args.command])
    try:
        code: int = module.run(args)
    except KeyboardInterrupt:
        return 130
    return code
