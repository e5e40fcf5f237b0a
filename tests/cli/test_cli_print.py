"""`scenarios print DECK -o kit.html`: the paper a room needs, as a trainer prints it."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scenarios.deck import bundled_decks, load_deck
from scenarios.deck.variables import with_variables
from scenarios.render.pdf import browser
from tests.conftest import CliResult

NOTES = {
    "deck": "NOTE-DECK ne lisez pas ceci à la table",
    "phase": "NOTE-PHASE relancer si la table hésite",
    "role": "NOTE-ROLE ce rôle a un secret",
    "card": "NOTE-CARD la bonne réponse est le papier",
    "option": "NOTE-OPTION choix piège",
}

DECK = f"""\
format: 1
id: notes
title: "Notes <b>cachées</b>"
facilitator: "{NOTES["deck"]}"
phases:
  - {{id: avant, title: "Avant", rounds: 2, facilitator: "{NOTES["phase"]}"}}
  - {{id: pendant, title: "Pendant", rounds: 1, events_per_round: 2}}
roles:
  - {{id: mairie, title: "Mairie", text: "Protéger les habitants.", facilitator: "{NOTES["role"]}"}}
indicators:
  - {{id: budget, title: "Budget", start: 4, min: 0, max: 8}}
  - {{id: moral, title: "Moral", start: 5}}
cards:
  - id: panne
    type: event
    title: "Panne de courant"
    text: "Plus de réseau."
    phases: [pendant]
    weight: 3
    when: "round >= 1"
    facilitator: "{NOTES["card"]}"
  - id: relais
    type: decision
    title: "Relais radio <script>"
    text: "Un relais de secours."
    cost: {{budget: 2}}
    requires: "moral >= 3"
    counters: [panne]
  - id: choix
    type: dilemma
    title: "Évacuer ?"
    phases: [avant]
    options:
      - {{id: oui, title: "Oui", effects: {{moral: -1}}, facilitator: "{NOTES["option"]}"}}
      - {{id: non, title: "Non", effects: {{trigger: [{{card: panne, in: 1}}]}}}}
"""


class _Sections(HTMLParser):
    """The text of a page, by the class of the outermost section it lies in."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.current = ""
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            if self.depth == 0:
                self.current = dict(attrs).get("class") or ""
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.depth -= 1
            if self.depth == 0:
                self.current = ""

    def handle_data(self, data: str) -> None:
        self.text.setdefault(self.current, []).append(data)


SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})  # French typography's spaces


def plain(text: str) -> str:
    return text.translate(SPACES)


def sections(path: Path) -> dict[str, str]:
    parser = _Sections()
    parser.feed(path.read_text(encoding="utf-8"))
    return {name: plain(" ".join(parts)) for name, parts in parser.text.items()}


@pytest.fixture
def notes_deck(write_deck: Callable[..., Path]) -> Path:
    return write_deck(DECK)


@pytest.mark.parametrize("bundled", bundled_decks(), ids=lambda d: d.id)
def test_every_card_of_a_bundled_deck_is_in_the_kit(
    cli: Callable[..., CliResult], tmp_path: Path, bundled: object
) -> None:
    deck = with_variables(load_deck(bundled.path))  # type: ignore[attr-defined]
    kit = tmp_path / "kit.html"
    code, out, err = cli("print", deck.id, "-o", str(kit))
    assert code == 0, err
    assert f"Kit écrit dans {kit}" in out
    text = sections(kit)
    players = text["players"]
    for card in deck.cards:
        assert plain(card.title) in players
        for point in card.expected:
            assert plain(point) in text["facilitator"]
    for handout in deck.handouts:
        assert plain(handout.title) in players
    for role in deck.roles:
        assert plain(f"Fiche de rôle : {role.title}") in players


def test_no_facilitator_note_reaches_a_player_page(
    cli: Callable[..., CliResult], notes_deck: Path, tmp_path: Path
) -> None:
    kit = tmp_path / "kit.html"
    assert cli("print", str(notes_deck), "-o", str(kit))[0] == 0
    text = sections(kit)
    assert set(text) >= {"cover", "players", "facilitator"}
    for note in NOTES.values():
        assert note not in text["players"]
        assert note not in text["cover"]
        assert note in text["facilitator"]
    # what the players need is on their pages: mission, cards, cost and condition in words
    assert "Protéger les habitants." in text["players"]
    assert "Relais radio <script>" in text["players"]
    assert "Coût : 2 Budget" in text["players"]
    assert "Il faut d’abord : Moral : au moins 3" in text["players"]


def test_the_facilitator_pages_say_draws_triggers_times_and_questions(
    cli: Callable[..., CliResult], notes_deck: Path, tmp_path: Path
) -> None:
    kit = tmp_path / "kit.html"
    assert cli("print", str(notes_deck), "-o", str(kit), "--minutes", "12")[0] == 0
    facilitator = sections(kit)["facilitator"]
    assert "H+0:12" in facilitator  # the second round starts 12 minutes in
    assert "H+0:36" in facilitator  # the end, after three rounds
    assert "« Évacuer ? — Non » déclenche « Panne de courant » (après 1 tour)" in facilitator
    assert "Qu’avez-vous fait face à « Panne de courant » ?" in facilitator
    assert "Réponses prévues par le deck : Relais radio <script>" in facilitator
    assert "tour de la phase : au moins 1" in facilitator  # the draw's condition in words


def test_user_text_is_escaped(
    cli: Callable[..., CliResult], notes_deck: Path, tmp_path: Path
) -> None:
    kit = tmp_path / "kit.html"
    assert cli("print", str(notes_deck), "-o", str(kit))[0] == 0
    html = kit.read_text(encoding="utf-8")
    assert "<script>" not in html and "<b>cachées" not in html
    assert "Relais radio &lt;script&gt;" in html
    assert "Notes &lt;b&gt;cachées&lt;/b&gt;</title>" in html


def test_the_kit_in_english(
    cli: Callable[..., CliResult], notes_deck: Path, tmp_path: Path
) -> None:
    kit = tmp_path / "kit.html"
    code, out, _ = cli("print", str(notes_deck), "-o", str(kit), "--lang", "en")
    assert code == 0
    assert f"Kit written to {kit}" in out
    text = sections(kit)
    assert "Role sheet: Mairie" in text["players"]
    assert "Cost: 2 Budget" in text["players"]
    assert "Facilitator's sheet" in text["facilitator"]
    assert "What did you do about 'Panne de courant'?" in text["facilitator"]
    assert "Fiche" not in kit.read_text(encoding="utf-8")
    assert '<html lang="en">' in kit.read_text(encoding="utf-8")


def test_a_bad_deck_says_where_and_exits_one(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    bad = write_deck("format: 1\nid: x\ntitle: X\nroles: []\nindicators: []\ncards: 3\n")
    kit = tmp_path / "kit.html"
    code, _, err = cli("print", str(bad), "-o", str(kit))
    assert code == 1
    assert f"{bad}:" in err and "Traceback" not in err
    assert any(
        line.startswith(f"{bad}:") and line.split(":")[1].isdigit() for line in err.splitlines()
    )
    assert not kit.exists()


def test_an_unwritable_output_exits_one(
    cli: Callable[..., CliResult], notes_deck: Path, tmp_path: Path
) -> None:
    code, _, err = cli("print", str(notes_deck), "-o", str(tmp_path / "missing" / "kit.html"))
    assert code == 1
    assert "Traceback" not in err and "kit.html" in err
    code, _, err = cli("print", str(notes_deck), "-o", str(tmp_path))
    assert code == 1
    assert "Traceback" not in err


@pytest.mark.skipif(
    browser() is None and not os.environ.get("SCENARIOS_REQUIRE_BROWSER"),
    reason="Debian's chromium is installed by .ci/run",
)
def test_pdf_is_the_kit_laid_out_on_a4_pages_by_chromium(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    assert browser() is not None, "chromium is required here (SCENARIOS_REQUIRE_BROWSER)"
    out = tmp_path / "kit.pdf"
    code, _, err = cli("print", "inondation", "--pdf", "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page[^s]", data)
    assert len(pages) > 10, "the kit's A4 pages, not one long sheet"


def test_pdf_without_a_browser_says_how_to_print_instead(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("scenarios.render.pdf.shutil.which", lambda name: None)
    out = tmp_path / "kit.pdf"
    code, _, err = cli("print", "inondation", "--pdf", "-o", str(out))
    assert code == 1 and not out.exists()
    assert "sans --pdf" in err.replace("\u00a0", " ")
    code, _, err = cli("print", "inondation", "--pdf", "-o", str(out), "--lang", "en")
    assert code == 1 and "without --pdf" in err


# A discussion exercise: facilitator notes and expected points marked so that a test can
# look for each; variables in texts; a handout in Markdown with raw HTML and an image; two
# phases with their own minutes; a schedule; a questionnaire of each scale; no indicator.
SECRETS = {
    "deck": "SECRET-DECK pas pour la table",
    "phase": "SECRET-PHASE relancer",
    "role": "SECRET-ROLE ce rôle hésite",
    "event": "SECRET-EVENT lire lentement",
    "question": "SECRET-QUESTION citer les EHPAD",
    "option": "SECRET-OPTION piège",
}
EXPECTED = ("POINT-UN annuaire papier", "POINT-DEUX radio de {{commune}}")

DISCUSSION = f"""\
format: 1
id: exercice
title: "Panne à {{{{commune}}}}"
style: discussion
facilitator: "{SECRETS["deck"]}"
variables:
  - {{id: commune, title: "Commune", default: "Carcassonne"}}
  - {{id: operateur, title: "Opérateur", default: "Enedis"}}
handouts:
  - id: sms
    kind: sms
    title: "SMS de {{{{operateur}}}}"
    text: |
      ## Message reçu

      Coupure **générale** à {{{{commune}}}}. <script>alert(1)</script>

      - rétablissement inconnu
      - ![carte des coupures](https://exemple.org/carte.png)
  - id: note
    kind: memo
    title: "Note de la mairie"
    text: "Réunion à 18 h."
phases:
  - {{id: avant, title: "Avant", rounds: 2, minutes: 10, facilitator: "{SECRETS["phase"]}"}}
  - {{id: pendant, title: "Pendant", rounds: 2}}
roles:
  - {{id: mairie, title: "Mairie de {{{{commune}}}}", text: "Informer.", facilitator: "{SECRETS["role"]}"}}
  - {{id: prefecture, title: "Préfecture"}}
cards:
  - id: coupure
    type: event
    phases: [pendant]
    weight: 0
    title: "Coupure à {{{{commune}}}}"
    facilitator: "{SECRETS["event"]}"
  - id: q-alerte
    type: question
    phases: [pendant]
    weight: 0
    to: [mairie]
    title: "Qui prévenir ?"
    text: "{{{{operateur}}}} ne répond plus."
    facilitator: "{SECRETS["question"]}"
    expected: ["{EXPECTED[0]}", "{EXPECTED[1]}"]
    handout: sms
  - id: q-table
    type: question
    phases: [avant]
    title: "Que savez-vous ?"
  - id: choix
    type: dilemma
    phases: [avant]
    title: "Ouvrir un gymnase ?"
    options:
      - {{id: oui, title: "Oui", facilitator: "{SECRETS["option"]}"}}
      - {{id: non, title: "Non"}}
endings:
  - {{id: fin, title: "Fin de l'exercice", outcome: victory, when: "round >= 99"}}
schedule:
  - {{phase: pendant, round: 1, card: coupure}}
  - {{phase: pendant, round: 2, card: q-alerte}}
questionnaire:
  - {{id: q-score, text: "L'alerte a-t-elle fonctionné ?", scale: score}}
  - {{id: q-oui, text: "Faut-il refaire l'exercice ?", scale: yesno}}
  - {{id: q-texte, text: "Qu'est-ce qui a bien marché ?", scale: text}}
"""

FIXTURE = Path(__file__).parent.parent / "fixtures" / "discussion.yaml"


@pytest.fixture
def discussion(write_deck: Callable[..., Path]) -> Path:
    return write_deck(DISCUSSION, "exercice.yaml")


@pytest.mark.parametrize("source", ["fixture", "exercice"])
def test_every_card_and_handout_of_a_discussion_is_on_the_players_pages(
    cli: Callable[..., CliResult], tmp_path: Path, discussion: Path, source: str
) -> None:
    path = FIXTURE if source == "fixture" else discussion
    deck = with_variables(load_deck(path))
    kit = tmp_path / "kit.html"
    code, _, err = cli("print", str(path), "-o", str(kit))
    assert code == 0, err
    text = sections(kit)
    for card in deck.cards:
        assert plain(card.title) in text["players"]
    for handout in deck.handouts:
        assert plain(handout.title) in text["players"]
    for item in deck.questionnaire:
        assert plain(item.text) in text["players"]
    for card in deck.cards:
        for point in card.expected:
            assert point not in text["players"] and point not in text["cover"]
            assert point in text["facilitator"]
        if card.facilitator:
            assert card.facilitator not in text["players"]
            assert card.facilitator in text["facilitator"]


def test_no_facilitator_note_nor_expected_point_on_a_players_page(
    cli: Callable[..., CliResult], tmp_path: Path, discussion: Path
) -> None:
    kit = tmp_path / "kit.html"
    assert cli("print", str(discussion), "-o", str(kit))[0] == 0
    text = sections(kit)
    for secret in (*SECRETS.values(), "POINT-UN", "POINT-DEUX"):
        assert secret not in text["players"] and secret not in text["cover"], secret
        assert secret in text["facilitator"], secret
    # the question's card says whom it asks and its handout; the back says its type
    assert "Question posée à : Mairie de Carcassonne" in text["players"]
    assert "Document : SMS de Enedis" in text["players"]
    assert "Question posée à toute la table" in text["players"]
    assert re.search(
        r"<strong>Question</strong><div class=\"who\">Phase : Pendant", plain(kit.read_text())
    )


def test_handouts_are_pages_of_their_own_with_their_markdown_and_no_raw_html(
    cli: Callable[..., CliResult], tmp_path: Path, discussion: Path
) -> None:
    kit = tmp_path / "kit.html"
    assert cli("print", str(discussion), "-o", str(kit))[0] == 0
    html = kit.read_text(encoding="utf-8")
    pages = re.findall(r'<section class="sheet handout">(.*?)</section>', html, re.DOTALL)
    assert len(pages) == 2
    sms = pages[0]
    assert "Document remis à la table : SMS" in plain(sms)
    assert "<h2>SMS de Enedis</h2>" in sms
    assert "<h2>Message reçu</h2>" in sms and "<strong>générale</strong>" in sms
    assert "<li>rétablissement inconnu</li>" in sms
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in sms and "<script>" not in html
    assert "carte des coupures" in sms and "<img" not in html and "exemple.org" not in html
    assert "Coupure <strong>générale</strong> à Carcassonne" in sms


def test_the_facilitator_has_the_schedule_times_and_expected_points_to_tick(
    cli: Callable[..., CliResult], tmp_path: Path, discussion: Path
) -> None:
    """Avant has two rounds of 10 minutes, pendant rounds of --minutes 5: pendant's round 1
    starts at H+0:20 and round 2 at H+0:25; the game ends at H+0:30."""
    kit = tmp_path / "kit.html"
    assert cli("print", str(discussion), "-o", str(kit), "--minutes", "5")[0] == 0
    html = kit.read_text(encoding="utf-8")
    facilitator = sections(kit)["facilitator"]
    assert "Programme des injects" in facilitator
    schedule = re.search(r"Programme des injects.*?</table>", html, re.DOTALL)
    assert schedule is not None
    rows = re.findall(r"<tr>(.*?)</tr>", schedule.group(0))[1:]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows]
    assert cells == [
        ["H+0:20", "Pendant", "1", "Coupure à Carcassonne", "événement"],
        ["H+0:25", "Pendant", "2", "Qui prévenir ?", "question"],
    ]
    # the chronogramme: each round at its time, with the cards scheduled at it
    chrono = re.search(r'<section class="sheet chronogramme">.*?</table>', html, re.DOTALL)
    assert chrono is not None
    rows = [
        re.findall(r"<td[^>]*>(.*?)</td>", r)
        for r in re.findall(r"<tr>(.*?)</tr>", chrono.group(0))
    ]
    assert [(r[0], r[-1]) for r in rows[1:]] == [
        ("H+0:00", ""),
        ("H+0:10", ""),
        ("H+0:20", "Coupure à Carcassonne"),
        ("H+0:25", "Qui prévenir ?"),
        ("H+0:30", ""),
    ]
    assert "2 tours de 10 min" in facilitator and "2 tours de 5 min" in facilitator
    # each expected point is a box to tick, under its question, with its note; the questions
    # in the order they may come (« Que savez-vous ? » can be drawn from the first round)
    questions = re.findall(r'<section class="question">.*?</section>', html, re.DOTALL)
    assert ["Que savez-vous ?" in q for q in questions] == [True, False]
    question = re.search(r'<section class="question">.*?</section>', questions[1], re.DOTALL)
    assert question is not None
    assert "Qui prévenir ?" in question.group(0)
    assert "H+0:25 (Pendant, tour 2)" in plain(question.group(0))
    assert SECRETS["question"] in question.group(0)
    assert '<ul class="expected"><li class="point">POINT-UN annuaire papier</li>' in question.group(
        0
    )
    assert "POINT-DEUX radio de Carcassonne" in question.group(0)


def test_a_discussion_says_no_victory_and_has_no_board_without_indicators(
    cli: Callable[..., CliResult], tmp_path: Path, discussion: Path
) -> None:
    kit = tmp_path / "kit.html"
    assert cli("print", str(discussion), "-o", str(kit))[0] == 0
    html = kit.read_text(encoding="utf-8")
    text = " ".join(sections(kit).values()).lower()
    for word in ("victoire", "défaite", "score", "tableau des indicateurs", "indicateurs que vous"):
        assert word not in text, word
    assert 'class="sheet board"' not in html
    assert "fin de l'exercice" in text  # the ending, without its outcome
    # a game deck keeps its board and its outcomes
    game = tmp_path / "game.html"
    assert cli("print", "inondation", "-o", str(game))[0] == 0
    assert 'class="sheet board"' in game.read_text(encoding="utf-8")


def test_the_questionnaire_is_drawn_for_paper(
    cli: Callable[..., CliResult], tmp_path: Path, discussion: Path
) -> None:
    kit = tmp_path / "kit.html"
    assert cli("print", str(discussion), "-o", str(kit))[0] == 0
    html = kit.read_text(encoding="utf-8")
    page = re.search(r'<section class="sheet questionnaire">(.*)', html, re.DOTALL)
    assert page is not None
    body = page.group(1)
    assert "Questionnaire de retour d’expérience" in body
    score = re.search(r'<table class="scale score">.*?</table>', body)
    assert score is not None
    headers = re.findall(r"<th>(.*?)</th>", score.group(0))
    assert headers == [str(n) for n in range(0, 101, 10)]
    assert score.group(0).count("<td></td>") == 11
    yesno = re.search(r'<table class="scale yesno">.*?</table>', body)
    assert yesno is not None and re.findall(r"<th>(.*?)</th>", yesno.group(0)) == ["oui", "non"]
    assert body.count('<li class="line"></li>') == 4


def test_variables_are_filled_with_their_defaults_or_var(
    cli: Callable[..., CliResult], tmp_path: Path, discussion: Path
) -> None:
    kit = tmp_path / "kit.html"
    assert cli("print", str(discussion), "-o", str(kit))[0] == 0
    html = kit.read_text(encoding="utf-8")
    assert "{{" not in html
    assert "Panne à Carcassonne" in html and "SMS de Enedis" in html
    code, _, err = cli(
        "print", str(discussion), "-o", str(kit),
        "--var", "commune=Quimper", "--var", "operateur=<RTE>",
    )  # fmt: skip
    assert code == 0, err
    html = kit.read_text(encoding="utf-8")
    assert "{{" not in html and "Carcassonne" not in html and "Enedis" not in html
    assert "Panne à Quimper" in html and "Mairie de Quimper" in html
    assert "SMS de &lt;RTE&gt;" in html and "<RTE>" not in html
    assert "POINT-DEUX radio de Quimper" in sections(kit)["facilitator"]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            "comune=Quimper",
            "--var : variable inconnue « comune » ; les variables de ce deck : commune, operateur",
        ),
        ("commune", "--var : « commune » n’est pas de la forme ID=VALEUR"),
    ],
)
def test_an_unknown_variable_is_a_usage_error_and_writes_nothing(
    cli: Callable[..., CliResult], tmp_path: Path, discussion: Path, given: str, message: str
) -> None:
    kit = tmp_path / "kit.html"
    code, out, err = cli("print", str(discussion), "-o", str(kit), "--var", given)
    assert code == 2
    assert message in plain(err)
    assert "Traceback" not in out + err
    assert not kit.exists()
    code, _, err = cli("print", "inondation", "-o", str(kit), "--var", "x=1", "--lang", "en")
    assert code == 2 and "--var: unknown variable “x”; this deck has no variables" in err
    assert not kit.exists()
