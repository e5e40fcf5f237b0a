"""`scenarios print DECK -o kit.html`: the paper a room needs, as a trainer prints it."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scenarios.deck import bundled_decks, load_deck
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
    deck = load_deck(bundled.path)  # type: ignore[attr-defined]
    kit = tmp_path / "kit.html"
    code, out, err = cli("print", deck.id, "-o", str(kit))
    assert code == 0, err
    assert f"Kit écrit dans {kit}" in out
    players = sections(kit)["players"]
    for card in deck.cards:
        assert plain(card.title) in players
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
