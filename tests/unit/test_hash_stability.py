"""The state hash of a finished game stays what it was: old journals keep verifying.

The version-2 digests below are those of the engine before the speed work of issue 18
(1bb29fa): 200 games of each test deck, seed 7, with two policies; they are what journals
of format 2 recorded, and `State.hash(2)` must still give them. Version 3 (journal format 3)
hashes the deck by its content instead of its files' text; its digests are pinned the same
way. A change of the engine that moves either breaks every journal written before it; it
must come with a journal format bump and a clear message for old journals instead. (Test
decks, not bundled ones: editing a bundled deck's cards changes its games, rightly.)"""

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
    ("crue", "random", 2): "961abf55feeaddb57e6ec4eea23252ba41e7b75bd5f082bcf4d57b15d2ab7ea7",
    ("crue", "greedy", 2): "bd6fd8e6937d42a7ab29866c16b045bd1f11c6b5d638731dcc75d05fd6fce425",
    ("mini", "random", 2): "f234342c49ebe89ff98ef268b041d9ff3cd0964fe0d7fa2ba0a8e47ac08e9fcf",
    ("mini", "greedy", 2): "4e3d6f432400e8b15c43f52df33b4ea960a9f3fc888f26ebd6da92b7ee72bf3b",
    ("crue", "random", 3): "f7ef720289b18dd26a29d200f479c30a79cc3fd892e776148dcd9beb9fded04d",
    ("crue", "greedy", 3): "1b0186760cf3190fe6fe7fbaa16ac8389edede097f5975ddfd3e4c2655c99a34",
    ("mini", "random", 3): "6245044801e217649a458fd451956992758129216bdafbf4aecefbcee762fe51",
    ("mini", "greedy", 3): "7db92648b44693eca96740ead25137c9e89ff00258b0fd6cc74e342aa543bec4",
}


@pytest.mark.parametrize(("deck_name", "policy_name", "version"), sorted(FINAL_HASHES))
def test_two_hundred_games_end_on_the_same_state_hashes(
    deck_name: str, policy_name: str, version: int
) -> None:
    deck = load_deck(TEST_DECKS / f"{deck_name}.yaml")
    policy = load_policy(policy_name)
    digest = hashlib.sha256()
    for index in range(200):
        seed = game_seed(7, index)
        rng = random.Random(seed)
        state = new_game(deck, seed)
        while not state.over:
            state = apply(state, policy.choose(state, legal_actions(state), rng))
        digest.update(state.hash(version).encode())
    assert digest.hexdigest() == FINAL_HASHES[(deck_name, policy_name, version)]
