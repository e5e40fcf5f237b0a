"""The summary shown between two phases: what moved, what was decided, what still waits."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.debrief import load_trace
from scenarios.debrief.phase_end import DilemmaDecided, IndicatorChange, phase_summary
from scenarios.deck import Deck, load_deck
from scenarios.engine import Action, Choose, Draw, EndRound, Inject, Pass, Play
from scenarios.journal import Session
from tests.conftest import TEST_DECKS

DILEMMA = """
  - {id: alerte, type: dilemma, phases: [avant], weight: 0, title: "Alerter ?",
     options: [{id: oui, title: "Oui", effects: {confiance: 1}}, {id: non, title: "Non"}]}
"""


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Deck:
    """The debrief's test deck, with a dilemma the facilitator can inject."""
    text = (TEST_DECKS / "debrief.yaml").read_text(encoding="utf-8")
    text = text.replace("endings:", DILEMMA.lstrip("\n") + "endings:", 1)
    path = tmp_path_factory.mktemp("deck") / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    return load_deck(path)


def played(deck: Deck, path: Path, actions: list[Action]) -> Path:
    with Session.start(deck, 1, path, fsync=False) as session:
        for action in actions:
            session.apply(action)
    return path


def quiet_round(*extra: Action) -> list[Action]:
    return [Draw(), *extra, Pass("prefecture"), Pass("commune"), EndRound()]


AVANT = [
    *quiet_round(Inject("alerte"), Choose("alerte", "oui")),
    Draw(),
    Pass("prefecture"),
    Play("commune", "mettre-a-jour-pcs"),
    EndRound(),
]


def test_the_first_phase_says_what_moved_and_what_was_decided(deck: Deck, tmp_path: Path) -> None:
    trace = load_trace(played(deck, tmp_path / "j.jsonl", AVANT))
    summary = phase_summary(trace, "avant")
    assert summary.next_phase == "pendant"
    assert summary.indicators == (
        IndicatorChange("confiance", 6, 7),
        IndicatorChange("moyens", 4, 3),
    )
    assert [i.delta for i in summary.indicators] == [1, -1]
    assert summary.dilemmas == (DilemmaDecided("alerte", "oui"),)
    assert summary.pending == ()


def test_an_event_without_its_expected_answer_is_pending(deck: Deck, tmp_path: Path) -> None:
    actions = [*AVANT, *quiet_round(Inject("rumeur")), *quiet_round(), *quiet_round()]
    trace = load_trace(played(deck, tmp_path / "j.jsonl", actions))
    summary = phase_summary(trace, "pendant")
    assert summary.next_phase == "apres"
    assert [(g.event, g.expected, g.phase) for g in summary.pending] == [
        ("rumeur", ("dementir",), "pendant")
    ]
    # Values at the start of « pendant », not of the game; no dilemma in this phase.
    assert summary.indicators[0] == IndicatorChange("confiance", 7, 5)
    assert summary.dilemmas == ()


def test_an_answered_event_is_no_longer_pending(deck: Deck, tmp_path: Path) -> None:
    actions = [
        *AVANT,
        *quiet_round(Inject("rumeur")),
        Draw(),
        Play("prefecture", "dementir"),
        Pass("commune"),
        EndRound(),
        *quiet_round(),
    ]
    trace = load_trace(played(deck, tmp_path / "j.jsonl", actions))
    assert phase_summary(trace, "pendant").pending == ()
