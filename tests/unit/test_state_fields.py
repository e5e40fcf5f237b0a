"""Every field of `State` is declared once: drafts and the hash follow from its declaration."""

from __future__ import annotations

import random

import attrs
import pytest
from immutables import Map

from scenarios.deck import load_deck, resolve_deck
from scenarios.engine import Note, Pause, Resume, State, apply, legal_actions, new_game
from scenarios.engine.actions import Action
from scenarios.engine.draft import Draft
from scenarios.engine.state import DIGEST, FIELD_PARTS, OUTSIDE

# Set by `Draft.freeze` from its arguments; never part of equality or the hash.
SET_OUTSIDE = {"last", "last_action", "last_game", "undo", "undo_depth"}
# Derived from the state on first use (what expressions see of it).
CACHED = {"env", "moves"}
OUTSIDE_FIELDS = SET_OUTSIDE | CACHED


def _game(deck_id: str | None, seed: int) -> list[State]:
    """Every state of a random game, with a note and a pause along the way."""
    state = new_game(load_deck(resolve_deck(deck_id)), seed)
    states = [state]
    rng = random.Random(seed)
    while not state.over:
        action: Action = rng.choice(legal_actions(state))
        if len(states) == 5:
            action = Note("une note")
        elif len(states) in (8, 9):
            action = Pause() if not state.paused else Resume()
        state = apply(state, action)
        states.append(state)
    return states


@pytest.fixture(scope="module")
def states() -> list[State]:
    return _game(None, 1) + _game(None, 2) + _game("cyberattaque", 1)[:1]


def _with(state: State, name: str, other: State) -> State:
    """`state` with `other`'s value of `name` (and of the digest that stands for it)."""
    changes = {name: getattr(other, name)}
    for digest, (part, key) in FIELD_PARTS.items():
        if part is DIGEST and key == name:
            changes[digest] = getattr(other, digest)
    return attrs.evolve(state, **changes)


def test_the_parts_are_those_of_the_fields() -> None:
    assert list(FIELD_PARTS) == [field.name for field in attrs.fields(State)]
    assert {n for n, (part, _) in FIELD_PARTS.items() if part is OUTSIDE} == OUTSIDE_FIELDS
    drafted = {n for n, (part, _) in FIELD_PARTS.items() if part.drafted}
    assert set(Draft.__annotations__) == drafted


@pytest.mark.parametrize("name", [n for n in FIELD_PARTS if n not in OUTSIDE_FIELDS])
def test_every_field_is_in_the_hash(states: list[State], name: str) -> None:
    state = states[len(states) // 3]
    part, _ = FIELD_PARTS[name]
    if part is DIGEST:  # stands for a growing field, and changes with it (see `_with`)
        return
    value = getattr(state, name)
    if part.optional:  # empty in every game before discussion exercises (see the test below)
        return
    others = [s for s in states if getattr(s, name) != value]
    if not others and type(value) is int:  # such as actions_used, 0 with one action a round
        others = [attrs.evolve(state, **{name: value + 1})]
    assert others, f"no state of the test games has another {name}"
    for other in others:
        assert _with(state, name, other).hash() != state.hash(), name


# A value of each field hashed only when not empty (`Part.optional`).
SAMPLES = {
    "answers": Map({("q", None): "Radio", ("q", "prefecture"): "Satellite"}),
    "covered": frozenset({("q", 0), ("q", 2)}),
    "replies": Map({("retex", "commune"): "70", ("retex", None): "80"}),
}


@pytest.mark.parametrize("name", [n for n, (part, _) in FIELD_PARTS.items() if part.optional])
def test_optional_fields_are_in_the_hash_only_when_not_empty(
    states: list[State], name: str
) -> None:
    state = states[len(states) // 3]
    _, key = FIELD_PARTS[name]
    assert key not in state.canonical()
    sample = attrs.evolve(state, **{name: SAMPLES[name]})
    assert key in sample.canonical()
    assert sample.hash() != state.hash()
    assert sample.hash(1) != state.hash(1)
    sample_value = SAMPLES[name]
    for entry in sample_value:  # each entry counts
        one = Map({entry: sample_value[entry]}) if isinstance(sample_value, Map) else {entry}
        fewer = attrs.evolve(state, **{name: one})
        assert fewer.hash() not in (state.hash(), sample.hash())


@pytest.mark.parametrize("name", sorted(SET_OUTSIDE))
def test_fields_outside_drafts_are_not_in_the_hash(states: list[State], name: str) -> None:
    state = states[len(states) // 3]
    other = next(s for s in states if getattr(s, name) is not getattr(state, name))
    assert _with(state, name, other).hash() == state.hash()


@pytest.mark.parametrize("read", [False, True], ids=["untouched", "every-field-read"])
def test_a_state_survives_a_draft_unchanged(states: list[State], read: bool) -> None:
    drafted = [n for n, (part, _) in FIELD_PARTS.items() if part.drafted]
    for state in states:
        draft = Draft(state)
        if read:  # each field copied into the draft, then frozen back
            for name in drafted:
                getattr(draft, name)
        again = draft.freeze(state.undo, state.last_action)
        assert again == state
        assert again.hash() == state.hash()
        for name in FIELD_PARTS:
            if name not in (
                "last",
                "last_game",
                "env",
                "moves",
            ):  # what the draft's own action did: nothing here
                assert getattr(again, name) == getattr(state, name), name
