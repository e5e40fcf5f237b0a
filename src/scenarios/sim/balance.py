"""Balance of a deck, from many simulated games under several policies.

For each policy: how games end (outcomes, endings, the round they stop at),
the final indicators as distributions, and for each card how often it is
drawn or played and what that does to the final score: the mean score of
games where it was played minus that of games where it was not, with the
effect size (difference over the pooled standard deviation) so a designer can
tell a real effect from noise: a decision is dominant when its effect is
large (d ≥ 0.8), dominated when playing it lowers the score (d ≤ −0.2), and
only beyond two standard errors of d. Dilemma options are compared with their
siblings: an option far better than all others is dominant, one far worse
than another is dominated. The deck's lessons are checked on the same games
(`lessons.py`). Cards never seen and rules never (or always) fired close the
report.

A discussion exercise (`style: discussion`) has no victory nor defeat to
balance: its report says so and gives no policy's figures nor verdicts, only
which cards the games never saw (`assessed` False).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import attrs

from scenarios.deck import Card, Deck
from scenarios.sim.lessons import LessonCheck, check_lessons
from scenarios.sim.runner import GameResult
from scenarios.sim.stats import MIN_SAMPLE, effect_size
from scenarios.sim.summary import ending_of, tally

DOMINANT = 0.8  # effect size (Cohen's d) of a decision that nearly decides the game alone
DOMINATED = -0.2  # playing it makes the final score worse, by a small but real margin
STRONG = 0.5  # how much better an option must do than its siblings to dominate them


@attrs.frozen
class Spread:
    """A distribution in five numbers and its mean."""

    low: float
    q1: float
    median: float
    q3: float
    high: float
    mean: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        if not values:
            return cls(0, 0, 0, 0, 0, 0)
        ordered = sorted(values)
        if len(ordered) == 1:
            v = ordered[0]
            return cls(v, v, v, v, v, v)
        q1, median, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
        return cls(ordered[0], q1, median, q3, ordered[-1], round(statistics.fmean(ordered), 3))


@attrs.frozen
class Effect:
    """What happening (a card played or drawn, an option chosen) does to the final score.

    `rate` is the share of games where it happened, `chance` the share where it
    could have (the card was playable, the dilemma came up).
    """

    subject: str
    kind: str
    rate: float
    chance: float
    with_mean: float | None
    without_mean: float | None
    difference: float | None
    size: float | None
    verdict: str = ""


@attrs.frozen
class PolicyBalance:
    """How one policy fared over the run, card by card."""

    policy: str
    games: int
    outcomes: tuple[tuple[str, int], ...]
    endings: tuple[tuple[str, int], ...]
    end_turns: tuple[tuple[int, int], ...]
    before_last_phase: int
    indicators: tuple[tuple[str, Spread], ...]
    score: Spread
    cards: tuple[Effect, ...]
    options: tuple[Effect, ...]


@attrs.frozen
class BalanceReport:
    """Every policy's balance, then what no policy ever saw (the same games for each)."""

    deck_id: str
    deck_title: str
    seed: int
    policies: tuple[PolicyBalance, ...]
    never_seen: tuple[str, ...]
    endings_never: tuple[str, ...]
    rules_never: tuple[str, ...]
    rules_always: tuple[str, ...]
    rule_rates: tuple[tuple[str, float], ...]
    # Each of the deck's lessons, for each of its policies: held or not, with the figures.
    lessons: tuple[LessonCheck, ...] = ()
    # False for a discussion exercise: no outcome, score or verdict is given for it.
    assessed: bool = True


def _effect(
    card: Card,
    results: Sequence[GameResult],
    happened: Callable[[GameResult], bool],
    could: Callable[[GameResult], bool],
) -> Effect:
    yes = [r.score for r in results if happened(r)]
    no = [r.score for r in results if not happened(r)]
    total = len(results) or 1
    rate = round(len(yes) / total, 4)
    chance = round(sum(1 for r in results if could(r)) / total, 4)
    judged = card.kind.held  # a verdict is for what the table chooses to play
    if not yes or not no:
        mean = round(statistics.fmean(yes or no), 3) if (yes or no) else None
        verdict = ""
        if judged and not yes and chance * total >= MIN_SAMPLE:
            verdict = "never_chosen"
        return Effect(
            card.id,
            card.type,
            rate,
            chance,
            mean if yes else None,
            mean if no else None,
            None,
            None,
            verdict,
        )
    difference, size, noise = effect_size(yes, no)
    verdict = ""
    if judged and min(len(yes), len(no)) >= MIN_SAMPLE and abs(size) > noise:
        verdict = "dominant" if size >= DOMINANT else "dominated" if size <= DOMINATED else ""
    return Effect(
        card.id,
        card.type,
        rate,
        chance,
        round(statistics.fmean(yes), 3),
        round(statistics.fmean(no), 3),
        round(difference, 3),
        round(size, 3),
        verdict,
    )


def _options(deck: Deck, results: Sequence[GameResult]) -> list[Effect]:
    effects = []
    for card in deck.cards:
        if not card.kind.options:
            continue
        chosen = {
            option.id: [r.score for r in results if (card.id, option.id) in r.choices]
            for option in card.options
        }
        means = {o: statistics.fmean(s) for o, s in chosen.items() if len(s) >= MIN_SAMPLE}
        spread = statistics.pstdev([s for scores in chosen.values() for s in scores] or [0]) or 1.0
        drawn = sum(1 for r in results if card.id in r.fired) or 1  # games it came up in
        for option in card.options:
            scores = chosen[option.id]
            verdict = ""
            if option.id in means and len(means) > 1:
                others = [m for o, m in means.items() if o != option.id]
                if all((means[option.id] - m) / spread >= STRONG for m in others):
                    verdict = "dominant"
                elif any((m - means[option.id]) / spread >= STRONG for m in others):
                    verdict = "dominated"
            mean = round(statistics.fmean(scores), 3) if scores else None
            effects.append(
                Effect(
                    f"{card.id}/{option.id}",
                    "option",
                    round(len(scores) / drawn, 4),
                    round(drawn / (len(results) or 1), 4),
                    mean,
                    None,
                    None,
                    None,
                    verdict,
                )
            )
    return effects


def _happened(field: str, card: str) -> Callable[[GameResult], bool]:
    def happened(result: GameResult) -> bool:
        return card in getattr(result, field)

    return happened


def policy_balance(deck: Deck, policy: str, results: Sequence[GameResult]) -> PolicyBalance:
    last = deck.phases[-1].id
    cards = []
    for card in deck.cards:
        if card.kind.held:
            happened, could = _happened("played", card.id), _happened("playable", card.id)
        else:
            happened = could = _happened("fired", card.id)
        cards.append(_effect(card, results, happened, could))
    return PolicyBalance(
        policy=policy,
        games=len(results),
        outcomes=tally(r.outcome for r in results),
        endings=tally(ending_of(r) for r in results),
        end_turns=tally(r.turns for r in results),
        before_last_phase=sum(1 for r in results if r.ending and r.last_phase != last),
        indicators=tuple(
            (indicator.id, Spread.of([r.indicators[i] for r in results]))
            for i, indicator in enumerate(deck.indicators)
        ),
        score=Spread.of([r.score for r in results]),
        cards=tuple(cards),
        options=tuple(_options(deck, results)),
    )


def balance_report(
    deck: Deck, runs: Mapping[str, Sequence[GameResult]], seed: int
) -> BalanceReport:
    everything = [r for results in runs.values() for r in results]
    seen: set[str] = set()
    for result in everything:
        seen.update(result.fired, result.playable)
    reached = {r.ending for r in everything}
    fired = Counter(rule for r in everything for rule in r.recommendations)
    total = len(everything) or 1
    assessed = not deck.discussion
    return BalanceReport(
        deck_id=deck.id,
        deck_title=deck.title,
        seed=seed,
        policies=tuple(
            policy_balance(deck, policy, results) for policy, results in runs.items() if assessed
        ),
        never_seen=tuple(c.id for c in deck.cards if c.id not in seen),
        endings_never=tuple(e.id for e in deck.endings if e.id not in reached),
        rules_never=tuple(r.id for r in deck.recommendations if fired[r.id] == 0),
        rules_always=tuple(r.id for r in deck.recommendations if fired[r.id] == len(everything)),
        rule_rates=tuple((r.id, round(fired[r.id] / total, 4)) for r in deck.recommendations),
        lessons=check_lessons(deck, runs),
        assessed=assessed,
    )
