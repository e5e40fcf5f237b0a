"""`scenarios workshop report`: the tables side by side, checked against their journals."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.deck import Deck, load_deck, resolve_deck
from scenarios.store import Store
from scenarios.workshop import create_workshop
from scenarios.workshop.bots import run_tables
from tests.conftest import CliResult

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Written into a copy of the page: how wide the page scrolls and how wide it shows, the
# text column (the title) and the widest table, once laid out.
PROBE = """<script>addEventListener("load", () => {
  const width = (e) => Math.round(e.getBoundingClientRect().width);
  const root = document.documentElement;
  const widest = Math.max(...[...document.querySelectorAll("table")].map(width));
  document.body.dataset.probe = [root.scrollWidth, root.clientWidth,
    width(document.querySelector("h1")), widest].join(" ");
});</script></body>"""


@pytest.fixture
def played(store: Store, store_url: str) -> str:
    """A workshop of six tables with the default (identical) teams, played by bots."""
    deck: Deck = load_deck(resolve_deck("inondation"))
    create_workshop(store, deck, tables=6, name="prefecture", seed=12)
    run_tables(store, store.tables("prefecture"), "random", 0, threads=2)
    return store_url


def choices_in(journal: Path) -> dict[str, str]:
    """Each dilemma's chosen option, read straight from the JSONL (bots never undo)."""
    chosen: dict[str, str] = {}
    for line in journal.read_text(encoding="utf-8").splitlines()[1:]:
        action = json.loads(line)["action"]
        assert action["type"] != "undo"
        if action["type"] == "choose":
            chosen.setdefault(action["card"], action["option"])
    return chosen


def changes_in(journal: Path) -> dict[str, dict[str, int]]:
    """For each dilemma decided, the indicators its choice changed, by replaying the JSONL
    with the engine alone."""
    from scenarios.engine import action_from_dict, apply, new_game
    from scenarios.journal import journal_deck, read_journal

    header = read_journal(journal).header
    deck = journal_deck(header)
    state = new_game(deck, header.seed)
    changes: dict[str, dict[str, int]] = {}
    for line in journal.read_text(encoding="utf-8").splitlines()[1:]:
        action = json.loads(line)["action"]
        after = apply(state, action_from_dict(action))
        if action["type"] == "choose" and action["card"] not in changes:
            changes[action["card"]] = {
                i.id: b - a
                for i, a, b in zip(deck.indicators, state.indicators, after.indicators, strict=True)
                if a != b
            }
        state = after
    return changes


def test_the_dilemma_matrix_matches_the_exported_journals(
    played: str, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    code, out, err = cli("workshop", "report", "prefecture", "--format", "json", "--store", played)
    assert code == 0, err
    data = json.loads(out)
    labels = [table["label"] for table in data["tables"]]
    assert labels == [f"Table {n}" for n in range(1, 7)], "six tables stay six tables"
    assert cli("workshop", "export", "prefecture", str(tmp_path), "--store", played)[0] == 0
    deck = load_deck(resolve_deck("inondation"))
    titles = {(c.id, o.id): o.title for c in deck.cards for o in c.options}
    expected: dict[str, dict[str, str | None]] = {}
    for number, label in enumerate(labels, start=1):
        for card, option in choices_in(tmp_path / f"table-{number}.jsonl").items():
            expected.setdefault(card, dict.fromkeys(labels))[label] = titles[(card, option)]
    found = {row["card"]: row["chosen"] for row in data["dilemmas"]}
    assert found == expected
    assert found, "the bots met at least one dilemma"
    followed = {row["card"]: row["followed"] for row in data["dilemmas"]}
    assert followed == {
        card: {
            label: changes_in(tmp_path / f"table-{n}.jsonl").get(card)
            for n, label in enumerate(labels, start=1)
        }
        for card in expected
    }, "what followed each choice is what the engine gives replaying the journal"


def response_rows(markdown: str) -> list[tuple[list[str], str]]:
    """The expected responses' table: each row's cells for the tables, and its sum."""
    part = markdown.split("## Les réponses attendues, table par table")[1].split("\n## ")[0]
    rows = [line.strip("|").split(" | ") for line in part.splitlines() if line.startswith("| ")]
    assert rows, "the table is there"
    return [([c.strip() for c in row[1:-1]], row[-1].strip()) for row in rows[1:]]


def test_markdown_html_and_the_workbook(
    played: str, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    code, out, _ = cli("workshop", "report", "prefecture", "--store", played)
    text = out.replace("\u00a0", " ").replace("\u202f", " ")
    assert code == 0 and "# Atelier « prefecture »" in text
    assert "## Les dilemmes : le choix de chaque table" in text
    assert "## Les réponses attendues, table par table" in text
    assert text.count(" : son débriefing") == 6
    for cells, in_all in response_rows(text):
        anticipated = cells.count("anticipé")
        in_time = anticipated + cells.count("à temps")
        late = sum(c.endswith("de retard") for c in cells)
        said = f"{in_time} à temps" + (
            f" (dont {anticipated} anticipée{'s' * (anticipated > 1)})" if anticipated else ""
        )
        never, faced = cells.count("aucune réponse"), len(cells) - cells.count("—")
        expected = f"{said}, {late} en retard, {never} sans réponse, sur {faced}"
        assert in_all == expected, "the sum says what the cells say"
    html = tmp_path / "atelier.html"
    assert (
        cli(
            "workshop",
            "report",
            "prefecture",
            "--format",
            "html",
            "-o",
            str(html),
            "--store",
            played,
        )[0]
        == 0
    )
    page = html.read_text(encoding="utf-8")
    assert "<table" in page
    tables = text.split("## Les tables")[1].split("\n## ")[0]
    rows = [line.split(" | ") for line in tables.splitlines() if line.startswith("| Table ")]
    scores = [row[2] for row in rows[1:]]  # after the header
    assert len(scores) == 6
    for score in scores:  # the chart writes each score as the table does (not « 49.00 »)
        assert f'class="axis">{score} </text>' in page
    book_path = tmp_path / "atelier.xlsx"
    code, _, err = cli(
        "workshop",
        "report",
        "prefecture",
        "--format",
        "xlsx",
        "-o",
        str(book_path),
        "--store",
        played,
    )
    assert code == 0, err
    book = load_workbook(book_path)
    assert book.sheetnames == [
        "Tables",
        "Dilemmes",
        "Réponses attendues",
        "Axes d’amélioration",
        "Kit",
        "Notes",
    ]
    assert [c.value for c in book["Tables"][1]][:3] == ["Table", "Issue", "Score"]
    assert book["Tables"].max_row == 7
    code, _, err = cli("workshop", "report", "prefecture", "--format", "xlsx", "--store", played)
    assert code == 2 and "-o" in err


def test_a_facilitator_note_is_in_the_report(
    store: Store, store_url: str, cli: Callable[..., CliResult]
) -> None:
    from scenarios.engine import Note
    from scenarios.journal.format import FACILITATOR
    from scenarios.workshop.table import TableSession

    deck = load_deck(resolve_deck("inondation"))
    create_workshop(store, deck, tables=2, name="w", seed=1)
    seat = TableSession.join(store, store.tables("w")[1])
    seat.apply(Note("la table 2 hésite sur l’évacuation"), FACILITATOR)
    code, out, _ = cli("workshop", "report", "w", "--format", "json", "--store", store_url)
    assert code == 0
    assert json.loads(out)["notes"] == [
        {
            "table": "Table 2",
            "text": "la table 2 hésite sur l’évacuation",
            "by": "facilitator",
            "tags": [],
        }
    ]


def test_the_json_follows_the_published_schema(
    played: str, store: Store, cli: Callable[..., CliResult]
) -> None:
    import jsonschema

    from scenarios.engine import Note
    from scenarios.journal.format import FACILITATOR
    from scenarios.workshop.table import TableSession

    code, out, err = cli("workshop", "report", "--schema")
    assert code == 0, err
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    seat = TableSession.join(store, store.tables("prefecture")[2])
    seat.apply(Note("la table 3 attend la vigilance rouge"), FACILITATOR)
    for lang in ("fr", "en"):
        code, out, err = cli(
            "workshop", "report", "prefecture", "--format", "json", "--store", played, "--lang", lang
        )
        assert code == 0, err
        data = json.loads(out)
        jsonschema.validate(data, schema)
    assert all(data[view] for view in ("dilemmas", "responses", "axes", "kit", "notes"))
    assert [table["debrief"]["table"] for table in data["tables"]] == [
        f"Table {n}" for n in range(1, 7)
    ]
    data["dilemmas"][0]["per_table"] = {}  # a key the schema does not know is refused
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    code, _, err = cli("workshop", "report")
    assert code == 2 and "--schema" in err


def test_exported_journals_keep_their_table_labels_in_a_comparison(
    store: Store, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    deck = load_deck(resolve_deck("inondation"))
    create_workshop(store, deck, tables=3, name="salles", label="Salle {n}", seed=4)
    run_tables(store, store.tables("salles"), "random", 0, threads=2)
    code, _, err = cli("workshop", "export", "salles", str(tmp_path), "--store", store.url)
    assert code == 0, err
    journals = sorted(tmp_path.glob("*.jsonl"))
    code, out, err = cli("report", "--format", "json", *map(str, journals))
    assert code == 0, err
    assert [s["table"] for s in json.loads(out)["sessions"]] == ["Salle 1", "Salle 2", "Salle 3"]


def test_a_choice_s_changes_keep_the_indicators_titles_as_written() -> None:
    from scenarios.workshop.report import DilemmaRow
    from scenarios.workshop.report_output import dilemma_cells

    row = DilemmaRow(
        "d",
        "Évacuer ?",
        ("Évacuer", None),
        ((("bien", "Bien-être", -2), ("moyens", "Moyens", 1)), ()),
    )
    assert dilemma_cells(row) == ["Évacuer (Bien-être −2, Moyens +1)", "—"]


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("SCENARIOS_REQUIRE_BROWSER"),
    reason="Debian's chromium is installed by .ci/run",
)
def test_the_tables_side_by_side_fit_the_window_and_the_page_never_scrolls_sideways(
    played: str, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    assert CHROMIUM is not None, "chromium is required here (SCENARIOS_REQUIRE_BROWSER)"
    page = tmp_path / "atelier.html"
    code, _, err = cli(
        "workshop", "report", "prefecture", "--format", "html", "-o", str(page), "--store", played
    )
    assert code == 0, err
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE), "utf-8")
    profile = tempfile.mkdtemp(prefix="chromium-")
    try:
        for window in (1280, 480):
            dom = subprocess.run(
                [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 f"--user-data-dir={profile}", f"--window-size={window},900", "--dump-dom",
                 probed.as_uri()],
                capture_output=True, text=True, timeout=120, check=False,
            )  # fmt: skip
            found = re.search(r'data-probe="(\d+) (\d+) (\d+) (\d+)"', dom.stdout)
            assert found, dom.stderr[-2000:]
            scrolls, shows, text, widest = map(int, found.groups())
            assert scrolls == shows, f"at {window} px the page scrolls sideways"
            if window == 1280:  # six tables side by side: wider than the text, within the window
                assert text < widest <= shows
    finally:
        shutil.rmtree(profile, ignore_errors=True)
