"""Records made by plain stores (`engine.building`) are the frozen records attrs makes."""

from __future__ import annotations

import attrs
import pytest

from scenarios.deck import load_deck, resolve_deck
from scenarios.engine import Play, apply, legal_actions, new_game
from scenarios.engine.building import builder
from scenarios.engine.events import Changed
from scenarios.journal.format import Entry


def test_a_built_record_is_the_class_itself_equal_and_frozen() -> None:
    made = builder(Entry)(3, "t", {"type": "draw"}, "h", ("e1",), False, 4, 120, "c", None)
    assert type(made) is Entry
    assert made == Entry(3, "t", {"type": "draw"}, "h", ("e1",), line=4, end=120, check="c")
    assert hash(builder(Changed)("a", 1, 2, "c", None, "play")) == hash(
        Changed("a", 1, 2, "c", None, "play")
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.seq = 4  # type: ignore[misc]


def test_a_class_whose_init_checks_its_fields_is_refused() -> None:
    @attrs.frozen
    class Checked:
        value: int = attrs.field(validator=attrs.validators.instance_of(int))

    with pytest.raises(AssertionError):
        builder(Checked)


def test_a_play_shares_the_hands_and_piles_it_did_not_change() -> None:
    state = new_game(load_deck(resolve_deck(None)), 3)
    while not any(isinstance(action, Play) for action in legal_actions(state)):
        state = apply(state, legal_actions(state)[0])
    play = next(a for a in legal_actions(state) if isinstance(a, Play))
    after = apply(state, play)
    role = state.deck.role_index[play.role]
    assert play.card in state.hands[role] and play.card not in after.hands[role]
    others = [index for index in range(len(state.hands)) if index != role]
    assert all(after.hands[index] is state.hands[index] for index in others)
    assert all(after.piles[index] is state.piles[index] for index in others)
