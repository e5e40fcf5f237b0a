"""The pure game core: state, actions, `apply`, `legal_actions`.

No I/O, no clock, nothing global: the same deck, seed and actions give the
same state, bit for bit, on any machine. Depends on `scenarios.deck` and
`scenarios.rules` only.
"""

from scenarios.engine import actions, flow
from scenarios.engine.actions import *  # noqa: F403 (its `__all__` is part of ours)
from scenarios.engine.context import state_env
from scenarios.engine.effects import score_of
from scenarios.engine.errors import IllegalAction, Refusal
from scenarios.engine.flow import new_game
from scenarios.engine.reducer import (
    apply,
    available_options,
    check,
    is_legal,
    legal_actions,
    playability,
)
from scenarios.engine.state import State

ENGINE_VERSION = "1"


def compiled() -> bool:
    """Whether the engine runs as compiled by mypyc (see setup.py) or as Python: both play
    the same games, the first faster."""
    return not flow.__file__.endswith(".py")


def score(state: State) -> int:
    """The deck's score for `state` (the final score once the game is over)."""
    if state.final_score is not None:
        return state.final_score
    values, functions = state_env(state)
    return score_of(state.deck, values, functions)


__all__ = [
    "ENGINE_VERSION",
    "IllegalAction",
    "Refusal",
    "State",
    "apply",
    "available_options",
    "check",
    "compiled",
    "is_legal",
    "legal_actions",
    "new_game",
    "playability",
    "score",
    "state_env",
]
__all__ += actions.__all__
