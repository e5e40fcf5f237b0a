"""The command line speaks one language at a time, argparse's own words included.

Run as a user runs it (a subprocess), so the language is chosen from argv and
the environment exactly as at a terminal.
"""

from __future__ import annotations

import argparse
import ast
import gettext
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.cli import COMMANDS, GROUPS, lang_of
from scenarios.commands.argparse_i18n import ARGPARSE
from scenarios.i18n import LANGS, Lang
from tests.conftest import MINI, CliResult

# argparse's English words (and a few of our English helps') that are not French.
ENGLISH = {
    "usage", "positional", "show", "this", "help", "and", "exit", "program's", "number",
    "error", "invalid", "choice", "choose", "from", "the", "following", "are", "is",
    "required", "unrecognized", "expected", "one", "at", "least", "most", "ambiguous",
    "could", "match", "not", "allowed", "with", "of", "default", "subcommands", "warning",
    "value", "to", "by", "for", "file", "write", "print", "games", "seed", "output",
    "language", "check", "list", "commands", "command", "name", "folder", "path",
}  # fmt: skip
# Words both versions may share: command names, option values, and words
# French and English spell alike.
SHARED = {
    "scenarios", "play", "validate", "schema", "new", "decks", "simulate", "report",
    "serve", "replay", "print", "kit", "pdf", "chromium", "chrome", "deck", "fr", "en", "text", "md", "html", "json", "yaml", "random",
    "greedy", "pass", "cautious", "module", "n", "arguments", "options", "messages",
    "variable", "version", "format", "journal", "terminal", "port",
    # workshop: its actions and choices, and French words spelled as in English
    "workshop", "create", "list", "status", "export", "same", "different", "sqlite",
    "postgresql", "table", "tables", "phase", "code", "action", "actions", "script", "bots", "join", "dashboard", "minutes", "xlsx", "a", "observe", "observations",
    # export and import: command names and file formats
    "import", "csv",
    # new --style: its choices, and words French and English spell alike
    "game", "discussion", "questions", "questionnaire", "score",
    # print --var ID=VALUE, and the phases' own minutes
    "var", "id", "phases",
}  # fmt: skip
SUBCOMMANDS = [
    [],
    *([command] for command in COMMANDS),
    *([group] for group in GROUPS),
    *([group, action] for group, actions in GROUPS.items() for action in actions),
]
COMMAND_NAMES = {*COMMANDS, *GROUPS, *(action for actions in GROUPS.values() for action in actions)}


def run(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "SCENARIOS_LANG"}
    if lang is not None:
        env["SCENARIOS_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "scenarios", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def words(text: str) -> set[str]:
    """The words of a help or message, without option names, choices and metavars."""
    text = re.sub(r"-[\w-]+|\{[^}]*\}|\b[A-ZÉÈÀÔ_=]{2,}\b", " ", text)
    return set(re.findall(r"[a-zà-ÿœ'’]+", text.lower()))


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=lambda c: " ".join(c) or "scenarios")
def test_french_help_has_no_english_word(command: list[str]) -> None:
    french = run(*command, "--help")
    english = run(*command, "--help", "--lang", "en")
    assert french.returncode == english.returncode == 0, french.stderr
    # Command names (`workshop list`) are names, not English.
    assert not (words(french.stdout) - COMMAND_NAMES) & ENGLISH, french.stdout
    # What both versions say alike is a name or a word both languages have:
    # anything else is an untranslated text.
    assert not (words(french.stdout) & words(english.stdout)) - SHARED, french.stdout
    assert french.stdout.startswith("utilisation\u00a0: scenarios")


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=lambda c: " ".join(c) or "scenarios")
def test_english_help_with_lang_en(command: list[str]) -> None:
    result = run(*command, "--lang", "en", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: scenarios")
    assert "show this help message and exit" in result.stdout
    assert "options:" in result.stdout


def test_usage_errors_are_in_the_readers_language_and_exit_two() -> None:
    french = run("simulate", "--games", "0", "x")
    assert french.returncode == 2
    assert "scenarios simulate\u00a0: erreur\u00a0: argument --games\u00a0:" in french.stderr
    assert not words(french.stderr) & ENGLISH, french.stderr
    english = run("simulate", "--games", "0", "x", "--lang", "en")
    assert english.returncode == 2
    assert "scenarios simulate: error: argument --games: 0 is too small" in english.stderr
    for args in (["frobnicate"], ["validate"], ["decks", "extra"], ["simulate", "--seed", "x"]):
        result = run(*args)
        assert result.returncode == 2, args
        assert "erreur" in result.stderr and not words(result.stderr) & ENGLISH, result.stderr


@pytest.mark.parametrize(
    "args", [["--lang", "en", "decks"], ["decks", "--lang", "en"], ["decks", "--lang=en"]]
)
def test_lang_before_or_after_the_subcommand(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert "deck played by default" in result.stdout


def test_scenarios_lang_chooses_the_language_and_lang_overrides_it() -> None:
    assert "deck played by default" in run("decks", lang="en").stdout
    assert run("--help", lang="en").stdout.startswith("usage:")
    assert "deck joué par défaut" in run("decks", "--lang", "fr", lang="en").stdout
    assert run("--lang", "fr", "--help", lang="en").stdout.startswith("utilisation")


def test_language_is_read_before_parsing() -> None:
    assert lang_of(["decks", "--lang", "en"]) == "en"
    assert lang_of(["--lang=en", "play"]) == "en"
    assert lang_of(["--lang", "en", "decks", "--lang", "fr"]) == "fr"  # the last one wins
    assert lang_of(["--lang", "de"]) == "fr"  # argparse then refuses it, in French
    assert lang_of(["play", "--", "--lang", "en"]) == "fr"


def test_messages_of_commands_follow_the_language(cli: Callable[..., CliResult]) -> None:
    assert "valide (2 cartes)" in cli("validate", str(MINI))[1]
    assert "valid (2 cards)" in cli("validate", "--lang", "en", str(MINI))[1]
    assert "valid (2 cards)" in cli("--lang", "en", "validate", str(MINI))[1]


def test_argparse_speaks_its_own_language_again_after_a_run(
    cli: Callable[..., CliResult],
) -> None:
    cli("--help")
    assert vars(argparse)["_"] is gettext.gettext
    assert vars(argparse)["ngettext"] is gettext.ngettext


def argparse_messages() -> set[str]:
    """Every literal argparse passes to `_()` or `ngettext()` (the singular), in this Python."""
    assert argparse.__file__
    with open(argparse.__file__, encoding="utf-8") as source:
        tree = ast.parse(source.read())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
            first = node.args[0]
            if node.func.id in ("_", "ngettext") and isinstance(first, ast.Constant):
                found.add(first.value)
    return found - {None}


@pytest.mark.parametrize("lang", LANGS)
def test_every_argparse_message_is_in_the_catalog(lang: Lang) -> None:
    messages = argparse_messages()
    assert "usage: " in messages and "expected %s argument" in messages
    assert sorted(m for m in messages if not ARGPARSE.has(m, lang)) == []


ENGLISH_DECK = """\
format: 1
id: english
title: "English"
language: en
roles:
  - {id: team, title: "Team"}
indicators:
  - {id: morale, title: "Morale", start: 5}
cards:
  - {id: rain, type: event, title: "Rain", effects: {morale: -1}}
"""


@pytest.mark.parametrize(
    ("args", "env", "shown"),
    [
        ([], None, "en"),
        (["--lang", "fr"], None, "fr"),
        (["--lang=fr"], None, "fr"),
        ([], "fr", "fr"),
    ],
)
def test_an_english_deck_plays_in_english_unless_the_reader_asked_for_a_language(
    cli: Callable[..., CliResult],
    write_deck: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: str | None,
    shown: str,
) -> None:
    from scenarios.tui.app import ScenariosApp

    seen: list[str] = []
    monkeypatch.setattr(ScenariosApp, "run", lambda app: seen.append(app.lang))
    if env is None:
        monkeypatch.delenv("SCENARIOS_LANG", raising=False)
    else:
        monkeypatch.setenv("SCENARIOS_LANG", env)
    code, _, err = cli("play", str(write_deck(ENGLISH_DECK)), *args)
    assert code == 0, err
    assert seen == [shown]


def test_play_given_a_journal_resumes_it(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`scenarios play partie.jsonl` is read as `--resume partie.jsonl`, not as a deck
    whose YAML is wrong at line 2."""
    from scenarios.deck import load_deck
    from scenarios.engine import Draw
    from scenarios.journal import Session
    from scenarios.tui.app import ScenariosApp

    journal = tmp_path / "partie.jsonl"
    with Session.start(load_deck(MINI), 1, journal) as session:
        session.apply(Draw())
    seen: list[object] = []
    monkeypatch.setattr(ScenariosApp, "run", lambda app: seen.append(app.initial_resume))
    code, _, err = cli("play", str(journal))
    assert code == 0, err
    assert seen == [journal]
