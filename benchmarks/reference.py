"""The floor every engine figure is compared with: a plain-Python loop over the same actions.

The state is a few dicts and lists changed in place; nothing is copied,
checked or hashed. It applies a journal's actions as the engine would in
substance (draws from the journal's recorded cards, costs and effects on
indicators, flags, hands and piles, the history counts, notes), so that
"the engine costs N times the reference loop" says what purity, checks,
undo and hashing cost on top of the game's own work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from scenarios.deck import Deck, Effects
from scenarios.engine import State


def reference_loop(
    deck: Deck, initial: State, entries: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """Apply journal entries (their `action` and `draws`) to a dict state made from the
    game's `initial` state (hands dealt, piles shuffled); the final state."""
    cards = deck.card_index
    roles = {role.id: role for role in deck.roles}
    bounds = {i.id: (i.min, i.max) for i in deck.indicators}
    state: dict[str, Any] = {
        "indicators": {i.id: v for i, v in zip(deck.indicators, initial.indicators, strict=True)},
        "flags": set(),
        "hands": {role.id: list(initial.hands[n]) for n, role in enumerate(deck.roles)},
        "piles": {role.id: list(initial.piles[n]) for n, role in enumerate(deck.roles)},
        "removed": set(),
        "counts": {},
        "notes": [],
        "turn": 1,
        "phase": 0,
        "round": 1,
    }
    indicators, counts = state["indicators"], state["counts"]

    def effects(effect: Effects) -> None:
        for delta in effect.deltas:
            if isinstance(delta.amount, int):
                low, high = bounds[delta.indicator]
                indicators[delta.indicator] = max(low, min(high, indicators[delta.indicator] + delta.amount))
        state["flags"].update(effect.set)
        state["flags"].difference_update(effect.unset)

    def count(key: tuple[str, ...]) -> None:
        counts[key] = counts.get(key, 0) + 1

    def refill(phase_changed: bool) -> None:
        phase = deck.phases[state["phase"]].id
        for role_id, hand in state["hands"].items():
            pile = state["piles"][role_id]
            if phase_changed:
                keep = [card for card in hand if phase in cards[card].phases]
                pile.extend(card for card in hand if card not in keep)
                hand[:] = keep
            for card in list(pile):
                if len(hand) >= roles[role_id].hand_size:
                    break
                if card not in state["removed"] and card not in hand and phase in cards[card].phases:
                    pile.remove(card)
                    hand.append(card)

    for entry in entries:
        action = entry["action"]
        kind = action["type"]
        if kind == "draw":
            for card_id in entry.get("draws") or ():
                card = cards[card_id]
                count(("fired", card_id))
                effects(card.effects)
        elif kind == "play":
            card = cards[action["card"]]
            state["hands"][action["role"]].remove(card.id)
            if card.once:
                state["removed"].add(card.id)
            else:
                state["piles"][action["role"]].append(card.id)
            count(("plays", card.id, action["role"]))
            for tag in card.tags:
                count(("tags", tag))
            for indicator, amount in card.cost:
                indicators[indicator] -= amount
            effects(card.effects)
        elif kind == "choose":
            option = cards[action["card"]].option(action["option"])
            count(("choices", action["card"], action["option"]))
            if option is not None:
                effects(option.effects)
        elif kind == "pass":
            count(("passes", action["role"]))
        elif kind == "end_round":
            state["turn"] += 1
            state["round"] += 1
            changed = state["round"] > deck.phases[state["phase"]].rounds
            if changed:
                if state["phase"] + 1 == len(deck.phases):
                    continue
                state["phase"] += 1
                state["round"] = 1
            refill(changed)
        elif kind == "note":
            state["notes"].append((state["turn"], action["text"]))
    return state
