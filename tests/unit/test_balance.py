"""The balance report of `scenarios simulate --report`, on decks whose answer is known."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CliResult

# `bon` is strictly better than `mauvais`: same cost, +5 instead of -1 on the
# score, and the means allow only one of them per game. `jamais` needs a confidence the gauge cannot hold. `cachee` can
# only be played after an event that never comes.
KNOWN = """\
format: 1
id: equilibre
title: "Équilibre connu"
phases:
  - {id: avant, title: "Avant", rounds: 2, events_per_round: 1}
  - {id: pendant, title: "Pendant", rounds: 2, events_per_round: 1}
  - {id: apres, title: "Après", rounds: 1, events_per_round: 1}
roles:
  - {id: mairie, title: "Mairie", hand_size: 4}
indicators:
  - {id: confiance, title: "Confiance", start: 10, max: 20}
  - {id: moyens, title: "Moyens", start: 1}
flags: [vu]
score: "confiance"
cards:
  - {id: pluie, type: event, title: "Pluie", once: false, effects: {confiance: -1}}
  - {id: jamais, type: event, title: "Jamais", when: "confiance > 25", effects: {set: [vu]}}
  - {id: bon, type: decision, title: "Bon choix", cost: {moyens: 1}, effects: {confiance: 5}}
  - {id: mauvais, type: decision, title: "Mauvais choix", cost: {moyens: 1},
     effects: {confiance: -1}}
  - {id: cachee, type: decision, title: "Cachée", requires: "vu", effects: {confiance: 1}}
  - id: choix
    type: dilemma
    title: "Choix"
    options:
      - {id: sage, title: "Sage", effects: {confiance: 3}}
      - {id: fou, title: "Fou", effects: {confiance: -3}}
endings:
  - {id: chute, when: "confiance <= 0", outcome: defeat, title: "Chute"}
  - {id: triomphe, when: "confiance >= 30", outcome: victory, title: "Triomphe"}
recommendations:
  - {id: toujours, phase: avant, when: "turn >= 1", title: "Toujours"}
  - {id: impossible, phase: avant, when: "confiance > 25", title: "Impossible"}
"""


def _report(cli: Callable[..., CliResult], deck: Path, *extra: str) -> dict[str, Any]:
    code, out, err = cli(
        "simulate", str(deck), "--games", "400", "--seed", "3", "--report", "json", *extra
    )
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def _policy(report: dict[str, Any], name: str) -> dict[str, Any]:
    (policy,) = [p for p in report["policies"] if p["policy"] == name]
    return policy


def _by_subject(effects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {effect["subject"]: effect for effect in effects}


@pytest.fixture
def known(write_deck: Callable[..., Path]) -> Path:
    return write_deck(KNOWN)


def test_every_builtin_policy_is_reported_by_default(
    cli: Callable[..., CliResult], known: Path
) -> None:
    report = _report(cli, known)
    assert [p["policy"] for p in report["policies"]] == ["random", "greedy", "pass", "cautious"]
    for policy in report["policies"]:
        assert policy["games"] == 400
        assert sum(n for _, n in policy["outcomes"]) == 400
        assert sum(n for _, n in policy["end_turns"]) == 400


def test_a_strictly_better_card_shows_a_larger_effect_and_the_worse_one_is_never_worth_it(
    cli: Callable[..., CliResult], known: Path
) -> None:
    report = _report(cli, known)
    random_cards = _by_subject(_policy(report, "random")["cards"])
    assert random_cards["bon"]["difference"] > 0 > random_cards["mauvais"]["difference"]
    assert random_cards["bon"]["verdict"] == "dominant"
    assert random_cards["mauvais"]["verdict"] == "dominated"
    greedy_cards = _by_subject(_policy(report, "greedy")["cards"])
    assert greedy_cards["mauvais"]["rate"] == 0
    assert greedy_cards["mauvais"]["chance"] == 1
    assert greedy_cards["mauvais"]["verdict"] == "never_chosen"
    assert greedy_cards["bon"]["rate"] == 1


def test_a_dilemma_option_far_better_than_its_sibling_dominates_it(
    cli: Callable[..., CliResult], known: Path
) -> None:
    options = _by_subject(_policy(_report(cli, known), "random")["options"])
    assert options["choix/sage"]["verdict"] == "dominant"
    assert options["choix/fou"]["verdict"] == "dominated"
    assert options["choix/sage"]["with_mean"] > options["choix/fou"]["with_mean"]


def test_an_unreachable_event_and_what_hangs_on_it_are_never_seen(
    cli: Callable[..., CliResult], known: Path
) -> None:
    report = _report(cli, known)
    assert report["never_seen"] == ["jamais", "cachee"]
    assert report["endings_never"] == ["triomphe"]
    assert report["rules_never"] == ["impossible"]
    assert report["rules_always"] == ["toujours"]
    for policy in report["policies"]:
        assert _by_subject(policy["cards"])["jamais"]["rate"] == 0


def test_an_ending_that_always_fires_in_round_one_ends_every_game_early(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    deck = write_deck(
        KNOWN.replace(
            "endings:\n",
            'endings:\n  - {id: panique, when: "turn >= 1", outcome: defeat, title: "Panique"}\n',
        )
    )
    report = _report(cli, deck)
    for policy in report["policies"]:
        assert policy["end_turns"] == [[1, 400]]
        assert policy["endings"] == [["panique", 400]]
        assert policy["before_last_phase"] == 400
    assert report["endings_never"] == ["chute", "triomphe"]
    code, _, err = cli("validate", "--strict", str(deck))
    assert code == 1
    (line,) = [line for line in err.splitlines() if "«\u00a0panique\u00a0» est toujours" in line]
    assert line.endswith("[lint.ending_always]")


def test_final_indicators_are_distributions_not_only_means(
    cli: Callable[..., CliResult], known: Path
) -> None:
    greedy = _policy(_report(cli, known, "--policy", "greedy"), "greedy")
    confiance = dict(greedy["indicators"])["confiance"]
    assert confiance["low"] <= confiance["q1"] <= confiance["median"] <= confiance["q3"]
    assert confiance["q3"] <= confiance["high"]
    assert confiance["low"] < confiance["high"]
    assert greedy["score"] == confiance  # the deck's score is confidence alone


def test_the_report_is_the_same_with_one_or_two_processes(
    cli: Callable[..., CliResult], known: Path
) -> None:
    assert _report(cli, known, "--jobs", "1") == _report(cli, known, "--jobs", "2")


def test_markdown_report_names_cards_by_title_with_their_verdicts(
    cli: Callable[..., CliResult], known: Path
) -> None:
    code, out, _ = cli(
        "simulate", str(known), "--games", "300", "--policy", "random", "--report", "md"
    )
    assert code == 0
    assert out.startswith("# Équilibre du deck — Équilibre connu\n")
    assert "## Politique «\u00a0random\u00a0»" in out
    lines = out.splitlines()
    (bon,) = [line for line in lines if line.startswith("| Bon choix |")]
    (mauvais,) = [line for line in lines if line.startswith("| Mauvais choix |")]
    assert bon.endswith("| dominante |") and mauvais.endswith("| dominée |")
    assert "Cartes jamais vues (ni sorties ni jouables)**\u00a0: Jamais, Cachée" in out


def test_html_report_has_charts_and_tables(
    cli: Callable[..., CliResult], known: Path, tmp_path: Path
) -> None:
    target = tmp_path / "equilibre.html"
    code, _, err = cli(
        "simulate", str(known), "--games", "200", "--report", "html", "-o", str(target)
    )
    assert code == 0
    assert str(target) in err
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 8  # 2 charts x 4 policies
    assert "Tour où la partie s’arrête" in html
    assert '<td class="num">' in html and "<th>carte</th>" in html
    assert "<script" not in html


def test_terminal_report_uses_tables_in_english_too(
    cli: Callable[..., CliResult], known: Path
) -> None:
    code, out, _ = cli(
        "simulate",
        str(known),
        "--games",
        "100",
        "--policy",
        "pass",
        "--report",
        "--lang",
        "en",
    )
    assert code == 0
    assert "Deck balance — Équilibre connu" in out
    assert "Policy 'pass'" in out
    header = next(line for line in out.splitlines() if "final indicator" in line)
    assert header.split() == ["final", "indicator", "min", "Q1", "median", "Q3", "max", "mean"]
    assert "never chosen" in out  # pass never plays the cards it could


def test_several_policies_without_report_print_one_summary_each(
    cli: Callable[..., CliResult], known: Path
) -> None:
    code, out, _ = cli(
        "simulate", str(known), "--games", "50", "--policy", "pass", "--policy", "greedy"
    )
    assert code == 0
    assert "50 parties, politique pass" in out and "50 parties, politique greedy" in out
