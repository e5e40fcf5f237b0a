"""The pure game core: state, actions, `apply`, `legal_actions`.

No I/O, no clock, nothing global: the same deck, seed and actions give the
same state, bit for bit, on any machine. Depends on `scenarios.deck` and
`scenarios.rules` only.
"""

from scenarios.engine.actions import (
    ACTION_TYPES,
    Action,
    ActionFormatError,
    Choose,
    Draw,
    EndRound,
    Inject,
    Note,
    Pass,
    Pause,
    Play,
    Resume,
    Undo,
    action_from_dict,
    to_dict,
)
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


def score(state: State) -> int:
    """The deck's score for `state` (the final score once the game is over)."""
    if state.final_score is not None:
        return state.final_score
    values, functions = state_env(state)
    return score_of(state.deck, values, functions)


__all__ = [
    "ACTION_TYPES",
    "ENGINE_VERSION",
    "Action",
    "ActionFormatError",
    "Choose",
    "Draw",
    "EndRound",
    "IllegalAction",
    "Inject",
    "Note",
    "Pass",
    "Pause",
    "Play",
    "Refusal",
    "Resume",
    "State",
    "Undo",
    "action_from_dict",
    "apply",
    "available_options",
    "check",
    "is_legal",
    "legal_actions",
    "new_game",
    "playability",
    "score",
    "state_env",
    "to_dict",
]
