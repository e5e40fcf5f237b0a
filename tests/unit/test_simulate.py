"""`scenarios simulate`: headless games, the same whatever the number of processes."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios.deck import Deck
from scenarios.sim import load_policy, play_game, simulate
from scenarios.sim.policies import below
from tests.conftest import CRUE, CliResult


def test_the_summary_is_the_same_with_one_or_two_processes(cli: Callable[..., CliResult]) -> None:
    one = cli("simulate", str(CRUE), "--games", "300", "--seed", "9", "--jobs", "1")
    two = cli("simulate", str(CRUE), "--games", "300", "--seed", "9", "--jobs", "2")
    assert one[0] == two[0] == 0
    assert one[1] == two[1]
    assert "300 parties, politique random, graine 9" in one[1]


def test_json_summary_counts_every_game(cli: Callable[..., CliResult]) -> None:
    code, out, _ = cli(
        "simulate", str(CRUE), "--games", "50", "--policy", "greedy", "--format", "json"
    )
    summary = json.loads(out)
    assert code == 0
    assert sum(summary["outcomes"].values()) == 50
    assert set(summary["mean_indicators"]) == {"confiance", "reseaux", "budget", "victimes"}


@pytest.mark.slow
def test_a_thousand_simulated_games_all_replay_consistently(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    folder = tmp_path / "journaux"
    code, _, _ = cli(
        "simulate",
        str(CRUE),
        "--games",
        "1000",
        "--seed",
        "4",
        "--jobs",
        "2",
        "--journals",
        str(folder),
    )
    assert code == 0
    journals = sorted(folder.glob("*.jsonl"))
    assert len(journals) == 1000
    code, out, err = cli("replay", "--verify", *map(str, journals))
    assert code == 0, err
    assert out.count("cohérent") == 1000


def test_policies_play_differently(crue: Deck) -> None:
    results = {
        name: [play_game(crue, i, 0, load_policy(name)) for i in range(60)]
        for name in ("random", "greedy", "pass")
    }
    mean = {name: sum(r.score for r in games) / len(games) for name, games in results.items()}
    assert mean["greedy"] > mean["random"] > mean["pass"]
    assert all(not r.played for r in results["pass"])


def test_unknown_policy_is_a_usage_error(cli: Callable[..., CliResult]) -> None:
    code, _, err = cli("simulate", str(CRUE), "--policy", "sournoise")
    assert code == 2
    assert "sournoise" in err


class AlwaysFirst:
    name = "first"

    def choose(self, state, actions, rng):  # type: ignore[no-untyped-def]
        return actions[0]


def test_a_designer_can_plug_in_a_policy(crue: Deck) -> None:
    policy = load_policy("tests.unit.test_simulate:AlwaysFirst")
    results = simulate(crue, 5, 0, "tests.unit.test_simulate:AlwaysFirst")
    assert policy.name == "first"
    assert [r.index for r in results] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("games", [1, 7])
def test_results_come_back_in_game_order(crue: Deck, games: int) -> None:
    results = simulate(crue, games, 3, "random", jobs=2)
    assert [r.index for r in results] == list(range(games))


@given(seed=st.integers(0, 2**32), sizes=st.lists(st.integers(1, 3000), min_size=1, max_size=30))
def test_the_random_table_draws_as_python_random_does(seed: int, sizes: list[int]) -> None:
    """`below` is `Random.randrange` written out: the same numbers from the same generator,
    and the generator left in the same state, so that simulated games stay the games they
    were (and their hashes with them)."""
    ours, python = random.Random(seed), random.Random(seed)
    assert [below(ours, n) for n in sizes] == [python.randrange(n) for n in sizes]
    assert ours.getstate() == python.getstate()
