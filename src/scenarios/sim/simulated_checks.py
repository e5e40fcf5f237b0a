"""Lint by simulation: what the static analysis cannot decide, played out.

Plays a few hundred games with the random and greedy policies and warns about
events never drawn, decisions never playable, recommendations that never or
always fire, and endings never reached: each with the number of games behind
the claim, since a rare card can hide in a small sample.
"""

from __future__ import annotations

from collections import Counter

from scenarios.deck import Deck, Diagnostic, Position
from scenarios.deck.lint import unsilenced
from scenarios.deck.located import LocatedMap
from scenarios.sim.runner import simulate

GAMES = {"random": 400, "greedy": 150}


def _at(where: LocatedMap | None) -> Position:
    """The start of the card, rule or ending: simulation speaks of the whole thing."""
    return where.at() if where is not None else Position("?")


def simulated_lint(deck: Deck, already: list[Diagnostic], seed: int = 0) -> list[Diagnostic]:
    """Warnings from simulated games, leaving out cards the static lint already flagged."""
    flagged = {str(d.params.get(k)) for d in already for k in ("card", "rule", "ending")}
    results = [r for policy, games in GAMES.items() for r in simulate(deck, games, seed, policy)]
    total = len(results)
    fired = set().union(*(set(r.fired) for r in results))
    playable = set().union(*(set(r.playable) for r in results))
    rules = Counter(rule for r in results for rule in r.recommendations)
    endings = Counter(r.ending for r in results)
    found: list[Diagnostic] = []

    def warn(code: str, where: LocatedMap | None, **params: object) -> None:
        found.append(Diagnostic(code, _at(where), {**params, "games": total}, severity="warning"))

    for card in deck.cards:
        if card.id in flagged:
            continue
        if card.kind.drawn and card.weight > 0 and card.id not in fired:
            warn("lint.sim_event_never", card.where, card=card.id)
        elif card.kind.held and card.id not in playable:
            warn("lint.sim_decision_never", card.where, card=card.id)
    for rule in deck.recommendations:
        if rule.id in flagged:
            continue
        if rules[rule.id] == 0:
            warn("lint.sim_recommendation_never", rule.where, rule=rule.id)
        elif rules[rule.id] == total and not deck.discussion:
            # In a discussion exercise a recommendation that always holds is the rule, not
            # a flaw: its questions are scheduled, so every session that goes on reaches them.
            warn("lint.sim_recommendation_always", rule.where, rule=rule.id)
    for ending in deck.endings:
        if ending.id not in flagged and ending.when is not None and endings[ending.id] == 0:
            warn("lint.sim_ending_never", ending.where, ending=ending.id)
    return unsilenced(deck, found)
