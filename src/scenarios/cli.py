"""The `scenarios` command: one entry point, subcommands that read like sentences.

Exit codes: 0 ok, 1 the input is invalid (a clear message, no traceback),
2 usage error. Everything is in French unless `--lang en` (before or after
the subcommand) or `SCENARIOS_LANG=en` asks for English, argparse's own words
included. Each subcommand imports its module only when it runs, so
`scenarios validate` does not pay for loading the TUI.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from scenarios import __version__
from scenarios.commands.argparse_i18n import ARGPARSE, HelpFormatter, speaking
from scenarios.commands.output import TEXTS
from scenarios.i18n import LANGS, Lang, env_lang


@attrs.frozen
class Arg:
    """One argument of a subcommand; its help and metavar are catalog ids, not text.

    The help is `help.<command>.<name>`, the metavar `metavar.<metavar>` ("" leaves
    argparse's: the flag, or the choices). A `number` is a whole number, at least
    `minimum` and at most `maximum` when given, refused in the reader's language otherwise.
    """

    flags: tuple[str, ...]
    metavar: str = ""
    number: bool = False
    minimum: int | None = None
    maximum: int | None = None
    settings: Mapping[str, Any] = attrs.field(factory=dict)

    @property
    def name(self) -> str:
        return self.flags[-1].lstrip("-")


def arg(
    *flags: str,
    metavar: str = "",
    number: bool = False,
    minimum: int | None = None,
    maximum: int | None = None,
    **settings: Any,
) -> Arg:
    """An `Arg`; a `minimum` or a `maximum` implies a number."""
    bounded = minimum is not None or maximum is not None
    return Arg(flags, metavar, number or bounded, minimum, maximum, settings)


FILE_OUTPUT = arg("-o", "--output", metavar="file")

COMMANDS: Mapping[str, tuple[Arg, ...]] = {
    "play": (
        arg("deck", nargs="?", metavar="deck"),
        arg("--seed", metavar="seed", number=True),
        arg("--team", action="append", default=[], metavar="team"),
        arg("--table", metavar="label"),
        arg("--journal", metavar="file"),
        arg("--resume", metavar="journal"),
    ),
    "validate": (
        arg("decks", nargs="+", metavar="deck"),
        arg("--format", choices=("text", "json"), default="text"),
        arg("--strict", action="store_true"),
        arg("--watch", action="store_true"),
    ),
    "schema": (),
    "new": (
        arg("name", metavar="name"),
        arg("--style", choices=("game", "discussion"), default="game"),
    ),
    "decks": (),
    "simulate": (
        arg("deck", metavar="deck"),
        arg("--games", default=100, metavar="count", minimum=1),
        arg("--seed", default=0, metavar="seed", number=True),
        arg("--policy", action="append", metavar="policy"),
        arg("--jobs", default=1, metavar="count", minimum=1),
        arg("--journals", metavar="folder"),
        arg("--format", choices=("text", "json"), default="text"),
        arg("--report", nargs="?", const="text", choices=("text", "md", "html", "json")),
        FILE_OUTPUT,
    ),
    "report": (
        arg("journals", nargs="*", metavar="journal"),
        arg("--format", choices=("md", "html", "json"), default="md"),
        FILE_OUTPUT,
        arg("--schema", action="store_true"),
    ),
    "serve": (
        arg("deck", nargs="?", metavar="deck"),
        arg("--host", default="127.0.0.1", metavar="address"),
        arg("--port", default=8000, metavar="port", minimum=1, maximum=65535),
        arg("--max-sessions", default=12, metavar="count", minimum=1),
        arg("--no-token", action="store_true"),
    ),
    "replay": (
        arg("journals", nargs="+", metavar="journal"),
        arg("--verify", action="store_true"),
    ),
    "print": (
        arg("deck", metavar="deck"),
        arg("-o", "--output", required=True, metavar="file"),
        arg("--minutes", default=6, metavar="count", minimum=1, maximum=240),
        arg("--pdf", action="store_true"),
        arg("--var", action="append", default=[], metavar="variable"),
    ),
    "export": (
        arg("deck", metavar="deck"),
        arg("--format", choices=("xlsx", "csv"), default="xlsx"),
        arg("-o", "--output", required=True, metavar="file"),
        arg("--minutes", default=6, metavar="count", minimum=1, maximum=240),
    ),
    "import": (
        arg("source", metavar="file"),
        arg("-o", "--output", required=True, metavar="file"),
        arg("--map", metavar="map"),
        arg("--minutes", default=6, metavar="count", minimum=1, maximum=240),
    ),
}

# Subcommands whose module is not named after them (`import` is a Python keyword).
MODULES: Mapping[str, str] = {"import": "import_deck"}


STORE = arg("--store", metavar="store")
WORKSHOP = arg("workshop", metavar="workshop")
# A workshop's round length for every round; left out (None): each phase's `minutes` in the
# deck, 6 for a phase without (`deck/times.py` `round_seconds`).
ROUND_MINUTES = arg("--minutes", default=None, metavar="count", minimum=1, maximum=240)

# Subcommands that are a group of actions: `scenarios workshop create ...`.
# Help ids are `help.<group>.<action>` and `help.<group>.<action>.<name>`.
GROUPS: Mapping[str, Mapping[str, tuple[Arg, ...]]] = {
    "workshop": {
        "create": (
            arg("deck", metavar="deck"),
            arg("--tables", required=True, metavar="count", minimum=1, maximum=1000),
            arg("--name", metavar="name"),
            arg("--label", default="Table {n}", metavar="label"),
            arg("--seed", metavar="seed", number=True),
            arg("--seeds", choices=("same", "different"), default="same"),
            arg("--var", action="append", default=[], metavar="variable"),
            arg("--format", choices=("text", "json"), default="text"),
            STORE,
        ),
        "play": (
            arg("code", metavar="code"),
            arg("--role", action="append", default=[], metavar="role"),
            ROUND_MINUTES,
            STORE,
        ),
        "join": (WORKSHOP, ROUND_MINUTES, STORE),
        "observe": (
            arg("code", metavar="code"),
            arg("--name", metavar="name"),
            ROUND_MINUTES,
            STORE,
        ),
        "dashboard": (WORKSHOP, ROUND_MINUTES, STORE),
        "serve": (
            WORKSHOP,
            arg("--host", default="127.0.0.1", metavar="address"),
            arg("--port", default=8000, metavar="port", minimum=1, maximum=65535),
            arg("--max-sessions", default=30, metavar="count", minimum=1),
            arg("--no-token", action="store_true"),
            arg("--dashboard", action="store_true"),
            ROUND_MINUTES,
            STORE,
        ),
        "report": (
            arg("workshop", nargs="?", metavar="workshop"),
            arg("--format", choices=("md", "html", "json", "xlsx"), default="md"),
            FILE_OUTPUT,
            arg("--schema", action="store_true"),
            STORE,
        ),
        "list": (arg("--format", choices=("text", "json"), default="text"), STORE),
        "status": (WORKSHOP, arg("--format", choices=("text", "json"), default="text"), STORE),
        "export": (WORKSHOP, arg("folder", metavar="folder"), STORE),
        "bots": (
            WORKSHOP,
            arg("--policy", default="greedy", metavar="policy"),
            arg("--pace", default=2.0, type=float, metavar="seconds"),
            arg("--tables", nargs="+", metavar="label"),
            STORE,
        ),
    },
}


def lang_of(argv: Sequence[str]) -> Lang:
    """The language of the last `--lang X` or `--lang=X`, else the environment's.

    Read before parsing, so that help and usage errors are already in it.
    """
    asked = env_lang()
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        else:
            continue
        asked = next((lang for lang in LANGS if lang == value), asked)
    return asked


def lang_given(argv: Sequence[str]) -> bool:
    """Whether the reader asked for a language (`--lang` or `SCENARIOS_LANG`): a deck's
    `language` is only the default for when they did not."""
    if os.environ.get("SCENARIOS_LANG", "").strip().lower()[:2] in LANGS:
        return True
    for word in argv:
        if word == "--":
            break
        if word == "--lang" or word.startswith("--lang="):
            return True
    return False


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    """The command line, with every word in `lang` (call it inside `speaking(lang)`)."""
    parser = argparse.ArgumentParser(
        prog="scenarios", description=TEXTS(lang, "description"), formatter_class=HelpFormatter
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"scenarios {__version__}",
        help=ARGPARSE.template(lang, "show program's version number and exit"),
    )
    _add_lang(parser, lang, lang)
    sub = parser.add_subparsers(
        dest="command",
        title=TEXTS(lang, "commands"),
        metavar=TEXTS(lang, "metavar.command"),
    )
    for command, args in COMMANDS.items():
        _add_command(sub, command, command, args, lang)
    for group, actions in GROUPS.items():
        child = sub.add_parser(
            group, help=TEXTS(lang, f"help.{group}"), formatter_class=HelpFormatter
        )
        _add_lang(child, lang, argparse.SUPPRESS)
        grandchildren = child.add_subparsers(
            dest="action",
            required=True,
            title=TEXTS(lang, "commands"),
            metavar=TEXTS(lang, "metavar.action"),
        )
        for action, args in actions.items():
            _add_command(grandchildren, action, f"{group}.{action}", args, lang)
    return parser


def _add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_id: str,
    args: tuple[Arg, ...],
    lang: Lang,
) -> None:
    """A subcommand (or a group's action) with its arguments; help ids start `help.<help_id>`."""
    child = sub.add_parser(name, help=TEXTS(lang, f"help.{help_id}"), formatter_class=HelpFormatter)
    for argument in args:
        _add(child, help_id, argument, lang)
    # Given after the subcommand it overrides the one before; absent, it keeps it.
    _add_lang(child, lang, argparse.SUPPRESS)


def _add_lang(parser: argparse.ArgumentParser, lang: Lang, default: str) -> None:
    parser.add_argument("--lang", choices=LANGS, default=default, help=TEXTS(lang, "help.lang"))


def _add(parser: argparse.ArgumentParser, command: str, argument: Arg, lang: Lang) -> None:
    settings = dict(argument.settings, help=TEXTS(lang, f"help.{command}.{argument.name}"))
    if argument.metavar:
        settings["metavar"] = TEXTS(lang, f"metavar.{argument.metavar}")
    if argument.number:
        settings["type"] = whole_number(lang, argument.minimum, argument.maximum)
    parser.add_argument(*argument.flags, **settings)


def whole_number(
    lang: Lang, minimum: int | None, maximum: int | None = None
) -> Callable[[str], int]:
    """An argparse type: a whole number (within the bounds given), refused in `lang` otherwise."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(TEXTS(lang, "type.number", value=text)) from None
        if minimum is not None and value < minimum:
            raise argparse.ArgumentTypeError(
                TEXTS(lang, "type.minimum", value=value, minimum=minimum)
            )
        if maximum is not None and value > maximum:
            raise argparse.ArgumentTypeError(
                TEXTS(lang, "type.maximum", value=value, maximum=maximum)
            )
        return value

    return convert


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line; no subcommand means `play`. Exits 2 on a usage error."""
    lang = lang_of(argv)
    with speaking(lang):
        parser = build_parser(lang)
        args = parser.parse_args(argv)
        if args.command is None:
            args = parser.parse_args(["play", *argv])
    args.lang_given = lang_given(argv)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = parse(list(sys.argv[1:] if argv is None else argv))
    name = MODULES.get(args.command, args.command)
    module = importlib.import_module(f"scenarios.commands.{name}")
    try:
        code: int = module.run(args)
    except KeyboardInterrupt:
        return 130
    return code
