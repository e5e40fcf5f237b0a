"""Automatic tables for headless games: who picks which legal action.

A policy is anything with `name` and `choose(state, actions, rng)`; designers
can write their own in Python and pass it as `--policy module:attribute`.

The words of a discussion exercise are no move a policy weighs: whatever the
policy, a simulated table answers each question that comes up with a
placeholder (`answers_due`) and fills the lessons-learned questionnaire at the
end (`replies_due`), so that its journals hold what a real table's would.
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Mapping, Sequence
from typing import Protocol

from scenarios.deck import Deck, Indicator
from scenarios.engine import Action, Answer, Choose, Pass, Reply, State, apply, score
from scenarios.engine.reducer import SCALE_VALUES
from scenarios.i18n import Lang, Texts

TEXTS = Texts("sim")


class Policy(Protocol):
    """Chooses one of the legal `actions` (never empty) for `state`."""

    name: str

    def choose(self, state: State, actions: Sequence[Action], rng: random.Random) -> Action: ...


def below(rng: random.Random, n: int) -> int:
    """`rng.randrange(n)` for n > 0, the same number from the same generator, drawn as
    CPython draws it (`Random._randbelow_with_getrandbits`).

    Written out, it runs in this compiled module rather than through three calls
    of Python's `random`: the random table draws once per action, and the games
    it played (and the hashes of their states) stay the same.
    """
    bits = n.bit_length()
    drawn = rng.getrandbits(bits)
    while drawn >= n:
        drawn = rng.getrandbits(bits)
    return drawn


class RandomPolicy:
    """Any legal action, uniformly: a table that plays without a plan."""

    name = "random"

    def choose(self, state: State, actions: Sequence[Action], rng: random.Random) -> Action:
        return actions[below(rng, len(actions))]


class PassPolicy:
    """A table that never decides: it passes, and takes a dilemma's first option."""

    name = "pass"

    def choose(self, state: State, actions: Sequence[Action], rng: random.Random) -> Action:
        for action in actions:
            if isinstance(action, Pass):
                return action
        return actions[0]


class GreedyPolicy:
    """One step of lookahead on the deck's score.

    Ties are broken at random, preferring a decision to a pass: a table that
    gains nothing either way still acts.
    """

    name = "greedy"

    def choose(self, state: State, actions: Sequence[Action], rng: random.Random) -> Action:
        if len(actions) == 1:
            return actions[0]
        best: list[Action] = []
        best_score: int | None = None
        for action in actions:
            value = score(apply(state, action))
            if best_score is None or value > best_score:
                best, best_score = [action], value
            elif value == best_score:
                best.append(action)
        if len(best) > 1 and any(not isinstance(a, (Pass, Choose)) for a in best):
            best = [a for a in best if not isinstance(a, Pass)] or best
        return best[below(rng, len(best))]


class CautiousPolicy:
    """A table that protects its weakest gauge.

    One step of lookahead on the lowest indicator (each scaled to its bounds,
    `good: low` ones reversed); ties go to the deck's score, then to acting
    rather than passing. Indicators that cards spend as their cost (budget,
    means) are left out: hoarding them is not caution, it is not playing.
    """

    name = "cautious"

    def __init__(self) -> None:
        self._resources: dict[str, frozenset[str]] = {}

    def _guarded(self, deck: Deck) -> list[tuple[int, Indicator]]:
        spent = self._resources.get(deck.id)
        if spent is None:
            spent = frozenset(name for card in deck.cards for name, _ in card.cost)
            self._resources[deck.id] = spent
        guarded = [(i, ind) for i, ind in enumerate(deck.indicators) if ind.id not in spent]
        return guarded or list(enumerate(deck.indicators))

    def choose(self, state: State, actions: Sequence[Action], rng: random.Random) -> Action:
        if len(actions) == 1:
            return actions[0]
        guarded = self._guarded(state.deck)

        def weakest(after: State) -> float:
            shares = []
            for index, indicator in guarded:
                value = after.indicators[index]
                share = (value - indicator.min) / max(1, indicator.max - indicator.min)
                shares.append(share if indicator.good == "high" else 1 - share)
            return min(shares)

        ranked = []
        for action in actions:
            after = apply(state, action)
            ranked.append((weakest(after), score(after), not isinstance(action, Pass), action))
        top = max(ranked, key=lambda item: item[:3])
        best = [item[3] for item in ranked if item[:3] == top[:3]]
        return best[below(rng, len(best))]


def answers_due(state: State, lang: Lang = "fr") -> list[Answer]:
    """A simulated table's answers to the questions revealed this round that have none yet:
    one for each role asked, or one for the table when a question names none."""
    if state.over or not state.revealed:
        return []
    text = TEXTS(lang, "sim.answer")
    due: list[Answer] = []
    cards = state.deck.card_index
    for card_id in dict.fromkeys(state.revealed):
        card = cards[card_id]
        if card.kind.asks:
            roles: tuple[str | None, ...] = card.to or (None,)
            due += [Answer(card_id, text, r) for r in roles if (card_id, r) not in state.answers]
    return due


def questionnaire_left(state: State) -> bool:
    """Some role has yet to reply to some item of the questionnaire of a finished game."""
    return state.over and any(
        (item.id, role.id) not in state.replies
        for role in state.deck.roles
        for item in state.deck.questionnaire
    )


def replies_due(state: State, rng: random.Random, lang: Lang = "fr") -> list[Reply]:
    """A simulated table's replies to the questionnaire once the game is over: each role
    answers each item (a score or yes/no at random, a placeholder for a free text)."""
    if not state.over:
        return []
    text = TEXTS(lang, "sim.reply")
    due: list[Reply] = []
    for role in state.deck.roles:
        for item in state.deck.questionnaire:
            if (item.id, role.id) not in state.replies:
                values = SCALE_VALUES.get(item.scale)
                value = values[rng.randrange(len(values))] if values else text
                due.append(Reply(item.id, value, role.id))
    return due


BUILTIN_POLICIES: Mapping[str, type] = {
    "random": RandomPolicy,
    "greedy": GreedyPolicy,
    "pass": PassPolicy,
    "cautious": CautiousPolicy,
}


class PolicyError(ValueError):
    """A policy name that names nothing usable."""


def load_policy(name: str) -> Policy:
    """A built-in policy by name, or `module:attribute` naming a class or an instance."""
    if name in BUILTIN_POLICIES:
        policy: Policy = BUILTIN_POLICIES[name]()
        return policy
    module_name, _, attribute = name.partition(":")
    if not attribute:
        raise PolicyError(name)
    try:
        target = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise PolicyError(f"{name}: {error}") from None
    candidate = target() if isinstance(target, type) else target
    if not callable(getattr(candidate, "choose", None)):
        raise PolicyError(f"{name}: no choose(state, actions, rng) method")
    if not hasattr(candidate, "name"):
        candidate.name = name
    return candidate  # type: ignore[no-any-return]
