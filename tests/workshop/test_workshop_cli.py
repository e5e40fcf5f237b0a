"""`scenarios workshop create|list|status|export` as a trainer uses them, on each store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.journal import read_journal
from tests.conftest import MINI, TEST_DECKS, CliResult, spaced


@pytest.fixture
def fcli(cli: Callable[..., CliResult]) -> Callable[..., CliResult]:
    """The command line, its output with plain spaces for French typography's no-break ones."""

    def run(*args: str) -> CliResult:
        code, out, err = cli(*args)
        return code, spaced(out), spaced(err)

    return run


Cli = Callable[..., CliResult]


def create(cli: Cli, store_url: str, *extra: str) -> dict[str, object]:
    code, out, err = cli(
        "workshop", "create", str(MINI), "--tables", "3", "--name", "prefecture",
        "--seed", "7", "--format", "json", "--store", store_url, *extra,
    )  # fmt: skip
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_create_prints_the_workshop_and_a_code_per_table(fcli: Cli, store_url: str) -> None:
    data = create(fcli, store_url)
    assert data["workshop"] == "prefecture"
    tables = data["tables"]
    assert isinstance(tables, list)
    assert [t["label"] for t in tables] == ["Table 1", "Table 2", "Table 3"]
    assert [t["seed"] for t in tables] == [7, 7, 7]
    codes = [t["code"] for t in tables]
    assert len(set(codes)) == 3 and all(len(c) == 7 and c[3] == "-" for c in codes)
    code, out, _ = fcli("workshop", "list", "--store", store_url)
    assert code == 0 and "prefecture" in out and "3 tables" in out


def test_create_in_french_text_then_again_is_refused(fcli: Cli, store_url: str) -> None:
    code, out, err = fcli(
        "workshop", "create", str(MINI), "--tables", "2", "--name", "mairie",
        "--label", "Salle {n} [COD]", "--seeds", "different", "--seed", "3", "--store", store_url,
    )  # fmt: skip
    assert code == 0, err
    assert "Atelier « mairie » créé" in out and "2 tables" in out
    assert "Salle 1 [COD]" in out and "graine 3" in out and "graine 4" in out
    code, _, err = fcli(
        "workshop", "create", str(MINI), "--tables", "2", "--name", "mairie", "--store", store_url
    )
    assert code == 1
    assert "l’atelier « mairie » existe déjà" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--label", "Table"], "doit contenir {n}"),
        (["--name", "  "], "nom d’atelier invalide"),
    ],
)
def test_bad_workshop_requests_are_explained(
    fcli: Cli, store_url: str, args: list[str], expected: str
) -> None:
    code, out, err = fcli(
        "workshop", "create", str(MINI), "--tables", "2", *args, "--store", store_url
    )
    assert code == 1, out
    assert expected in err


def test_status_shows_every_table_and_export_gives_journals_that_verify(
    fcli: Cli, store_url: str, tmp_path: Path
) -> None:
    create(fcli, store_url)
    code, out, _ = fcli("workshop", "status", "prefecture", "--store", store_url)
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 3 and lines[0].startswith("Table 1 · ")
    assert "pas encore commencée" in lines[0] and "0 écran" in lines[0]
    code, out, _ = fcli(
        "workshop", "export", "prefecture", str(tmp_path / "out"), "--store", store_url
    )
    assert code == 0
    files = sorted((tmp_path / "out").glob("*.jsonl"))
    assert [f.name for f in files] == ["table-1.jsonl", "table-2.jsonl", "table-3.jsonl"]
    assert read_journal(files[0]).header.seed == 7
    code, out, _ = fcli("replay", "--verify", *map(str, files))
    assert code == 0 and out.count("cohérent") == 3


def test_unknown_workshop_and_unreachable_store_exit_one_in_english_too(
    fcli: Cli, store_url: str
) -> None:
    code, _, err = fcli("workshop", "status", "nope", "--store", store_url, "--lang", "en")
    assert code == 1 and "no workshop “nope”" in err
    code, _, err = fcli("workshop", "list", "--store", "postgresql://x@127.0.0.1:1/none")
    assert code == 1 and "impossible d’ouvrir la base des ateliers" in err
    code, _, err = fcli("workshop", "list", "--store", "ftp://somewhere")
    assert code == 1 and "adresse de base inconnue" in err


def test_the_store_comes_from_scenarios_store_when_not_given(
    fcli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    monkeypatch.setenv("SCENARIOS_STORE", url)
    create(fcli, url)
    code, out, _ = fcli("workshop", "list")
    assert code == 0 and "prefecture" in out
    assert (tmp_path / "env.sqlite3").is_file()


def test_create_fills_the_decks_variables_for_every_table(
    fcli: Cli, store_url: str, tmp_path: Path
) -> None:
    """The territory's names are the room's: chosen once, in every table's journal."""
    discussion = str(TEST_DECKS / "discussion.yaml")
    code, _, err = fcli(
        "workshop", "create", discussion, "--tables", "2", "--name", "brest",
        "--var", "commune=Brest", "--store", store_url,
    )  # fmt: skip
    assert code == 0, err
    code, _, err = fcli("workshop", "export", "brest", str(tmp_path / "out"), "--store", store_url)
    assert code == 0, err
    journals = sorted((tmp_path / "out").glob("*.jsonl"))
    assert len(journals) == 2
    for path in journals:
        header = read_journal(path).header
        assert dict(header.variables)["commune"] == "Brest"
        assert header.deck_title == "Panne à Brest"


def test_create_refuses_a_variable_the_deck_does_not_declare(fcli: Cli, store_url: str) -> None:
    discussion = str(TEST_DECKS / "discussion.yaml")
    code, _, err = fcli(
        "workshop", "create", discussion, "--tables", "2", "--name", "quimper",
        "--var", "comune=Quimper", "--store", store_url,
    )  # fmt: skip
    assert code == 2
    assert "variable inconnue « comune »" in err and "commune" in err and "Traceback" not in err
    code, out, _ = fcli("workshop", "list", "--store", store_url)
    assert "quimper" not in out, "nothing created"
