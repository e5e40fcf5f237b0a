"""Lint by simulation: what the static analysis cannot decide, played out.

Plays a few hundred games with the random and greedy policies and warns about
events never drawn, decisions never playable, recommendations that never or
always fire, and endings never reached: each with the number of games behind
the claim, since a rare card can hide in a small sample. Then checks the deck's
lessons (`lessons.py`) on `lessons.GAMES` games of each policy they name, the
same games where a policy plays for both (game `i` of a run is the same game
however many are played): a lesson the games do not bear out is an error.
"""

from __future__ import annotations

from collections import Counter

from scenarios.deck import Deck, Diagnostic, Position
from scenarios.deck.lint import unsilenced
from scenarios.deck.located import LocatedMap
from scenarios.sim import lessons
from scenarios.sim.runner import GameResult, simulate

GAMES = {"random": 400, "greedy": 150}


def _at(where: LocatedMap | None) -> Position:
    """The start of the card, rule or ending: simulation speaks of the whole thing."""
    return where.at() if where is not None else Position("?")


def simulated_checks(deck: Deck, already: list[Diagnostic], seed: int = 0) -> list[Diagnostic]:
    """The simulated lint's warnings, then an error for each lesson that does not hold."""
    needed = dict(GAMES)
    for policy in lessons.policies_needed(deck):
        needed[policy] = max(needed.get(policy, 0), lessons.GAMES)
    runs = {policy: simulate(deck, games, seed, policy) for policy, games in needed.items()}
    found = simulated_lint(deck, already, seed, runs)
    checks = lessons.check_lessons(
        deck, {policy: runs[policy][: lessons.GAMES] for policy in lessons.policies_needed(deck)}
    )
    return found + lessons.lesson_diagnostics(deck, checks)


def simulated_lint(
    deck: Deck,
    already: list[Diagnostic],
    seed: int = 0,
    runs: dict[str, list[GameResult]] | None = None,
) -> list[Diagnostic]:
    """Warnings from simulated games, leaving out cards the static lint already flagged;
    the games of `GAMES` (the first of `runs`, when they are already played)."""
    flagged = {str(d.params.get(k)) for d in already for k in ("card", "rule", "ending")}
    runs = runs or {}
    results = [
        r
        for policy, games in GAMES.items()
        for r in (runs[policy][:games] if policy in runs else simulate(deck, games, seed, policy))
    ]
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
