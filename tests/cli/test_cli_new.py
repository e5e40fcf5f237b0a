"""`scenarios new NAME` as a deck designer uses it: a name, never a path; a deck an editor helps with."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from scenarios.deck import load_deck
from scenarios.deck.schema import SCHEMA_FILE, schema_text
from tests.conftest import CliResult, spaced

Cli = Callable[..., CliResult]


def _tree(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, two levels down in an otherwise empty tree."""
    folder = tmp_path / "ateliers" / "decks"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("name", ["", "   ", "!!!", ".yaml"])
def test_a_name_without_letters_is_refused_and_nothing_is_written(
    cli: Cli, here: Path, tmp_path: Path, name: str
) -> None:
    code, out, err = cli("new", name)
    assert code == 2
    assert out == ""
    assert spaced(err).startswith("il faut un nom de deck, avec des lettres ou des chiffres ;")
    assert "scenarios new crue-de-la-loire" in err
    assert _tree(tmp_path) == ["ateliers", "ateliers/decks"]
    code, _, err = cli("new", name, "--lang", "en")
    assert code == 2
    assert err.startswith("a deck name is needed, with letters or digits; for example")


@pytest.mark.parametrize(
    ("name", "sample"),
    [
        ("../../ailleurs/x y", "x-y"),
        ("../voisin.yaml", "voisin"),
        ("sous-dossier/crue", "crue"),
        ("..", "mon-deck"),
        ("crue\\loire", "loire"),
    ],
)
def test_a_path_is_refused_with_the_name_that_would_do(
    cli: Cli, here: Path, tmp_path: Path, name: str, sample: str
) -> None:
    code, out, err = cli("new", name)
    assert code == 2
    assert out == ""
    assert spaced(err) == (
        f"« {name} » est un chemin, pas un nom de deck : « scenarios new » crée le deck dans "
        f"le dossier courant ; allez dans le dossier voulu (cd), puis lancez "
        f"« scenarios new {sample} »\n"
    )
    assert _tree(tmp_path) == ["ateliers", "ateliers/decks"]
    _, _, err = cli("new", name, "--lang", "en")
    assert f"then run 'scenarios new {sample}'" in err


def test_a_name_in_words_gives_a_file_named_by_its_slug_and_keeps_the_words_as_title(
    cli: Cli, here: Path
) -> None:
    code, out, _ = cli("new", "Crue de la Loire")
    assert code == 0
    assert "Deck créé : crue-de-la-loire.yaml" in spaced(out)
    deck = load_deck(here / "crue-de-la-loire.yaml")
    assert deck.id == "crue-de-la-loire"
    assert deck.title == "Crue de la Loire"
    assert _tree(here) == ["crue-de-la-loire.yaml", SCHEMA_FILE]


def test_the_starter_points_editors_to_a_schema_written_beside_it(cli: Cli, here: Path) -> None:
    assert cli("new", "ma-crise")[0] == 0
    text = (here / "ma-crise.yaml").read_text(encoding="utf-8")
    # A relative path: the YAML extension of editors reads it from the deck's folder,
    # and the deck and its schema can be moved or shared together.
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_FILE}"
    schema = json.loads((here / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert (here / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()
    jsonschema.validate(yaml.safe_load(text), schema)


def test_a_second_deck_shares_the_schema_and_an_old_one_is_brought_up_to_date(
    cli: Cli, here: Path
) -> None:
    old = json.loads(schema_text())
    old["properties"].pop("observation_tags")
    (here / SCHEMA_FILE).write_text(json.dumps(old), encoding="utf-8")
    assert cli("new", "premier")[0] == 0
    assert (here / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()
    code, out, _ = cli("new", "second")
    assert code == 0
    assert SCHEMA_FILE not in out  # already there, unchanged
    assert _tree(here) == [SCHEMA_FILE, "premier.yaml", "second.yaml"]


def test_a_file_of_the_schema_s_name_that_is_not_ours_is_left_alone(cli: Cli, here: Path) -> None:
    (here / SCHEMA_FILE).write_text('{"title": "autre chose"}', encoding="utf-8")
    code, _, err = cli("new", "ma-crise")
    assert code == 0
    assert (here / SCHEMA_FILE).read_text(encoding="utf-8") == '{"title": "autre chose"}'
    assert f"{SCHEMA_FILE} existe déjà et n’est pas le schéma des decks" in spaced(err)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "Sans commande, « scenarios » ouvre l’application plein écran"),
        ("en", "Without a command, 'scenarios' opens the full-screen app"),
    ],
)
def test_help_says_that_no_command_opens_the_full_screen_app(
    cli: Cli, lang: str, words: str
) -> None:
    code, out, _ = cli("--help", "--lang", lang)
    assert code == 0
    assert words in " ".join(spaced(out).split())


@pytest.mark.parametrize(
    ("lang", "asked"),
    [("fr", "Qui prévenir en premier\u00a0?"), ("en", "Whom do you warn first?")],
)
def test_a_discussion_starter_is_a_commented_exercise_in_the_reader_s_language(
    cli: Cli, here: Path, lang: str, asked: str
) -> None:
    code, out, _ = cli("new", "Tempête", "--style", "discussion", "--lang", lang)
    assert code == 0, out
    path = here / "tempete.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_FILE}"
    assert text.count("\n#") + text.count("  #") >= 10
    jsonschema.validate(yaml.safe_load(text), schema := json.loads(schema_text()))
    assert (here / SCHEMA_FILE).read_text(encoding="utf-8") == json.dumps(
        schema, ensure_ascii=False, indent=2
    ) + "\n"
    deck = load_deck(path)
    assert (deck.id, deck.title, deck.style, deck.language) == (
        "tempete",
        "Tempête",
        "discussion",
        lang,
    )
    assert deck.indicators == () and deck.endings == () and deck.score is None
    questions = [card for card in deck.cards if card.kind.asks]
    assert len(questions) == 3 and asked in [q.title for q in questions]
    assert all(q.expected and q.facilitator for q in questions)
    assert any(q.to for q in questions)
    assert [c.type for c in deck.cards if not c.kind.asks] == ["event"]
    assert deck.handouts and deck.card(deck.schedule[1].card).handout == deck.handouts[0].id
    assert {entry.card for entry in deck.schedule} == {card.id for card in deck.cards}
    assert len(deck.variables) == 2 and len(deck.questionnaire) == 3
    assert {item.scale for item in deck.questionnaire} == {"score", "yesno", "text"}
    assert any("{{" in role.title for role in deck.roles)
    code, out, err = cli("validate", "--strict", str(path))
    assert code == 0, err
    assert "avertissement" not in out + err and "warning" not in out + err


def test_the_game_starter_stays_the_default_style(cli: Cli, here: Path) -> None:
    assert cli("new", "crue", "--style", "game")[0] == 0
    assert cli("new", "autre")[0] == 0
    game = (here / "crue.yaml").read_text(encoding="utf-8")
    assert game == (here / "autre.yaml").read_text(encoding="utf-8").replace(
        "autre", "crue"
    ).replace("Autre", "Crue")
    assert load_deck(here / "crue.yaml").style == "game"
    code, out, err = cli("validate", "--strict", str(here / "crue.yaml"))
    assert code == 0, err
    assert "avertissement" not in out + err, "a designer's first deck checks clean"
    code, _, err = cli("new", "x", "--style", "debat")
    assert code == 2 and "debat" in err


def test_the_game_starter_speaks_the_reader_s_language(cli: Cli, here: Path) -> None:
    code, out, _ = cli("new", "Flood", "--lang", "en")
    assert code == 0, out
    text = (here / "flood.yaml").read_text(encoding="utf-8")
    assert "# A starter deck: edit it" in text and "Décrivez" not in text
    deck = load_deck(here / "flood.yaml")
    assert (deck.id, deck.title, deck.language, deck.style) == ("flood", "Flood", "en", "game")
    assert [phase.title for phase in deck.phases] == [
        "Before — getting ready", "During — facing it", "After — recovering",
    ]  # fmt: skip
    code, out, err = cli("validate", "--strict", str(here / "flood.yaml"), "--lang", "en")
    assert code == 0, err
    assert "warning" not in out + err
