"""Simulating a discussion exercise: the tables answer every question that comes up and fill
the questionnaire, the games replay, and no balance verdict is given."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.deck import Deck, load_deck
from scenarios.engine import Answer, Reply, action_from_dict
from scenarios.journal import read_journal, replay
from scenarios.sim import BUILTIN_POLICIES, load_policy, play_game
from tests.conftest import TEST_DECKS, CliResult

DISCUSSION = TEST_DECKS / "discussion.yaml"
Cli = Callable[..., CliResult]


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(DISCUSSION)


@pytest.mark.parametrize("policy", sorted(BUILTIN_POLICIES))
def test_every_policy_answers_each_question_it_meets(
    deck: Deck, tmp_path: Path, policy: str
) -> None:
    path = tmp_path / "partie.jsonl"
    result = play_game(deck, 0, 3, load_policy(policy), path, lang="en")
    assert result.outcome == "completed"
    content = read_journal(path)
    replayed = replay(content)
    assert replayed.divergence is None
    actions = [action_from_dict(entry.action) for entry in content.entries]
    answers = [a for a in actions if isinstance(a, Answer)]
    # The scheduled question is asked to two roles: each answers it, once.
    assert {(a.card, a.role) for a in answers} >= {
        ("q-priorites", "mairie"),
        ("q-priorites", "prefecture"),
    }
    assert len(answers) == len({(a.card, a.role) for a in answers})
    assert all(a.text == "(simulated answer)" for a in answers)
    replies = [a for a in actions if isinstance(a, Reply)]
    assert len(replies) == len(deck.roles) * len(deck.questionnaire)
    final = replayed.final
    assert dict(final.replies)[("q-refaire", "mairie")] in ("yes", "no")
    assert int(dict(final.replies)[("q-alerte", "prefecture")]) % 10 == 0
    assert dict(final.replies)[("q-garder", "mairie")] == "(simulated questionnaire reply)"


def test_a_game_deck_plays_as_before_no_words_added(crue: Deck, tmp_path: Path) -> None:
    path = tmp_path / "partie.jsonl"
    play_game(crue, 0, 3, load_policy("random"), path)
    types = {entry.action["type"] for entry in read_journal(path).entries}
    assert not types & {"answer", "cover", "reply"}


def test_simulate_says_balance_is_not_assessed_and_gives_no_outcome(cli: Cli) -> None:
    code, out, err = cli("simulate", str(DISCUSSION), "--games", "30", "--policy", "greedy")
    assert code == 0, err
    assert "l’équilibre n’est pas évalué" in out
    assert "victoire" not in out.replace("pas de victoire", "")
    assert "issue" not in out.split("\n", 2)[-1].lower().split()  # no outcome table
    code, out, _ = cli(
        "simulate", str(DISCUSSION), "--games", "30", "--format", "json", "--lang", "en"
    )
    summary = json.loads(out)
    assert summary["assessed"] is False
    assert "outcomes" not in summary and "mean_score" not in summary
    assert summary["games"] == 30


@pytest.mark.parametrize("form", ["md", "json"])
def test_the_balance_report_gives_no_verdict_for_a_discussion(cli: Cli, form: str) -> None:
    code, out, err = cli(
        "simulate", str(DISCUSSION), "--games", "30", "--report", form, "--lang", "en"
    )
    assert code == 0, err
    if form == "json":
        report = json.loads(out)
        assert report["assessed"] is False
        assert report["policies"] == []
        return
    assert "Discussion exercise: balance is not assessed" in out
    assert "Panne à Carcassonne" in out  # the variables at their defaults
    assert "Verdicts" not in out
    assert "dominant" not in out
    assert "outcome" not in out.lower()


def test_the_simulated_answers_are_in_french_by_default(deck: Deck, tmp_path: Path) -> None:
    path = tmp_path / "partie.jsonl"
    play_game(deck, 1, 3, load_policy("random"), path)
    texts = {
        e.action.get("text") for e in read_journal(path).entries if e.action["type"] == "answer"
    }
    assert texts == {"(réponse simulée)"}


def test_simulate_of_an_exercise_without_indicators_names_no_indicator(cli: Cli) -> None:
    code, out, err = cli("simulate", "panne-electrique", "--games", "5")
    assert code == 0, err
    assert "indicateur final" not in out
    assert "tours joués" in out
