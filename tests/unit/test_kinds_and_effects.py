"""Card kinds and effect keys are each declared in one table; everything else follows it."""

from __future__ import annotations

import attrs
import pytest

from scenarios.deck import Deck, Delta, Effects, Trigger, load_deck, resolve_deck
from scenarios.deck.format import CARD, EFFECT_KEYS
from scenarios.deck.kinds import KINDS, kind_label
from scenarios.engine import events, new_game
from scenarios.engine.draft import Draft
from scenarios.engine.effects import APPLY, apply_effects
from scenarios.i18n import LANGS, Texts


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(resolve_deck(None))


def test_every_kind_is_a_card_type_of_the_format_and_is_named_in_both_languages() -> None:
    assert CARD.fields["type"].kind.values == tuple(KINDS)  # type: ignore[attr-defined]
    for kind in KINDS.values():
        for lang in LANGS:
            assert Texts("deck").has(kind.label, lang)
    assert kind_label("fr", "dilemma") == "dilemme"


def test_effect_keys_name_the_effects_fields_and_the_engine_applies_exactly_them() -> None:
    fields = [field.name for field in attrs.fields(Effects) if field.name != "where"]
    assert sorted(EFFECT_KEYS) == sorted(fields)
    assert sorted(APPLY) == sorted(EFFECT_KEYS)


def test_every_effect_key_names_a_log_event_and_a_screen_text() -> None:
    for entry in EFFECT_KEYS.values():
        assert isinstance(getattr(events, entry.event), type)
        for lang in LANGS:
            assert Texts("tui").has(entry.log, lang)


def _one_effect(deck: Deck, draft: Draft, name: str) -> Effects:
    """Effects with only `name`, chosen so that applying it changes something."""
    indicator = deck.indicators[0]
    held = [card.id for card in deck.cards if card.kind.held]
    triggered = [card.id for card in deck.cards if card.kind.triggered]
    examples = {
        "deltas": (Delta(indicator.id, 1 if draft.indicators[0] < indicator.max else -1),),
        "set": (deck.flags[0].id,),
        "unset": (deck.flags[0].id,),
        "trigger": (Trigger(triggered[0]),),
        "give": ((deck.roles[0].id, tuple(c for c in held if c not in draft.hands[0])[:1]),),
        "end": deck.endings[0].id,
    }
    return Effects(**{name: examples[name]})


@pytest.mark.parametrize("name", sorted(EFFECT_KEYS))
def test_applying_an_effect_records_the_event_its_key_names(deck: Deck, name: str) -> None:
    draft = Draft(new_game(deck, seed=3))
    if name == "unset":
        draft.flags.add(deck.flags[0].id)
    apply_effects(draft, _one_effect(deck, draft, name), deck.cards[0].id, None, "play")
    assert EFFECT_KEYS[name].event in {type(event).__name__ for event in draft.log}


def test_no_effects_is_empty_and_any_effect_is_not(deck: Deck) -> None:
    draft = Draft(new_game(deck, seed=3))
    assert Effects().empty
    for name in EFFECT_KEYS:
        assert not _one_effect(deck, draft, name).empty
