"""What expressions see of a game: bare names and the game-history functions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from scenarios.deck import Deck
from scenarios.engine.draft import Draft, HistoryDraft
from scenarios.engine.state import History, State


class GameFunctions:
    """`played`, `drawn`, `chosen`, `rounds_since` and `count` over a game's counts.

    It reads the tables of `history` (a state's `History`, or a draft's
    `HistoryDraft` as it stands when a function is called) rather than taking
    each: one is made for every batch of conditions a draw or an end of round
    evaluates.
    """

    __slots__ = ("history", "turn")

    def __init__(self, history: History | HistoryDraft, turn: int) -> None:
        self.history = history
        self.turn = turn

    def played(self, card: str, by: str | None, phase: str | None) -> bool:
        return any(
            key[0] == card and (by is None or key[1] == by) and (phase is None or key[2] == phase)
            for key in self.history.plays
        )

    def drawn(self, card: str, phase: str | None) -> bool:
        fired = self.history.fired
        return any(key[0] == card and (phase is None or key[1] == phase) for key in fired)

    def chosen(self, card: str, option: str) -> bool:
        return (card, option) in self.history.choices

    def rounds_since(self, card: str) -> int:
        last = self.history.last_turn.get(card)
        return -1 if last is None else self.turn - last

    def count(self, tag: str, phase: str | None) -> int:
        tags = self.history.tags
        return sum(n for (t, p), n in tags.items() if t == tag and (phase is None or p == phase))


def _values(
    deck: Deck, indicators: Iterable[int], flags: Iterable[str], turn: int, round_: int, phase: str
) -> dict[str, Any]:
    """Every flag (True when set), indicator, and the moment, by name: each filled by one
    dict operation, since conditions are evaluated at every draw and end of round."""
    values: dict[str, Any] = dict(deck.unset_flags)
    values.update(dict.fromkeys(flags, True))
    values.update(zip(deck.indicator_ids, indicators, strict=True))
    values["turn"] = turn
    values["round"] = round_
    values["phase"] = phase
    return values


def state_env(state: State) -> tuple[dict[str, Any], GameFunctions]:
    """Names and functions for evaluating expressions on `state` (to be read, not changed).

    Made once per state: the legal moves and the check of the one played ask
    for it several times.
    """
    env: tuple[dict[str, Any], GameFunctions] | None = state.env
    if env is None:
        history = state.history
        env = (
            _values(
                state.deck, state.indicators, state.flags, state.turn, state.round, state.phase
            ),
            _functions(history, state.turn),
        )
        object.__setattr__(state, "env", env)
    return env


def draft_env(draft: Draft) -> tuple[dict[str, Any], GameFunctions]:
    """Names and functions for evaluating expressions on a draft in progress.

    It reads the draft's values without making it copy those it has not copied yet.
    """
    history = draft.peek("history")
    return (
        _values(
            draft.deck,
            draft.peek("indicators"),
            draft.peek("flags"),
            draft.turn,
            draft.round,
            draft.phase,
        ),
        _functions(history, draft.turn),
    )


def _functions(history: History | HistoryDraft, turn: int) -> GameFunctions:
    """The expression functions over a history (a state's or a draft's) at `turn`."""
    return GameFunctions(history, turn)
