"""Headless games: policies, a many-games runner, and run summaries.

Depends on `scenarios.engine`, `scenarios.deck` and `scenarios.journal`
(to write the journals of simulated games).
"""

from scenarios.sim.policies import (
    BUILTIN_POLICIES,
    CautiousPolicy,
    GreedyPolicy,
    PassPolicy,
    Policy,
    PolicyError,
    RandomPolicy,
    load_policy,
)
from scenarios.sim.runner import (
    GameResult,
    fired_recommendations,
    game_seed,
    play_game,
    simulate,
)
from scenarios.sim.summary import Summary, summarise

__all__ = [
    "BUILTIN_POLICIES",
    "CautiousPolicy",
    "GameResult",
    "GreedyPolicy",
    "PassPolicy",
    "Policy",
    "PolicyError",
    "RandomPolicy",
    "Summary",
    "fired_recommendations",
    "game_seed",
    "load_policy",
    "play_game",
    "simulate",
    "summarise",
]
