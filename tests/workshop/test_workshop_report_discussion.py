"""`scenarios workshop report` on a discussion exercise: what a facilitator brings to the
plenary (each table's progress, each question's expected points table by table, the
questionnaire of all tables), said without fault, in every format."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.deck import load_deck
from scenarios.engine import Answer, Cover, Note, Reply, legal_actions
from scenarios.journal.format import FACILITATOR
from scenarios.store import Store
from scenarios.workshop import create_workshop
from scenarios.workshop.table import TableSession
from tests.conftest import TEST_DECKS, CliResult

QUESTION = "q-priorites"  # scheduled in « pendant », round 1: it comes up at every table played
POINTS = ["annuaire de crise papier", "radio", "EHPAD de Carcassonne"]
FREE_TEXT = "La radio <b>*marchait*</b>"


def play(
    seat: TableSession,
    answers: dict[str, str],
    covered: list[int],
    replies: list[tuple[str, str, str]],
) -> None:
    """Play the table to its end, answering and ticking the scheduled question when it
    comes up, then fill the questionnaire."""
    asked = False
    while not seat.state.over:
        if not asked and QUESTION in seat.state.revealed:
            for role, text in answers.items():
                seat.apply(Answer(QUESTION, text, role))
            for point in covered:
                seat.apply(Cover(QUESTION, point), FACILITATOR)
            asked = True
        seat.apply(legal_actions(seat.state)[0])
    assert asked
    for item, value, role in replies:
        seat.apply(Reply(item, value, role))


@pytest.fixture
def workshop(store: Store) -> str:
    """Three tables of the test discussion: two played with different answers, ticks and
    replies, the third not started."""
    deck = load_deck(TEST_DECKS / "discussion.yaml")
    create_workshop(store, deck, tables=3, name="brest", seed=8)
    first, second, _ = store.tables("brest")
    play(
        TableSession.join(store, first),
        {"mairie": "Le préfet, par radio", "prefecture": "Les EHPAD"},
        [0, 2],
        [
            ("q-alerte", "40", "mairie"),
            ("q-alerte", "20", "prefecture"),
            ("q-refaire", "yes", "mairie"),
            ("q-garder", FREE_TEXT, "mairie"),
        ],
    )
    seat = TableSession.join(store, second)
    seat.apply(Note("la table 2 cherche l’annuaire"), FACILITATOR)
    play(
        seat,
        {"mairie": "Les pompiers"},
        [2],
        [
            ("q-alerte", "50", "mairie"),
            ("q-refaire", "no", "prefecture"),
            ("q-garder", "Le papier", "prefecture"),
        ],
    )
    return store.url


def report(cli: Callable[..., CliResult], url: str, *args: str) -> str:
    code, out, err = cli("workshop", "report", "brest", "--store", url, *args)
    assert code == 0, err
    return out


def test_the_json_compares_the_tables_by_their_words(
    workshop: str, cli: Callable[..., CliResult]
) -> None:
    import jsonschema

    schema = json.loads(cli("workshop", "report", "--schema")[1])
    data = json.loads(report(cli, workshop, "--format", "json"))
    jsonschema.validate(data, schema)
    summaries = [table["summary"] for table in data["tables"]]
    assert [s["over"] for s in summaries] == [True, True, False]
    assert summaries[2] == {
        "rounds": 0,
        "over": False,
        "asked": 0,
        "answers": 0,
        "covered": 0,
        "expected": 0,
        "notes": 0,
    }
    assert summaries[1]["notes"] == 1 and summaries[0]["notes"] == 0
    assert summaries[0]["rounds"] == summaries[1]["rounds"] == 3
    row = next(q for q in data["questions"] if q["card"] == QUESTION)
    assert row["asked"] == 2 and row["answered"] == 2
    assert row["answers"] == {"Table 1": 2, "Table 2": 1, "Table 3": None}
    assert [p["text"] for p in row["points"]] == POINTS
    assert [p["covered"] for p in row["points"]] == [
        {"Table 1": True, "Table 2": False, "Table 3": None},
        {"Table 1": False, "Table 2": False, "Table 3": None},
        {"Table 1": True, "Table 2": True, "Table 3": None},
    ]
    assert [p["count"] for p in row["points"]] == [1, 0, 2]
    # Table 1 covered two of the points of the questions it had, whatever else came up.
    assert summaries[0]["covered"] == 2 and summaries[1]["covered"] == 1
    assert summaries[0]["answers"] >= 2 and summaries[1]["answers"] >= 1
    items = {item["id"]: item for item in data["questionnaire"]}
    assert items["q-alerte"]["counts"] == [
        {"value": "20", "count": 1},
        {"value": "40", "count": 1},
        {"value": "50", "count": 1},
    ]
    assert items["q-alerte"]["median"] == 40
    assert items["q-refaire"]["counts"] == [
        {"value": "yes", "count": 1},
        {"value": "no", "count": 1},
    ]
    assert items["q-garder"]["replies"] == [
        {"table": "Table 1", "role": "mairie", "who": "Mairie de Carcassonne", "value": FREE_TEXT},
        {"table": "Table 2", "role": "prefecture", "who": "Préfecture", "value": "Le papier"},
    ]
    assert data["dilemmas"] == [] and data["responses"] == [] and data["axes"] == []


def test_the_markdown_shows_the_matrix_without_fault(
    workshop: str, cli: Callable[..., CliResult]
) -> None:
    text = report(cli, workshop).replace("\u00a0", " ").replace("\u202f", " ")
    cross, _, _ = text.partition("# Table 1 : son débriefing")
    assert cross.startswith("# Atelier « brest » — Panne à Carcassonne : 3 tables")
    assert "| Table | Tours joués | État | Questions posées | Réponses écrites |" in cross
    assert "| Table 3 | 0 | pas commencé | 0 | 0 | 0 / 0 | 0 |" in cross
    assert "## Les questions, table par table" in cross
    assert "✓ : point abordé ; — : point à approfondir" in cross
    assert "Posée à 2 tables sur 3. 2 tables y ont répondu par écrit." in cross
    assert "| Réponses écrites | 2 | 1 |  | 2 sur 2 |" in cross
    assert "| annuaire de crise papier | ✓ | — |  | 1 sur 2 |" in cross
    assert "| radio | — | — |  | 0 sur 2 |" in cross
    assert "| EHPAD de Carcassonne | ✓ | ✓ |  | 2 sur 2 |" in cross
    assert "## Le questionnaire, toutes tables" in cross
    assert "Médiane : 40 (3 réponses)." in cross
    assert "Oui : 1 ; non : 1 (2 réponses)." in cross
    assert "« Le papier » — Table 2, Préfecture" in cross
    assert "\\*marchait\\*" in cross, "a reply is text, not Markdown"
    assert "Les dilemmes" not in text, "the deck has no dilemmas"
    for word in ("victoire", "score", "retard", "Issue"):
        assert word.lower() not in text.lower()
    assert text.count(" : son débriefing") == 3


def test_html_escapes_the_replies_and_english_is_complete(
    workshop: str, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    page = tmp_path / "atelier.html"
    report(cli, workshop, "--format", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert "&lt;b&gt;*marchait*&lt;/b&gt;" in html and "<b>*marchait*" not in html
    english = report(cli, workshop, "--lang", "en")
    assert "## The questions, table by table" in english
    assert "| EHPAD de Carcassonne | ✓ | ✓ |  | 2 of 2 |" in english
    assert "## The questionnaire, all tables" in english
    assert "report." not in english, "every text is in the English catalog"


def test_the_workbook_has_a_sheet_per_discussion_view(
    workshop: str, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "atelier.xlsx"
    report(cli, workshop, "--format", "xlsx", "-o", str(path))
    book = load_workbook(path)
    assert book.sheetnames == ["Tables", "Questions", "Questionnaire", "Kit", "Notes"]
    rows = [[c.value for c in row] for row in book["Questions"].iter_rows()]
    assert rows[0] == ["Question", "Point attendu", "Table 1", "Table 2", "Table 3", "Ensemble"]
    title = "Qui prévenir en premier ?"
    assert [title, "Réponses écrites", "2", "1", None, "2 sur 2"] in rows
    assert [title, "radio", "—", "—", None, "0 sur 2"] in rows
    assert [title, "EHPAD de Carcassonne", "✓", "✓", None, "2 sur 2"] in rows
    replies = [[c.value for c in row] for row in book["Questionnaire"].iter_rows()]
    alerte = "La chaîne d'alerte a-t-elle fonctionné ?"
    assert [r for r in replies if r[0] == alerte] == [
        [alerte, 20, 1, 40, None, None],
        [alerte, 40, 1, None, None, None],
        [alerte, 50, 1, None, None, None],
    ]
    assert ["Faut-il refaire l'exercice ?", "oui", 1, None, None, None] in replies
    assert ["Qu'est-ce qui a bien marché ?", "Le papier", 1, None, "Table 2", "Préfecture"] in (
        replies
    )
