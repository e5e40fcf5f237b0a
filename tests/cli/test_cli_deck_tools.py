"""`scenarios validate`, `schema`, `new` and `decks` as an author uses them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from scenarios.deck import bundled_decks, load_deck
from scenarios.deck.bundled import DEFAULT_DECK, bundled_folder
from scenarios.deck.schema import SCHEMA_FILE, deck_schema
from tests.conftest import CRUE, MINI, CliResult


def test_valid_decks_exit_zero(cli: Callable[..., CliResult]) -> None:
    code, out, err = cli("validate", str(CRUE), str(MINI))
    assert code == 0, err
    assert "valide (15 cartes, 3 avertissements)" in out  # warnings do not fail validation
    assert "valide (2 cartes)" in out


def test_one_invalid_deck_among_several_exits_one(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    bad = write_deck("format: 1\nid: x\n")
    code, out, err = cli("validate", str(CRUE), str(bad))
    assert code == 1
    assert "valide" in out
    assert "invalide" in err


def test_usage_errors_exit_two(cli: Callable[..., CliResult]) -> None:
    assert cli("validate")[0] == 2
    assert cli("validate", "--format", "xml", str(CRUE))[0] == 2
    assert cli("frobnicate")[0] == 2


def test_json_output_is_for_tools(cli: Callable[..., CliResult]) -> None:
    code, out, _ = cli("validate", "--format", "json", str(MINI))
    report = json.loads(out)
    assert code == 0
    assert report == {
        "valid": True,
        "strict": False,
        "decks": [{"file": str(MINI), "valid": True, "id": "mini", "diagnostics": []}],
    }


def test_schema_is_json_schema_2020_12(cli: Callable[..., CliResult]) -> None:
    code, out, _ = cli("schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert {"format", "id", "title", "roles", "indicators", "cards"} <= set(schema["properties"])
    card = schema["properties"]["cards"]["items"]
    assert card["properties"]["type"]["enum"] == ["event", "decision", "dilemma", "question"]
    assert card["properties"]["when"]["description"]


def test_shipped_schema_file_is_the_one_printed(cli: Callable[..., CliResult]) -> None:
    _, out, _ = cli("schema")
    assert (bundled_folder() / SCHEMA_FILE).read_text(encoding="utf-8") == out


def test_schema_flags_what_the_loader_refuses() -> None:
    validator = jsonschema.Draft202012Validator(deck_schema())
    document = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    assert not list(validator.iter_errors(document))
    document["cards"][0]["typ"] = "event"
    document["roles"][0]["hand_size"] = "quatre"
    messages = [error.message for error in validator.iter_errors(document)]
    assert any("typ" in message for message in messages)
    assert any("quatre" in message for message in messages)


def test_new_creates_a_valid_commented_deck(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _out, _ = cli("new", "ma-crise")
    assert code == 0
    path = tmp_path / "ma-crise.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    assert text.count("\n#") + text.count("  #") >= 10
    deck = load_deck(path)
    assert deck.id == "ma-crise"
    assert {card.type for card in deck.cards} == {"event", "decision", "dilemma"}
    assert cli("validate", str(path))[0] == 0
    jsonschema.validate(yaml.safe_load(text), deck_schema())


def test_new_never_overwrites(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exist.yaml").write_text("mine", encoding="utf-8")
    code, _, err = cli("new", "exist")
    assert code == 1
    assert "existe déjà" in err
    assert (tmp_path / "exist.yaml").read_text(encoding="utf-8") == "mine"


def test_decks_lists_bundled_decks_with_titles(cli: Callable[..., CliResult]) -> None:
    code, out, _ = cli("decks")
    assert code == 0
    for bundled in bundled_decks():
        deck = load_deck(bundled.path)
        assert deck.id in out
        assert deck.title[:20] in out


def test_the_default_deck_is_bundled() -> None:
    assert DEFAULT_DECK in {bundled.id for bundled in bundled_decks()}


@pytest.mark.parametrize("bundled", bundled_decks(), ids=lambda b: b.id)
def test_bundled_decks_are_valid_and_point_editors_at_the_schema(bundled: object) -> None:
    path = bundled.path  # type: ignore[attr-defined]
    deck = load_deck(path)
    assert deck.id == path.stem
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    jsonschema.validate(yaml.safe_load(text), deck_schema())


def test_the_real_command_never_prints_a_traceback(write_deck: Callable[..., Path]) -> None:
    path = write_deck("format: 1\nid: [\n")
    result = subprocess.run(
        [sys.executable, "-m", "scenarios", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{path}:" in result.stderr
