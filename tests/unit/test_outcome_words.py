"""`outcome_words: neutral`: a deck about an event some players may have lived (deaths
included) never says « victoire » or « défaite », wherever an outcome is named; without
it nothing changes, and the data (the JSON's `outcome`, a finding's kind) stays the same."""

from __future__ import annotations

import json as json_module
import re
from pathlib import Path

import pytest

from scenarios.debrief import load_trace, session_html, session_markdown, session_report
from scenarios.debrief.json_report import session_data
from scenarios.deck import Deck, DeckError, load_deck, load_deck_text
from scenarios.deck.kit import kit_blocks
from scenarios.engine import Pass, Play, legal_actions
from scenarios.i18n import LANGS, Lang
from scenarios.journal import Session
from scenarios.render.json_text import json_document
from scenarios.render.markdown import markdown
from scenarios.sim.balance import balance_report
from scenarios.sim.balance_output import balance_markdown
from scenarios.sim.runner import simulate
from scenarios.tui.screens.room import card_text
from scenarios.workshop.room import TableCard

# A deck that ends well when the team sings (moral 6) and badly when it lets the rain
# fall (moral 3); the words of both endings are neutral, so only ours can say « victoire ».
DECK = """format: 1
id: pluie
title: "Pluie"
roles:
  - {id: equipe, title: "Équipe"}
indicators:
  - {id: moral, title: "Moral", start: 5}
cards:
  - {id: pluie, type: event, title: "Pluie", effects: {moral: -1}}
  - {id: chanter, type: decision, title: "Chanter", once: false, effects: {moral: 2}}
endings:
  - {id: tenu, outcome: victory, when: "moral >= 6", title: "Moral tenu"}
  - {id: chute, outcome: defeat, when: "moral <= 3", title: "Moral en berne"}
"""
NEUTRAL = DECK.replace('title: "Pluie"\n', 'title: "Pluie"\noutcome_words: neutral\n', 1)

# Words of an outcome that a neutral deck must never show (English ones too).
VERDICTS = re.compile(r"victoire|défaite|victor|defeat", re.IGNORECASE)
FAVOURABLE = {"fr": "favorable", "en": "favourable"}


def deck(neutral: bool) -> Deck:
    return load_deck_text(NEUTRAL if neutral else DECK, "pluie.yaml")


def played(deck: Deck, path: Path, outcome: str) -> Path:
    """A game to its ending: sing until it is won, or pass until it is lost."""
    with Session.start(deck, 3, path, fsync=False) as session:
        while not session.state.over:
            legal = legal_actions(session.state)
            wanted = Play if outcome == "victory" else Pass
            session.apply(next((a for a in legal if isinstance(a, wanted)), legal[0]))
    assert session.state.outcome == outcome
    return path


def words(data: object, key: str = "") -> list[str]:
    """The texts of a JSON debrief, ids (an outcome, a finding's kind) left out."""
    if isinstance(data, dict):
        return [w for k, v in data.items() for w in words(v, k)]
    if isinstance(data, list):
        return [w for v in data for w in words(v, key)]
    return [data] if isinstance(data, str) and key not in ("outcome", "kind", "id") else []


def debriefs(deck: Deck, path: Path, lang: Lang) -> tuple[str, str, str]:
    report = session_report(load_trace(path))
    return (
        session_markdown(report, lang),
        session_html(report, lang),
        json_document(session_data(report, lang)),
    )


def test_the_key_changes_no_deck_hash_and_is_checked() -> None:
    """An existing deck keeps its content digest (its games' hashes); a wrong value is
    refused at its line with the right ones."""
    assert (
        load_deck_text(DECK, "a.yaml").content_sha256
        == load_deck_text(
            DECK.replace('title: "Pluie"\n', 'title: "Pluie"\noutcome_words: victory\n'), "a.yaml"
        ).content_sha256
    )
    assert deck(True).content_sha256 != deck(False).content_sha256
    with pytest.raises(DeckError) as refused:
        load_deck_text(NEUTRAL.replace("neutral", "neutre"), "pluie.yaml")
    assert refused.value.format("fr").replace("\u00a0", " ") == (
        "pluie.yaml:4:16: erreur: outcome_words : valeur « neutre » inconnue ; "
        "vouliez-vous dire « neutral » ?"
    )


@pytest.mark.parametrize("outcome", ["victory", "defeat"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_neutral_debrief_names_no_victory_nor_defeat(
    tmp_path: Path, outcome: str, lang: Lang
) -> None:
    path = played(deck(True), tmp_path / "j.jsonl", outcome)
    md, html, json = debriefs(deck(True), path, lang)
    for text in (md, html):
        assert VERDICTS.findall(text) == [], text
        assert FAVOURABLE[lang] in text.lower()
    data = json_module.loads(json)
    assert data["outcome"] == outcome  # the data stays what it is, only words change
    assert VERDICTS.findall(" ".join(words(data))) == []


@pytest.mark.parametrize("outcome", ["victory", "defeat"])
def test_without_the_key_the_debrief_still_says_victory_or_defeat(
    tmp_path: Path, outcome: str
) -> None:
    path = played(deck(False), tmp_path / "j.jsonl", outcome)
    md = debriefs(deck(False), path, "fr")[0]
    word = "Victoire" if outcome == "victory" else "Défaite"
    assert f"Issue : {word} — " in md.replace("\u00a0", " ")


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_kit_the_balance_and_the_room_say_neutral_words(lang: Lang) -> None:
    neutral = deck(True)
    kit = markdown(kit_blocks(neutral, lang), lang)
    assert VERDICTS.findall(kit) == [] and f"dé{FAVOURABLE[lang]}" in kit.replace("un", "dé")
    runs = {"random": simulate(neutral, 40, 1, "random")}
    report = balance_markdown(balance_report(neutral, runs, 1), neutral, lang)
    assert VERDICTS.findall(report) == []
    assert VERDICTS.findall(markdown(kit_blocks(deck(False), lang), lang))  # as before
    card = TableCard(
        table_id="t", label="Table 1", code="ABC-123", phase_index=2, phase_title="Après",
        round=2, rounds=2, turn=7, seconds_left=10, paused=False, over=True,
        outcome="victory", gauges=(), idle_seconds=3, seats=1, injects=0, position=0,
        neutral=True,
    )  # fmt: skip
    shown = str(card_text(card, lang, compact=False))
    assert VERDICTS.findall(shown) == [] and FAVOURABLE[lang] in shown


def test_inondation_speaks_of_outcomes_in_neutral_words() -> None:
    """The flood of October 2018 killed fifteen people: its deck names no victory."""
    from scenarios.deck import resolve_deck

    assert load_deck(resolve_deck("inondation")).neutral_outcomes
