"""Applying a card's effects to a draft, and scoring.

Each kind of effect (`deck.format.EFFECT_KEYS`) has its function in `APPLY`,
under the same name, applied in that order: indicator deltas (all computed on
the state before the block, then clamped to [min, max]), set, unset, give,
trigger, end. Every change is logged with the card (and option) that caused
it, for the screen and the debrief.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from scenarios.deck import Deck, Delta, Effects, Trigger
from scenarios.engine.building import builder
from scenarios.engine.context import GameFunctions, draft_env
from scenarios.engine.draft import Draft
from scenarios.engine.events import Changed, FlagChanged, GameEnded, Given, Scheduled, Via
from scenarios.engine.state import ActiveLasting, ScheduledTrigger
from scenarios.rules import Expression


def amount_of(amount: int | Expression, values: Mapping[str, Any], functions: GameFunctions) -> int:
    """The number a delta stands for."""
    if isinstance(amount, int):
        return amount
    result: int = amount.fn(values, functions)
    return result


Apply = Callable[[Draft, Any, str, str | None, Via], None]


def apply_effects(draft: Draft, effects: Effects, card: str, option: str | None, via: Via) -> None:
    """Apply `effects` caused by `card` (and `option`) to `draft`."""
    if effects.empty or draft.stage == "over":
        return
    found = _PLANS.get(id(effects))
    plan = found[1] if found is not None else _plan(effects)
    for apply, value in plan:
        apply(draft, value, card, option, via)


# For each `Effects` of the decks in use, by id: the functions of its non-empty keys,
# in the order of `APPLY`, with their values. Each keeps its `Effects` alive, so an id
# is never that of another; a process that loads decks again and again starts afresh.
_PLANS: dict[int, tuple[Effects, tuple[tuple[Apply, Any], ...]]] = {}
_PLANS_MAX = 1 << 15


def _plan(effects: Effects) -> tuple[tuple[Apply, Any], ...]:
    plan = tuple(
        _fixed(apply, value)
        for apply, value in zip(APPLY.values(), _values(effects), strict=True)
        if value
    )
    if len(_PLANS) >= _PLANS_MAX:
        _PLANS.clear()
    _PLANS[id(effects)] = (effects, plan)
    return plan


def _fixed(apply: Apply, value: Any) -> tuple[Apply, Any]:
    """`apply` and its value in a plan; deltas whose amounts are all numbers (most of
    them) as (indicator, amount) pairs, applied as they are (`_moves`)."""
    if apply is _deltas and all(isinstance(delta.amount, int) for delta in value):
        return _moves, tuple((delta.indicator, delta.amount) for delta in value)
    return apply, value


def _deltas(draft: Draft, deltas: Sequence[Delta], card: str, option: str | None, via: Via) -> None:
    amounts: list[tuple[str, int]] = []
    env = None  # made only for a computed amount; all are computed before any applies
    for delta in deltas:
        amount = delta.amount
        if not isinstance(amount, int):
            env = env or draft_env(draft)
            amount = amount_of(amount, *env)
        amounts.append((delta.indicator, amount))
    _moves(draft, amounts, card, option, via)


def _moves(
    draft: Draft, amounts: Sequence[tuple[str, int]], card: str, option: str | None, via: Via
) -> None:
    """Move each indicator by its amount, clamped; log each that moved."""
    # `change_indicator` for each, written out: most cards and events move an indicator or two.
    deck = draft.deck
    index_of = deck.indicator_index
    indicators = deck.indicators
    values = draft.indicators
    log = draft.log
    for indicator_id, amount in amounts:
        index = index_of[indicator_id]
        indicator = indicators[index]
        before = values[index]
        after = max(indicator.min, min(indicator.max, before + amount))
        if after != before:
            values[index] = after
            log.append(_changed(indicator_id, before, after, card, option, via))


def _flags_to(value: bool) -> Apply:
    """The effect that makes its flags `value` (set: True, unset: False)."""

    def apply(draft: Draft, flags: Sequence[str], card: str, option: str | None, via: Via) -> None:
        for flag in flags:
            if (flag in draft.flags) != value:
                if value:
                    draft.flags.add(flag)
                else:
                    draft.flags.discard(flag)
                draft.log.append(FlagChanged(flag, value, card, option, via))

    return apply


def _give(
    draft: Draft,
    gifts: Sequence[tuple[str, Sequence[str]]],
    card: str,
    option: str | None,
    via: Via,
) -> None:
    for role_id, cards in gifts:
        give(draft, role_id, cards, card)


def _trigger(
    draft: Draft, triggers: Sequence[Trigger], card: str, option: str | None, via: Via
) -> None:
    for trigger in triggers:
        due = draft.turn + trigger.delay
        if due == draft.turn and draft.stage != "events":
            due += 1
        draft.triggers.append(ScheduledTrigger(due, trigger.card))
        draft.log.append(Scheduled(trigger.card, due, card, option))


def _end(draft: Draft, ending: str, card: str, option: str | None, via: Via) -> None:
    finish(draft, ending)


# One function per effect key, in the order they apply; a test holds the keys
# to exactly those of `deck.format.EFFECT_KEYS`.
APPLY: Mapping[str, Apply] = {
    "deltas": _deltas,
    "set": _flags_to(True),
    "unset": _flags_to(False),
    "give": _give,
    "trigger": _trigger,
    "end": _end,
}
_values = operator.attrgetter(*APPLY)  # an effect's values, in the order of APPLY
# Made for most indicator moves, by position (see `engine.building`).
_changed = builder(Changed)


def change_indicator(
    draft: Draft, indicator_id: str, amount: int, card: str, option: str | None, via: Via
) -> None:
    """Move one indicator by `amount`, clamped to its bounds, and log it if it moved."""
    index = draft.deck.indicator_index[indicator_id]
    indicator = draft.deck.indicators[index]
    before = draft.indicators[index]
    after = max(indicator.min, min(indicator.max, before + amount))
    if after != before:
        draft.indicators[index] = after
        draft.log.append(_changed(indicator_id, before, after, card, option, via))


def give(draft: Draft, role_id: str, cards: Sequence[str], source: str) -> None:
    """Put decision cards into a role's hand (beyond its size if need be)."""
    role = draft.deck.role_index[role_id]
    for card in cards:
        draft.removed.discard(card)
        if card in draft.piles[role]:
            draft.row("piles", role).remove(card)
        if card not in draft.hands[role]:
            draft.row("hands", role).append(card)
            draft.log.append(Given(role_id, card, source))


def start_lasting(draft: Draft, card: str, option: str | None) -> None:
    """Register the lasting effects of a card or option that just applied."""
    deck_card = draft.deck.card(card)
    lasting = deck_card.option(option).lasting if option else deck_card.lasting  # type: ignore[union-attr]
    if lasting is not None:
        draft.lasting.append(ActiveLasting(card, option, lasting.rounds))


def tick_lasting(draft: Draft) -> None:
    """At a round's start, apply each lasting effect once more and count it down."""
    still: list[ActiveLasting] = []
    for active in draft.lasting:
        card = draft.deck.card(active.card)
        source = card.option(active.option) if active.option else card
        lasting = source.lasting  # type: ignore[union-attr]
        assert lasting is not None
        apply_effects(draft, lasting.effects, active.card, active.option, "lasting")
        if active.remaining > 1:
            still.append(ActiveLasting(active.card, active.option, active.remaining - 1))
    draft.lasting = still


def score_of(deck: Deck, values: Mapping[str, Any], functions: GameFunctions) -> int:
    """The deck's score, or the sum of indicators (those with `good: low` counted negatively)."""
    if deck.score is not None:
        result: int = deck.score.fn(values, functions)
        return result
    return sum(
        values[indicator.id] if indicator.good == "high" else -values[indicator.id]
        for indicator in deck.indicators
    )


def finish(draft: Draft, ending_id: str | None) -> None:
    """End the game with `ending_id` (None: the last round was played)."""
    if draft.over:
        return
    deck = draft.deck
    values, functions = draft_env(draft)
    score = score_of(deck, values, functions)
    outcome = deck.ending_index[ending_id].outcome if ending_id else "completed"
    draft.stage = "over"
    draft.ending = ending_id
    draft.outcome = outcome
    draft.final_score = score
    draft.pending = []
    draft.add_trail()
    draft.log.append(GameEnded(ending_id, outcome, score))
