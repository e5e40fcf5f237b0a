"""`scenarios report` over many simulated sessions: never crashes, counts right, renders well."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console
from rich.markdown import Markdown

from scenarios.debrief import load_trace, session_html, session_markdown, session_report
from scenarios.debrief.json_report import session_data
from scenarios.debrief.json_schema import REPORT_SCHEMA
from scenarios.deck import bundled_decks, load_deck
from scenarios.engine import legal_actions, state_env
from scenarios.journal import Session, read_journal, replay
from scenarios.sim import simulate
from tests.conftest import CliResult

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
GAMES_PER_POLICY = 8
POLICIES = ("pass", "random", "greedy")
NOT_PLAYED = re.compile(r"^not played\('[^']+'(, (by|phase)='[^']+')*\)$")


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], list[Path]]:
    """Journals of every bundled deck under every policy."""
    folder = tmp_path_factory.mktemp("journaux")
    found = {}
    for bundled in bundled_decks():
        deck = load_deck(bundled.path)
        for policy in POLICIES:
            target = folder / f"{deck.id}-{policy}"
            simulate(deck, GAMES_PER_POLICY, 11, policy, journals=target)
            found[(deck.id, policy)] = sorted(target.glob("*.jsonl"))
    return found


def test_reports_never_crash_and_json_follows_the_schema(
    simulated: dict[tuple[str, str], list[Path]],
) -> None:
    for journals in simulated.values():
        for path in journals:
            report = session_report(load_trace(path))
            assert session_markdown(report).startswith("# ")
            # the indicators' chart; an exercise without indicators has none
            assert ("<svg" in session_html(report)) is bool(report.indicators)
            jsonschema.validate(session_data(report), REPORT_SCHEMA)


def test_a_table_that_always_passes_gets_every_not_played_rule(
    simulated: dict[tuple[str, str], list[Path]],
) -> None:
    checked = 0
    for (deck_id, policy), journals in simulated.items():
        if policy != "pass":
            continue
        deck = load_deck(next(b.path for b in bundled_decks() if b.id == deck_id))
        rules = {r.id for r in deck.recommendations if NOT_PLAYED.match(r.when.source.strip())}
        for path in journals:
            fired = {hit.id for hit in session_report(load_trace(path)).recommendations}
            assert rules <= fired, (deck_id, path.name, rules - fired)
            checked += len(rules)
    assert checked > 0


def test_fifty_sessions_are_counted_right(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    deck = load_deck(next(b.path for b in bundled_decks() if b.id == "inondation"))
    simulate(deck, 50, 3, "random", journals=tmp_path)
    journals = sorted(tmp_path.glob("*.jsonl"))
    assert len(journals) == 50
    code, out, err = cli("report", "--format", "json", *map(str, journals))
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, REPORT_SCHEMA)
    expected: dict[str, int] = {}
    outcomes = []
    for path in journals:
        final = replay(read_journal(path)).final
        values, functions = state_env(final)
        for rule in deck.recommendations:
            if rule.when(values, functions):
                expected[rule.id] = expected.get(rule.id, 0) + 1
        outcomes.append((final.outcome, final.final_score))
    assert {r["id"]: r["sessions"] for r in data["recommendation_counts"]} == expected
    assert [(s["outcome"], s["score"]) for s in data["sessions"]] == outcomes
    assert [s["journal"] for s in data["sessions"]] == [str(p) for p in journals]


def test_six_tables_with_the_default_teams_stay_six_tables(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    deck = load_deck(next(b.path for b in bundled_decks() if b.id == "inondation"))
    simulate(deck, 6, 8, "random", journals=tmp_path)
    journals = sorted(tmp_path.glob("*.jsonl"))
    teams = {tuple(t.name for t in read_journal(p).header.teams) for p in journals}
    assert len(journals) == 6 and len(teams) == 1, "six journals, the same default team names"
    tables = [f"Table {n}" for n in range(1, 7)]
    code, out, err = cli("report", "--format", "json", *map(str, journals))
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, REPORT_SCHEMA)
    assert [s["table"] for s in data["sessions"]] == tables
    assert data["recurring"], "random tables share some axes d'amélioration"
    for item in data["recurring"]:
        assert len(set(item["tables"])) == item["count"] >= 2
        assert set(item["tables"]) <= set(tables)
    code, out, _ = cli("report", *map(str, journals), "-o", str(tmp_path / "c.md"))
    markdown_text = (tmp_path / "c.md").read_text(encoding="utf-8")
    rows = [line for line in markdown_text.splitlines() if re.match(r"\| Table \d", line)]
    assert [row.split("|")[1].strip() for row in rows] == tables
    assert "Axes d’amélioration qui reviennent d’une table à l’autre" in markdown_text
    code, _, _ = cli(
        "report", *map(str, journals), "--format", "html", "-o", str(tmp_path / "c.html")
    )
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert all(f"<td>{table}</td>" in page for table in tables)


def labelled_game(deck_id: str, path: Path, label: str | None, seed: int) -> Path:
    """A short game at the table `label`, journaled at `path`."""
    deck = load_deck(next(b.path for b in bundled_decks() if b.id == deck_id))
    with Session.start(deck, seed, path, label=label, fsync=False) as session:
        rng = random.Random(seed)
        for _ in range(40):
            if session.state.over:
                break
            actions = legal_actions(session.state)
            session.apply(actions[rng.randrange(len(actions))])
    return path


def test_tables_are_named_by_their_labels_and_a_repeated_label_stays_two_tables(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    labels = ["Salle bleue", None, "Salle bleue", "Table 2"]
    journals = [
        labelled_game("inondation", tmp_path / f"j{n}.jsonl", label, seed=n)
        for n, label in enumerate(labels)
    ]
    code, out, err = cli("report", "--format", "json", *map(str, journals))
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, REPORT_SCHEMA)
    # The second journal has no label: "Table 2", its place, which the fourth asks for too.
    named = ["Salle bleue", "Table 2", "Salle bleue (2)", "Table 2 (2)"]
    assert [s["table"] for s in data["sessions"]] == named
    code, out, err = cli("report", "--format", "json", str(journals[0]))
    assert code == 0 and json.loads(out)["table"] == "Salle bleue"
    code, out, _ = cli("report", str(journals[0]), "--lang", "en", "-o", str(tmp_path / "one.md"))
    assert "Salle bleue: session started" in (tmp_path / "one.md").read_text(encoding="utf-8")


def test_sessions_of_different_decks_are_refused(
    cli: Callable[..., CliResult], tmp_path: Path, simulated: dict[tuple[str, str], list[Path]]
) -> None:
    one = simulated[("inondation", "random")][0]
    other = simulated[("cyberattaque", "random")][0]
    code, _, err = cli("report", str(one), str(other))
    assert code == 1
    assert "decks différents" in err


def test_markdown_reads_well_in_80_columns(simulated: dict[tuple[str, str], list[Path]]) -> None:
    path = simulated[("inondation", "random")][0]
    console = Console(width=80, record=True, color_system=None)
    console.print(Markdown(session_markdown(session_report(load_trace(path)))))
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= 80
    text = "\n".join(lines)
    for heading in ("Points positifs", "Axes d’amélioration", "Recommandations", "kit"):
        assert heading in text


def test_report_writes_html_and_markdown_files(
    cli: Callable[..., CliResult], tmp_path: Path, simulated: dict[tuple[str, str], list[Path]]
) -> None:
    path = simulated[("cyberattaque", "greedy")][0]
    code, out, _ = cli("report", str(path), "--format", "html", "-o", str(tmp_path / "r.html"))
    assert code == 0 and "r.html" in out
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "http" not in page.split("<body>")[0]
    code, _, _ = cli("report", str(path), "--lang", "en", "-o", str(tmp_path / "r.md"))
    assert "# Debrief" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_report_refuses_what_is_not_a_journal(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    path = write_deck("format: 1\n", name="pas-un-journal.jsonl")
    code, _, err = cli("report", str(path))
    assert code == 1 and "pas un journal" in err and "Traceback" not in err


def test_the_schema_is_published(cli: Callable[..., CliResult]) -> None:
    code, out, _ = cli("report", "--schema")
    assert code == 0
    jsonschema.Draft202012Validator.check_schema(json.loads(out))


@pytest.mark.skipif(
    CHROMIUM is None and not __import__("os").environ.get("SCENARIOS_REQUIRE_BROWSER"),
    reason="Debian's chromium is installed by .ci/run",
)
def test_the_html_report_opens_in_chromium_with_its_charts(
    simulated: dict[tuple[str, str], list[Path]], tmp_path: Path
) -> None:
    assert CHROMIUM is not None
    path = simulated[("incendie-industriel", "random")][0]
    page = tmp_path / "rapport.html"
    page.write_text(session_html(session_report(load_trace(path))), encoding="utf-8")
    profile = tempfile.mkdtemp(prefix="chromium-")
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}"]
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120, check=False)
    shot = tmp_path / "rapport.png"
    subprocess.run([*flags, "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    shutil.rmtree(profile, ignore_errors=True)
    assert dom.returncode == 0
    assert dom.stdout.count("<polyline") == 5
    assert shot.exists() and shot.stat().st_size > 20_000
