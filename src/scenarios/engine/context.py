"""What expressions see of a game: bare names and the game-history functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from scenarios.deck import Deck
from scenarios.engine.state import Draft, History, HistoryDraft, State


class GameFunctions:
    """`played`, `drawn`, `chosen`, `rounds_since` and `count` over a game's counts."""

    __slots__ = ("choices", "fired", "last_turn", "plays", "tags", "turn")

    def __init__(
        self,
        plays: Mapping[tuple[str, str, str], int],
        fired: Mapping[tuple[str, str], int],
        choices: Mapping[tuple[str, str], int],
        tags: Mapping[tuple[str, str], int],
        last_turn: Mapping[str, int],
        turn: int,
    ) -> None:
        self.plays = plays
        self.fired = fired
        self.choices = choices
        self.tags = tags
        self.last_turn = last_turn
        self.turn = turn

    def played(self, card: str, by: str | None, phase: str | None) -> bool:
        return any(
            key[0] == card and (by is None or key[1] == by) and (phase is None or key[2] == phase)
            for key in self.plays
        )

    def drawn(self, card: str, phase: str | None) -> bool:
        return any(key[0] == card and (phase is None or key[1] == phase) for key in self.fired)

    def chosen(self, card: str, option: str) -> bool:
        return (card, option) in self.choices

    def rounds_since(self, card: str) -> int:
        last = self.last_turn.get(card)
        return -1 if last is None else self.turn - last

    def count(self, tag: str, phase: str | None) -> int:
        return sum(
            n for (t, p), n in self.tags.items() if t == tag and (phase is None or p == phase)
        )


def _values(
    deck: Deck, indicators: Iterable[int], flags: Iterable[str], turn: int, round_: int, phase: str
) -> dict[str, Any]:
    values: dict[str, Any] = dict(deck.unset_flags)
    for flag in flags:
        values[flag] = True
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
    return GameFunctions(
        history.plays, history.fired, history.choices, history.tags, history.last_turn, turn
    )
