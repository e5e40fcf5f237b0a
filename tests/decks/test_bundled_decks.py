"""The bundled decks, as trainers receive them: complete, sourced, readable, and balanced.

Balance is checked on 2,000 simulated games per policy (random, greedy, pass) for
the games; a discussion exercise (`style: discussion`) has no balance to check, but
the shape the issue that introduced it asks for, and the same order in every game.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest

from scenarios.deck import Deck, bundled_decks, load_deck
from scenarios.sim import GameResult, simulate

GAMES = 2000
POLICIES = ("random", "greedy", "pass")
DECKS = [pytest.param(b.id, id=b.id) for b in bundled_decks()]
STYLES = {b.id: load_deck(b.path).style for b in bundled_decks()}
GAME_DECKS = [pytest.param(i, id=i) for i, style in STYLES.items() if style == "game"]
DISCUSSION_DECKS = [pytest.param(i, id=i) for i, style in STYLES.items() if style == "discussion"]


def deck_of(deck_id: str) -> Deck:
    return load_deck(next(b.path for b in bundled_decks() if b.id == deck_id))


def texts(deck: Deck) -> Iterator[str]:
    """Every text a player or trainer reads."""
    yield from (deck.title, deck.summary)
    yield from (p.title for p in deck.phases)
    yield from (r.title for r in deck.roles)
    yield from (i.title for i in deck.indicators)
    yield from (f.title for f in deck.flags)
    for card in deck.cards:
        yield from (card.title, card.text)
        for option in card.options:
            yield from (option.title, option.text)
    for ending in deck.endings:
        yield from (ending.title, ending.text)
    for rule in deck.recommendations:
        yield from (rule.title, rule.text, rule.actor, rule.deadline)
    # Discussion exercises: what the facilitator reads, and what the table is handed.
    yield deck.facilitator
    for item in (*deck.phases, *deck.roles, *deck.cards):
        yield item.facilitator
    for card in deck.cards:
        yield from card.expected
    for variable in deck.variables:
        yield from (variable.title, variable.default)
    for handout in deck.handouts:
        yield from (handout.title, handout.text)
    yield from (item.text for item in deck.questionnaire)


@pytest.mark.parametrize("deck_id", GAME_DECKS)
def test_bundled_deck_has_the_expected_shape(deck_id: str) -> None:
    deck = deck_of(deck_id)
    assert len(deck.phases) == 3
    assert 3 <= len(deck.roles) <= 4
    assert 4 <= len(deck.indicators) <= 5
    assert 30 <= len(deck.cards) <= 50
    kinds = Counter(card.type for card in deck.cards)
    assert kinds["event"] and kinds["decision"] and kinds["dilemma"] >= 3
    assert any(c.lasting or any(o.lasting for o in c.options) for c in deck.cards)
    triggers = [
        c for c in deck.cards if c.effects.trigger or any(o.effects.trigger for o in c.options)
    ]
    assert len(triggers) >= 2
    assert 2 <= len(deck.endings) <= 3
    assert 8 <= len(deck.recommendations) <= 15
    per_phase = Counter(r.phase for r in deck.recommendations)
    assert all(per_phase[phase.id] >= 2 for phase in deck.phases)
    assert all(r.text and r.actor and r.deadline for r in deck.recommendations)
    assert deck.summary and deck.license == "CC-BY-SA-4.0" and deck.sources
    assert all(source.title for source in deck.sources)


@pytest.mark.parametrize("deck_id", DISCUSSION_DECKS)
def test_bundled_discussion_deck_has_the_expected_shape(deck_id: str) -> None:
    deck = deck_of(deck_id)
    assert [phase.id for phase in deck.phases] == ["avant", "pendant", "apres"]
    assert all(phase.minutes and phase.facilitator for phase in deck.phases)
    assert 3 <= len(deck.roles) <= 6 and all(role.facilitator for role in deck.roles)
    assert deck.facilitator and all(card.facilitator for card in deck.cards)
    assert deck.variables and deck.summary and deck.license == "CC-BY-SA-4.0"
    assert deck.sources and all(source.title and source.note for source in deck.sources)
    questions = [card for card in deck.cards if card.type == "question"]
    assert 10 <= len(questions) <= 15
    assert {phase for card in questions for phase in card.phases} == {"avant", "pendant", "apres"}
    assert all(2 <= len(card.expected) <= 4 for card in questions)
    assert any(card.to for card in questions) and any(card.handout for card in questions)
    assert any(card.type == "event" for card in deck.cards)
    # A FR-Alert text, an operator's status message, a rumour, a mairie's memo.
    assert {"sms", "press", "social", "memo"} <= {handout.kind for handout in deck.handouts}
    assert len(deck.questionnaire) == 6
    assert {item.scale for item in deck.questionnaire} == {"score", "yesno", "text"}
    # A scheduled card is not drawn on top of it (weight 0).
    weights = {card.id: card.weight for card in deck.cards}
    assert deck.schedule and all(weights[entry.card] == 0 for entry in deck.schedule)
    per_phase = Counter(rule.phase for rule in deck.recommendations)
    assert all(per_phase[phase.id] >= 2 for phase in deck.phases)
    for rule in deck.recommendations:
        assert rule.text and rule.deadline, rule.id
        assert rule.lead and not re.search(r",| et | avec ", rule.lead), rule.lead


@pytest.mark.parametrize("deck_id", DECKS)
def test_bundled_deck_texts_fit_the_play_screen(deck_id: str) -> None:
    deck = deck_of(deck_id)
    for card in deck.cards:
        assert len(card.title) <= 50, card.title
        assert len(card.text) <= 260, card.id
        assert all(len(o.title) <= 45 for o in card.options), card.id
    for rule in deck.recommendations:
        assert len(rule.title) <= 90 and len(rule.text) <= 400, rule.id


@pytest.mark.parametrize("deck_id", DECKS)
def test_bundled_deck_follows_french_typography(deck_id: str) -> None:
    for text in texts(deck_of(deck_id)):
        assert not re.search(r" [;:?!»]", text), text
        assert "« " not in text, text
        assert not re.search(r"\w'\w", text), f"typographic apostrophe expected: {text}"


@pytest.fixture(scope="module")
def games() -> dict[str, dict[str, list[GameResult]]]:
    return {}


def played(
    deck_id: str, cache: dict[str, dict[str, list[GameResult]]]
) -> dict[str, list[GameResult]]:
    if deck_id not in cache:
        deck = deck_of(deck_id)
        cache[deck_id] = {p: simulate(deck, GAMES, 2026, p) for p in POLICIES}
    return cache[deck_id]


@pytest.mark.slow
@pytest.mark.parametrize("deck_id", GAME_DECKS)
def test_bundled_deck_is_balanced(
    deck_id: str, games: dict[str, dict[str, list[GameResult]]]
) -> None:
    deck = deck_of(deck_id)
    results = played(deck_id, games)
    everything = [r for rs in results.values() for r in rs]

    seen = set().union(*(set(r.fired) | set(r.playable) for r in everything))
    assert [c.id for c in deck.cards if c.id not in seen] == []

    fired = Counter(rule for r in everything for rule in r.recommendations)
    assert [r.id for r in deck.recommendations if fired[r.id] == 0] == []
    assert [r.id for r in deck.recommendations if fired[r.id] == len(everything)] == []

    def defeats(policy: str) -> int:
        return sum(r.outcome == "defeat" for r in results[policy])

    assert defeats("pass") > defeats("greedy")

    last = deck.phases[-1].id
    early = sum(1 for r in results["random"] if r.ending and r.last_phase != last)
    assert early <= 0.6 * GAMES
