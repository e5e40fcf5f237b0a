"""The rules of a round, one by one, on small decks whose outcome is known."""

from __future__ import annotations

import pytest

from scenarios.deck import Deck, load_deck_text
from scenarios.engine import (
    ActionFormatError,
    Broadcast,
    Choose,
    Draw,
    EndRound,
    Extend,
    IllegalAction,
    Inject,
    Note,
    Pass,
    Pause,
    Play,
    Resume,
    State,
    Undo,
    action_from_dict,
    apply,
    legal_actions,
    new_game,
    playability,
    score,
    to_dict,
)
from scenarios.engine.events import (
    Broadcasted,
    Changed,
    Chose,
    Extended,
    GameEnded,
    Noted,
    Revealed,
)

BASE = """\
format: 1
id: regles
title: Règles
phases:
  - {id: avant, title: Avant, rounds: 2, events_per_round: 1}
  - {id: pendant, title: Pendant, rounds: 2, events_per_round: 1}
roles:
  - {id: prefecture, title: Préfecture, hand_size: 2}
  - {id: commune, title: Commune, hand_size: 2}
indicators:
  - {id: confiance, title: Confiance, start: 5}
  - {id: budget, title: Budget, min: 0, max: 5, start: 1}
flags: [alerte, crue]
"""


def deck(cards: str, extra: str = "") -> Deck:
    return load_deck_text(BASE + extra + "cards:\n" + cards)


def run(state: State, *actions: object) -> State:
    for action in actions:
        state = apply(state, action)  # type: ignore[arg-type]
    return state


def finish_round(state: State) -> State:
    """Draw if needed, choose first options, every role passes, end the round."""
    while not state.over:
        actions = legal_actions(state)
        if actions == [EndRound()]:
            return apply(state, EndRound())
        passes = [a for a in actions if isinstance(a, Pass)]
        state = apply(state, passes[0] if passes else actions[0])
    return state


def test_the_same_seed_and_actions_give_the_same_state() -> None:
    d = deck(
        "  - {id: a, type: event, title: A, effects: {confiance: -1}}\n"
        "  - {id: b, type: event, title: B, effects: {confiance: 1}}\n"
    )
    first = [finish_round(new_game(d, 11)).hash() for _ in range(2)]
    assert first[0] == first[1]
    seeds = {finish_round(finish_round(new_game(d, seed))).hash() for seed in range(20)}
    assert len(seeds) > 1


def test_events_are_drawn_among_those_of_the_phase_whose_condition_holds() -> None:
    d = deck(
        "  - {id: plus-tard, type: event, phases: [pendant], title: Plus tard}\n"
        "  - {id: jamais, type: event, title: Jamais, weight: 0}\n"
        "  - {id: si-crue, type: event, title: Si crue, when: crue}\n"
        "  - {id: pluie, type: event, title: Pluie, once: true}\n"
        "  - {id: vent, type: event, title: Vent}\n"
    )
    for seed in range(30):
        state = apply(new_game(d, seed), Draw())
        assert len(state.revealed) == 1
        assert state.revealed[0] in {"pluie", "vent"}


def test_a_once_event_never_comes_back() -> None:
    d = deck(
        "  - {id: pluie, type: event, title: Pluie, once: true}\n"
        "  - {id: vent, type: event, title: Vent}\n"
    )
    for seed in range(10):
        state = new_game(d, seed)
        seen = []
        for _ in range(4):
            state = apply(state, Draw())
            seen.extend(state.revealed)
            state = finish_round(state)
        assert seen.count("pluie") <= 1


def test_a_delayed_trigger_fires_at_the_event_step_of_its_round() -> None:
    d = deck(
        "  - {id: alerte-meteo, type: event, title: Alerte, once: true,"
        " effects: {trigger: [{card: crue-eclair, in: 2}]}}\n"
        "  - {id: calme, type: event, title: Calme, weight: 0.0001}\n"
        "  - {id: crue-eclair, type: event, phases: [pendant], weight: 0, title: Crue,"
        " effects: {set: [crue]}}\n"
    )
    state = apply(new_game(d, 1), Draw())
    assert state.revealed == ("alerte-meteo",)
    state = finish_round(state)
    state = apply(state, Draw())
    assert "crue-eclair" not in state.revealed
    state = finish_round(state)
    state = apply(state, Draw())
    assert state.turn == 3
    assert state.revealed[0] == "crue-eclair"
    assert any(isinstance(e, Revealed) and e.via == "trigger" for e in state.last)
    assert "crue" in state.flags


def test_lasting_effects_apply_at_the_start_of_each_following_round() -> None:
    d = deck(
        "  - {id: pollution, type: event, title: Pollution, once: true,"
        " effects: {confiance: -1}, lasting: {rounds: 2, effects: {confiance: -1}}}\n"
        "  - {id: calme, type: event, title: Calme, weight: 0.0001}\n"
    )
    state = apply(new_game(d, 3), Draw())
    assert state.indicator("confiance") == 4
    state = finish_round(state)
    assert state.indicator("confiance") == 3
    state = finish_round(state)
    assert state.indicator("confiance") == 2
    state = finish_round(state)
    assert state.indicator("confiance") == 2


def test_indicators_stay_within_their_bounds() -> None:
    d = deck("  - {id: choc, type: event, title: Choc, effects: {confiance: -50, budget: 50}}\n")
    state = apply(new_game(d, 0), Draw())
    assert state.indicator("confiance") == 0
    assert state.indicator("budget") == 5


def test_an_unaffordable_card_says_what_it_costs_and_what_is_left() -> None:
    d = deck(
        "  - {id: evacuer, type: decision, roles: [prefecture], title: Évacuer, cost: {budget: 2}}\n"
        "  - {id: pluie, type: event, title: Pluie}\n"
    )
    state = apply(new_game(d, 0), Draw())
    refusal = playability(state, "prefecture", "evacuer")
    assert refusal is not None
    assert refusal.message("fr") == "coût\u00a0: Budget 2, il reste 1"
    assert refusal.message("en") == "cost: Budget 2, 1 left"
    assert Play("prefecture", "evacuer") not in legal_actions(state)


def test_an_unmet_condition_is_shown_as_the_condition() -> None:
    d = deck(
        "  - {id: fr-alert, type: decision, roles: [prefecture], title: FR-Alert, requires: crue}\n"
        "  - {id: pluie, type: event, title: Pluie}\n"
    )
    state = apply(new_game(d, 0), Draw())
    refusal = playability(state, "prefecture", "fr-alert")
    assert refusal is not None and refusal.message("fr") == "condition\u00a0: crue"


def test_playing_pays_applies_effects_and_passes_the_turn() -> None:
    d = deck(
        "  - {id: alerter, type: decision, roles: [prefecture], title: Alerter, cost: {budget: 1},"
        " effects: {confiance: 2, set: [alerte]}}\n"
        "  - {id: pluie, type: event, title: Pluie}\n"
    )
    state = run(new_game(d, 0), Draw(), Play("prefecture", "alerter", "Les gens doivent savoir"))
    assert state.indicator("budget") == 0
    assert state.indicator("confiance") == 7
    assert "alerte" in state.flags
    assert state.current_role == "commune"
    assert "alerter" not in state.hand("prefecture")
    changes = [e for e in state.last if isinstance(e, Changed)]
    assert {(c.indicator, c.card) for c in changes} == {
        ("budget", "alerter"),
        ("confiance", "alerter"),
    }


def test_a_repeatable_decision_returns_to_the_pile() -> None:
    d = deck(
        "  - {id: informer, type: decision, roles: [prefecture], once: false, title: Informer}\n"
        "  - {id: pluie, type: event, title: Pluie}\n"
    )
    state = run(new_game(d, 0), Draw(), Play("prefecture", "informer"), Pass("commune"), EndRound())
    assert "informer" in state.hand("prefecture")


def test_hands_hold_only_cards_of_the_phase_and_refill() -> None:
    d = deck(
        "  - {id: a1, type: decision, roles: [prefecture], phases: [avant], title: A1}\n"
        "  - {id: a2, type: decision, roles: [prefecture], phases: [avant], title: A2}\n"
        "  - {id: a3, type: decision, roles: [prefecture], phases: [avant], title: A3}\n"
        "  - {id: p1, type: decision, roles: [prefecture], phases: [pendant], title: P1}\n"
        "  - {id: p2, type: decision, roles: [prefecture], phases: [pendant], title: P2}\n"
        "  - {id: pluie, type: event, title: Pluie}\n"
    )
    state = new_game(d, 5)
    assert len(state.hand("prefecture")) == 2
    assert set(state.hand("prefecture")) <= {"a1", "a2", "a3"}
    played = state.hand("prefecture")[0]
    state = run(state, Draw(), Play("prefecture", played), Pass("commune"), EndRound())
    assert len(state.hand("prefecture")) == 2
    assert played not in state.hand("prefecture")
    state = finish_round(state)
    assert state.phase == "pendant"
    assert set(state.hand("prefecture")) == {"p1", "p2"}


def test_give_puts_a_card_in_a_hand() -> None:
    d = deck(
        "  - {id: pcs, type: decision, roles: [commune], title: PCS,"
        " effects: {give: {commune: [gymnase]}}}\n"
        "  - {id: gymnase, type: decision, roles: [commune], phases: [pendant], title: Gymnase}\n"
        "  - {id: pluie, type: event, title: Pluie}\n"
    )
    state = run(new_game(d, 0), Draw(), Pass("prefecture"))
    assert state.hand("commune") == ("pcs",)
    state = apply(state, Play("commune", "pcs"))
    assert state.hand("commune") == ("gymnase",)


def test_a_dilemma_waits_for_the_table_and_offers_only_possible_options() -> None:
    d = deck(
        "  - id: antennes\n    type: dilemma\n    title: Antennes\n    options:\n"
        "      - {id: attendre, title: Attendre, effects: {confiance: -2}}\n"
        "      - {id: groupe, title: Groupe, requires: 'budget >= 3', effects: {budget: -3}}\n"
    )
    state = apply(new_game(d, 0), Draw())
    assert state.pending == ("antennes",)
    assert legal_actions(state) == [Choose("antennes", "attendre")]
    with pytest.raises(IllegalAction):
        apply(state, Pass("prefecture"))
    with pytest.raises(IllegalAction) as caught:
        apply(state, Choose("antennes", "groupe"))
    assert "budget >= 3" in caught.value.message("fr")
    state = apply(state, Choose("antennes", "attendre"))
    assert state.indicator("confiance") == 3
    assert state.pending == ()


def test_the_tables_reasons_for_a_dilemmas_option_are_kept_and_hashed() -> None:
    d = deck(
        "  - id: antennes\n    type: dilemma\n    title: Antennes\n    options:\n"
        "      - {id: attendre, title: Attendre, effects: {confiance: -2}}\n"
        "      - {id: groupe, title: Groupe, effects: {budget: -1}}\n"
    )
    state = apply(new_game(d, 0), Draw())
    silent = apply(state, Choose("antennes", "attendre"))
    argued = apply(state, Choose("antennes", "attendre", "Le réseau tient encore"))
    assert argued.last[0] == Chose("antennes", "attendre", "Le réseau tient encore")
    assert argued.hash() != silent.hash()
    # a choice without reasons hashes as choices did before they could be justified
    assert silent.rationales_digest == state.rationales_digest


def test_an_end_effect_ends_the_game_at_once() -> None:
    d = deck(
        "  - {id: rupture, type: event, title: Rupture de digue, effects: {end: digue}}\n",
        "endings:\n  - {id: digue, title: Digue rompue, outcome: defeat}\n",
    )
    state = apply(new_game(d, 0), Draw())
    assert state.over and state.ending == "digue" and state.outcome == "defeat"
    assert isinstance(state.last[-1], GameEnded)
    assert legal_actions(state) == []


def test_endings_are_checked_in_order_at_the_round_end() -> None:
    d = deck(
        "  - {id: choc, type: event, title: Choc, effects: {confiance: -5}}\n",
        "endings:\n"
        "  - {id: premiere, when: 'confiance <= 0', title: Première, outcome: defeat}\n"
        "  - {id: seconde, when: 'confiance <= 1', title: Seconde, outcome: neutral}\n",
    )
    state = run(new_game(d, 0), Draw(), Pass("prefecture"), Pass("commune"))
    assert not state.over
    state = apply(state, EndRound())
    assert (state.ending, state.outcome) == ("premiere", "defeat")


def test_the_game_ends_after_the_last_round_with_the_score() -> None:
    d = deck("  - {id: pluie, type: event, title: Pluie}\n", "score: 'confiance * 2 + budget'\n")
    state = new_game(d, 0)
    for _ in range(4):
        state = finish_round(state)
    assert state.over and state.ending is None and state.outcome == "completed"
    assert state.final_score == score(state) == 11
    assert len(state.trail) == 5


def test_an_illegal_action_changes_nothing() -> None:
    d = deck("  - {id: pluie, type: event, title: Pluie}\n")
    state = new_game(d, 0)
    before = state.hash()
    for action in (
        EndRound(),
        Pass("commune"),
        Play("prefecture", "pluie"),
        Choose("x", "y"),
        Resume(),
        Undo(),
        Inject("inconnue"),
    ):
        with pytest.raises(IllegalAction):
            apply(state, action)
        assert state.hash() == before


def test_it_is_not_your_turn_names_whose_turn_it_is() -> None:
    d = deck("  - {id: pluie, type: event, title: Pluie}\n")
    state = apply(new_game(d, 0), Draw())
    with pytest.raises(IllegalAction) as caught:
        apply(state, Pass("commune"))
    assert caught.value.message("fr") == "c’est à Préfecture de jouer, pas à Commune"


def test_undo_takes_back_the_last_game_action_but_keeps_notes() -> None:
    d = deck("  - {id: pluie, type: event, title: Pluie, effects: {confiance: -1}}\n")
    start = new_game(d, 0)
    drawn = apply(start, Draw())
    noted = apply(drawn, Note("La table hésite"))
    undone = apply(noted, Undo())
    assert undone.indicator("confiance") == 5
    assert undone.stage == "events"
    assert [n.text for n in undone.notes] == ["La table hésite"]
    assert undone.hash() == apply(start, Note("La table hésite")).hash()
    with pytest.raises(IllegalAction):
        apply(undone, Undo())


def test_the_facilitator_injects_events_and_decisions() -> None:
    d = deck(
        "  - {id: pluie, type: event, title: Pluie, weight: 0, effects: {confiance: -2}}\n"
        "  - {id: renfort, type: decision, roles: [commune], title: Renfort}\n"
        "  - {id: autre, type: event, title: Autre}\n"
    )
    state = apply(new_game(d, 0), Inject("pluie"))
    assert state.indicator("confiance") == 3
    with pytest.raises(IllegalAction) as caught:
        apply(state, Inject("renfort"))
    assert caught.value.refusal.code == "inject_role"
    with pytest.raises(IllegalAction):
        apply(state, Inject("renfort", "prefecture"))
    state = apply(state, Inject("renfort", "commune"))
    assert "renfort" in state.hand("commune")


def test_pause_and_resume_toggle_the_timer_flag() -> None:
    d = deck("  - {id: pluie, type: event, title: Pluie}\n")
    state = apply(new_game(d, 0), Pause())
    assert state.paused
    with pytest.raises(IllegalAction):
        apply(state, Pause())
    assert not apply(state, Resume()).paused


def test_notes_are_tagged_from_the_decks_observation_grid_only() -> None:
    grid = "observation_tags:\n  - alerte\n  - {id: coordination, title: Coordination}\n"
    d = deck("  - {id: pluie, type: event, title: Pluie}\n", grid)
    assert [(t.id, t.title) for t in d.observation_tags] == [
        ("alerte", "alerte"),
        ("coordination", "Coordination"),
    ]
    start = new_game(d, 0)
    note = action_from_dict({"type": "note", "text": "FR-Alert tardif", "tags": ["alerte"]})
    assert note == Note("FR-Alert tardif", ("alerte",))
    assert action_from_dict(to_dict(note)) == note
    assert apply(start, note).last == (Noted("FR-Alert tardif", ("alerte",)),)
    with pytest.raises(IllegalAction) as caught:
        apply(start, Note("?", ("meteo",)))
    assert caught.value.refusal.code == "unknown_observation_tag"
    assert "alerte, coordination" in caught.value.message("fr")
    with pytest.raises(IllegalAction):
        apply(new_game(deck("  - {id: pluie, type: event, title: Pluie}\n"), 0), note)


def test_a_message_and_an_extension_leave_the_game_as_it_was() -> None:
    start = new_game(deck("  - {id: pluie, type: event, title: Pluie}\n"), 0)
    told = apply(start, Broadcast("Point de situation dans 5 minutes"))
    longer = apply(told, Extend(120))
    assert told.last == (Broadcasted("Point de situation dans 5 minutes"),)
    assert longer.last == (Extended(120),)
    assert longer.hash() == start.hash(), "the game itself is untouched"
    assert legal_actions(longer) == legal_actions(start)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (["draw"], "action.not_object"),
        ({"card": "pluie"}, "action.no_type"),
        ({"type": "jump"}, "action.unknown_type"),
        ({"type": ["play"]}, "action.unknown_type"),
        ({"type": "draw", "card": "pluie"}, "action.unknown_field"),
        ({"type": "play", "role": "prefecture"}, "action.missing_field"),
        ({"type": "play", "role": "", "card": "pluie"}, "action.not_id"),
        ({"type": "note", "text": 3}, "action.not_text"),
        ({"type": "note", "text": "x" * 2001}, "action.too_long"),
        ({"type": "note", "text": "x", "tags": "alerte"}, "action.not_tags"),
        ({"type": "note", "text": "x", "tags": ["alerte", "alerte"]}, "action.not_tags"),
        ({"type": "note", "text": "x", "tags": [""]}, "action.not_id"),
        ({"type": "extend", "seconds": 0}, "action.not_seconds"),
        ({"type": "extend", "seconds": "60"}, "action.not_seconds"),
        ({"type": "extend", "seconds": 3601}, "action.not_seconds"),
        ({"type": "broadcast", "text": None}, "action.not_text"),
    ],
)
def test_a_malformed_action_says_why_as_data(data: object, code: str) -> None:
    with pytest.raises(ActionFormatError) as caught:
        action_from_dict(data)
    assert caught.value.refusal.code == code
    assert caught.value.message("fr") != caught.value.message("en") != code
