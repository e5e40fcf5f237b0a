"""Undo goes back a bounded number of game actions, so a long game keeps a bounded number of states."""

from __future__ import annotations

import random

import pytest

from scenarios.deck import load_deck, resolve_deck
from scenarios.engine import IllegalAction, Note, State, Undo, apply, legal_actions, new_game
from scenarios.engine import state as states
from scenarios.engine.state import replace


def _chain(state: State) -> int:
    """How many states an undo chain keeps alive behind `state`."""
    length = 0
    while state.undo is not None:
        state, length = state.undo, length + 1
    return length


def test_undo_goes_back_the_limit_and_says_so_past_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(states, "UNDO_LIMIT", 4)
    monkeypatch.setattr(states, "UNDO_CUT_EVERY", 8)
    rng = random.Random(3)
    state = new_game(load_deck(resolve_deck(None)), 3)
    played = [state]
    while len(played) <= 24:  # at the 24th game action, all but the last 4 are let go
        state = apply(state, rng.choice(legal_actions(state)))
        played.append(state)
        assert _chain(state) <= 4 + 8
    state = apply(state, Note("avant de revenir en arrière"))
    for back in range(1, 5):
        state = apply(state, Undo())
        before = played[-1 - back]
        assert state == replace(before, {"notes": state.notes, "notes_digest": state.notes_digest})
    with pytest.raises(IllegalAction) as refused:
        apply(state, Undo())
    assert refused.value.message("fr") == "impossible d’annuler plus de 4 actions de jeu"
    assert refused.value.message("en") == "cannot undo more than 4 game actions"
    assert [note.text for note in state.notes] == ["avant de revenir en arrière"]


def test_a_game_shorter_than_the_limit_undoes_back_to_its_start() -> None:
    rng = random.Random(1)
    state = start = new_game(load_deck(resolve_deck(None)), 1)
    for _ in range(20):
        state = apply(state, rng.choice(legal_actions(state)))
    for _ in range(20):
        state = apply(state, Undo())
    assert state == start
    with pytest.raises(IllegalAction) as refused:
        apply(state, Undo())
    assert refused.value.message("fr") == "rien à annuler"
