"""A summary of many headless games: outcomes, endings, final indicators, score."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

import attrs

from scenarios.deck import Deck
from scenarios.sim.runner import GameResult

NO_ENDING = "-"  # tallied for games that ran out of rounds without reaching an ending
T = TypeVar("T", str, int)


def tally(values: Iterable[T]) -> tuple[tuple[T, int], ...]:
    """How many times each value occurs, sorted so equal runs give equal tallies."""
    return tuple(sorted(Counter(values).items()))


def ending_of(result: GameResult) -> str:
    """The ending a game reached, or NO_ENDING."""
    return result.ending or NO_ENDING


@attrs.frozen
class Summary:
    """Aggregates over a run, in a fixed order so equal runs print equal summaries."""

    deck_id: str
    policy: str
    games: int
    seed: int
    outcomes: tuple[tuple[str, int], ...]
    endings: tuple[tuple[str, int], ...]
    mean_indicators: tuple[tuple[str, float], ...]
    mean_score: float
    mean_turns: float
    mean_actions: float
    # False for a discussion exercise: its outcomes and score mean nothing, and are not given.
    assessed: bool = True

    def to_json(self) -> dict[str, Any]:
        if not self.assessed:
            return {
                "deck": self.deck_id,
                "policy": self.policy,
                "games": self.games,
                "seed": self.seed,
                "assessed": False,
                "mean_indicators": dict(self.mean_indicators),
                "mean_turns": self.mean_turns,
                "mean_actions": self.mean_actions,
            }
        return {
            "deck": self.deck_id,
            "policy": self.policy,
            "games": self.games,
            "seed": self.seed,
            "outcomes": dict(self.outcomes),
            "endings": dict(self.endings),
            "mean_indicators": dict(self.mean_indicators),
            "mean_score": self.mean_score,
            "mean_turns": self.mean_turns,
            "mean_actions": self.mean_actions,
        }


def summarise(deck: Deck, results: Sequence[GameResult], policy: str, seed: int) -> Summary:
    count = len(results) or 1
    means = tuple(
        (indicator.id, round(sum(r.indicators[i] for r in results) / count, 2))
        for i, indicator in enumerate(deck.indicators)
    )
    return Summary(
        deck_id=deck.id,
        policy=policy,
        games=len(results),
        seed=seed,
        outcomes=tally(r.outcome for r in results),
        endings=tally(ending_of(r) for r in results),
        mean_indicators=means,
        mean_score=round(sum(r.score for r in results) / count, 2),
        mean_turns=round(sum(r.turns for r in results) / count, 2),
        mean_actions=round(sum(r.actions for r in results) / count, 2),
        assessed=not deck.discussion,
    )
