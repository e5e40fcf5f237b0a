"""The state hash of a finished game stays what it was: old journals keep verifying.

The digests below are those of the engine before the speed work of issue 18 (1bb29fa):
200 games of each test deck, seed 7, with two policies. A change of the engine that moves
them breaks every journal written before it; it must come with a journal format bump and a
clear message for old journals instead. (Test decks, not bundled ones: editing a bundled
deck's cards changes its games, rightly.)"""

from __future__ import annotations

import hashlib
import random

import pytest

from scenarios.deck import load_deck
from scenarios.engine import apply, legal_actions, new_game
from scenarios.sim import load_policy
from scenarios.sim.runner import game_seed
from tests.conftest import TEST_DECKS

FINAL_HASHES = {
    ("crue", "random"): "961abf55feeaddb57e6ec4eea23252ba41e7b75bd5f082bcf4d57b15d2ab7ea7",
    ("crue", "greedy"): "bd6fd8e6937d42a7ab29866c16b045bd1f11c6b5d638731dcc75d05fd6fce425",
    ("mini", "random"): "f234342c49ebe89ff98ef268b041d9ff3cd0964fe0d7fa2ba0a8e47ac08e9fcf",
    ("mini", "greedy"): "4e3d6f432400e8b15c43f52df33b4ea960a9f3fc888f26ebd6da92b7ee72bf3b",
}


@pytest.mark.parametrize(("deck_name", "policy_name"), sorted(FINAL_HASHES))
def test_two_hundred_games_end_on_the_same_state_hashes(deck_name: str, policy_name: str) -> None:
    deck = load_deck(TEST_DECKS / f"{deck_name}.yaml")
    policy = load_policy(policy_name)
    digest = hashlib.sha256()
    for index in range(200):
        seed = game_seed(7, index)
        rng = random.Random(seed)
        state = new_game(deck, seed)
        while not state.over:
            state = apply(state, policy.choose(state, legal_actions(state), rng))
        digest.update(state.hash().encode())
    assert digest.hexdigest() == FINAL_HASHES[(deck_name, policy_name)]
