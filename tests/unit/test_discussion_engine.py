"""Discussion exercises in the engine: the order of a round's events (scheduled, triggered,
drawn), question cards, and the table's words (answers, ticked points, questionnaire replies)."""

from __future__ import annotations

import attrs
import pytest

from scenarios.deck import Card, Deck, load_deck
from scenarios.deck.model import Effects, QuestionnaireItem, ScheduleEntry
from scenarios.engine import (
    ActionFormatError,
    Answer,
    Cover,
    Draw,
    EndRound,
    IllegalAction,
    Inject,
    Note,
    Pass,
    Reply,
    State,
    Undo,
    action_from_dict,
    apply,
    legal_actions,
    new_game,
    to_dict,
)
from scenarios.engine.events import Answered, Covered, Replied, Revealed
from tests.conftest import CRUE


def _with_questions(deck: Deck) -> Deck:
    """The crue test deck with two questions, a schedule and a questionnaire."""
    questions = (
        Card(
            "q-table",
            "question",
            "Qui prévenir ?",
            ("avant",),
            weight=0,
            once=True,  # as the loader makes a question by default
            expected=("annuaire papier", "radio"),
            effects=Effects(set=("alerte",)),
        ),
        Card(
            "q-roles",
            "question",
            "Que dire à la presse ?",
            ("pendant",),
            weight=0,
            once=True,
            to=("prefecture", "commune"),
            expected=("un seul porte-parole",),
        ),
    )
    schedule = (
        ScheduleEntry("avant", 1, "q-table"),
        ScheduleEntry("avant", 1, "calme"),
        ScheduleEntry("avant", 2, "q-table"),  # once: already asked, skipped
        ScheduleEntry("pendant", 1, "q-roles"),
    )
    questionnaire = (
        QuestionnaireItem("q-alerte", "L'alerte a-t-elle marché ?", "score"),
        QuestionnaireItem("q-refaire", "À refaire ?", "yesno"),
        QuestionnaireItem("q-garder", "Que garder ?", "text"),
    )
    return attrs.evolve(
        deck, cards=deck.cards + questions, schedule=schedule, questionnaire=questionnaire
    )


@pytest.fixture(scope="module")
def deck() -> Deck:
    return _with_questions(load_deck(CRUE))


def _passes(state: State) -> State:
    """The round played on: every role passes, up to the end step."""
    while state.stage == "decisions" and not state.pending:
        state = apply(state, Pass(state.current_role or ""))
    while state.pending:
        state = apply(state, legal_actions(state)[0])
        while state.stage == "decisions" and not state.pending:
            state = apply(state, Pass(state.current_role or ""))
    return state


def _round(state: State) -> State:
    """Draw, pass, end the round."""
    return apply(_passes(apply(state, Draw())), EndRound())


def _vias(state: State) -> list[str]:
    return [event.via for event in state.last if isinstance(event, Revealed)]


def test_scheduled_cards_come_first_in_the_schedules_order_whatever_their_weight(
    deck: Deck,
) -> None:
    state = apply(new_game(deck, 1), Draw())
    assert state.revealed[:2] == ("q-table", "calme")
    assert _vias(state) == ["schedule", "schedule", "draw"]
    assert [e.card for e in state.last if isinstance(e, Revealed)] == list(state.revealed)
    assert "alerte" in state.flags  # a question fires like an event


def test_a_once_card_already_asked_is_not_scheduled_again(deck: Deck) -> None:
    state = _round(new_game(deck, 1))
    assert state.round == 2
    state = apply(state, Draw())
    assert "q-table" not in state.revealed
    assert _vias(state) == ["draw"]


def test_scheduled_then_triggered_then_drawn(deck: Deck) -> None:
    # The vigilance injected at the first round schedules the flood two turns later,
    # which is the first round of "pendant", where a question is scheduled too.
    state = apply(new_game(deck, 3), Inject("vigilance-orange"))
    state = _round(_round(state))
    assert (state.phase, state.round) == ("pendant", 1)
    state = apply(state, Draw())
    assert state.revealed[:2] == ("q-roles", "crue")
    assert _vias(state) == ["schedule", "trigger", "draw", "draw"]


def test_questions_never_block_the_round(deck: Deck) -> None:
    state = apply(new_game(deck, 1), Draw())
    assert not state.pending
    assert state.stage == "decisions"
    assert all(not isinstance(action, Answer) for action in legal_actions(state))


def test_the_table_answers_and_amends_until_the_round_ends(deck: Deck) -> None:
    state = apply(new_game(deck, 1), Draw())
    answered = apply(state, Answer("q-table", "La préfecture, par radio."))
    assert dict(answered.answers) == {("q-table", None): "La préfecture, par radio."}
    assert answered.last == (Answered("q-table", None, "La préfecture, par radio.", False),)
    amended = apply(answered, Answer("q-table", "La préfecture, par téléphone satellite."))
    assert amended.answers[("q-table", None)] == "La préfecture, par téléphone satellite."
    assert amended.last[0] == Answered(
        "q-table", None, "La préfecture, par téléphone satellite.", True
    )
    # Any role may answer a question that names none.
    by_role = apply(amended, Answer("q-table", "Moi aussi", "commune"))
    assert len(by_role.answers) == 2
    ended = apply(_passes(by_role), EndRound())
    with pytest.raises(IllegalAction) as refused:
        apply(ended, Answer("q-table", "trop tard"))
    assert refused.value.refusal.code == "not_asked_now"
    assert ended.answers == by_role.answers  # kept from round to round


def test_a_question_to_named_roles_is_answered_by_them(deck: Deck) -> None:
    state = apply(new_game(deck, 3), Inject("q-roles"))
    state = apply(state, Answer("q-roles", "Un point presse à 18 h", "prefecture"))
    for role, code in ((None, "answer_role"), ("operateur", "answer_role"), ("x", "unknown_role")):
        with pytest.raises(IllegalAction) as refused:
            apply(state, Answer("q-roles", "?", role))
        assert refused.value.refusal.code == code
    with pytest.raises(IllegalAction) as refused:
        apply(state, Answer("q-roles", "?"))
    assert "Préfecture, Commune" in refused.value.message("fr")


@pytest.mark.parametrize(
    ("action", "code"),
    [
        (Answer("calme", "?"), "not_question"),
        (Answer("inconnue", "?"), "unknown_card"),
        (Answer("q-roles", "?", "prefecture"), "not_asked_now"),
        (Cover("q-roles", 0), "not_asked_yet"),
        (Cover("q-table", 2), "unknown_point"),
        (Cover("calme", 0), "not_question"),
        (Reply("q-alerte", "50"), "not_over"),
    ],
)
def test_words_that_do_not_fit_are_refused(deck: Deck, action: object, code: str) -> None:
    state = apply(new_game(deck, 1), Draw())
    with pytest.raises(IllegalAction) as refused:
        apply(state, action)  # type: ignore[arg-type]
    assert refused.value.refusal.code == code


def _over(deck: Deck, seed: int = 1) -> State:
    state = new_game(deck, seed)
    while not state.over:
        state = apply(state, legal_actions(state)[-1])
    return state


def test_answers_are_refused_once_the_game_is_over_but_points_and_replies_are_not(
    deck: Deck,
) -> None:
    over = _over(deck)
    with pytest.raises(IllegalAction) as refused:
        apply(over, Answer("q-table", "?"))
    assert refused.value.refusal.code == "game_over"
    ticked = apply(apply(over, Cover("q-table", 1)), Cover("q-table", 0))
    assert ticked.covered == {("q-table", 0), ("q-table", 1)}
    unticked = apply(ticked, Cover("q-table", 1, covered=False))
    assert unticked.covered == {("q-table", 0)}
    assert unticked.last == (Covered("q-table", 1, False),)
    replied = apply(unticked, Reply("q-alerte", "70", "prefecture"))
    replied = apply(replied, Reply("q-alerte", "80", "prefecture"))
    replied = apply(replied, Reply("q-refaire", "yes"))
    replied = apply(replied, Reply("q-garder", "La radio"))
    assert dict(replied.replies) == {
        ("q-alerte", "prefecture"): "80",
        ("q-refaire", None): "yes",
        ("q-garder", None): "La radio",
    }
    assert replied.last == (Replied("q-garder", None, "La radio"),)


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        (Reply("q-alerte", "55"), "reply.score"),
        (Reply("q-alerte", "oui"), "reply.score"),
        (Reply("q-refaire", "oui"), "reply.yesno"),
        (Reply("q-absente", "yes"), "unknown_question"),
        (Reply("q-refaire", "yes", "x"), "unknown_role"),
    ],
)
def test_replies_fit_their_scale(deck: Deck, reply: Reply, code: str) -> None:
    with pytest.raises(IllegalAction) as refused:
        apply(_over(deck), reply)
    assert refused.value.refusal.code == code
    assert refused.value.message("fr")  # said in words
    assert refused.value.message("en")


def test_undo_takes_back_the_move_and_keeps_the_words(deck: Deck) -> None:
    drawn = apply(new_game(deck, 1), Draw())
    answered = apply(apply(drawn, Answer("q-table", "Radio")), Cover("q-table", 0))
    passed = apply(answered, Pass("prefecture"))
    undone = apply(passed, Undo())
    assert undone.answers == answered.answers
    assert undone.covered == answered.covered
    assert undone.role_index == drawn.role_index
    # The undo went back over the pass, not over the words.
    assert undone.hash() == answered.hash()


def test_words_enter_the_hash_only_once_there_are_some(deck: Deck) -> None:
    drawn = apply(new_game(deck, 1), Draw())
    assert "answers" not in drawn.canonical()
    assert "covered" not in drawn.canonical()
    assert "replies" not in drawn.canonical()
    answered = apply(drawn, Answer("q-table", "Radio"))
    assert answered.canonical()["answers"] == [["q-table", None, "Radio"]]
    assert answered.hash() != drawn.hash()
    assert apply(drawn, Answer("q-table", "Radio.")).hash() != answered.hash()
    ticked = apply(drawn, Cover("q-table", 1))
    assert ticked.canonical()["covered"] == [["q-table", 1]]
    assert apply(ticked, Cover("q-table", 1, covered=False)).hash() == drawn.hash()


@pytest.mark.parametrize(
    "action",
    [
        Answer("q-table", "Radio"),
        Answer("q-roles", "Un porte-parole", "prefecture"),
        Cover("q-table", 1),
        Cover("q-table", 0, covered=False),
        Reply("q-alerte", "70", "commune"),
        Reply("q-garder", "La radio"),
    ],
)
def test_the_actions_json_form_reads_back(action: object) -> None:
    data = to_dict(action)  # type: ignore[arg-type]
    assert data["type"] in ("answer", "cover", "reply")
    assert action_from_dict(data) == action


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"type": "answer", "card": "q", "text": 3}, "action.not_text"),
        ({"type": "answer", "card": "q", "text": "x" * 2001}, "action.too_long"),
        ({"type": "answer", "text": "x"}, "action.missing_field"),
        ({"type": "cover", "card": "q", "point": "1"}, "action.not_index"),
        ({"type": "cover", "card": "q", "point": -1}, "action.not_index"),
        ({"type": "cover", "card": "q", "point": True}, "action.not_index"),
        ({"type": "cover", "card": "q", "point": 0, "covered": 1}, "action.not_bool"),
        ({"type": "reply", "question": "q", "value": None}, "action.not_text"),
        ({"type": "reply", "question": "q", "value": "5", "role": ""}, "action.not_id"),
    ],
)
def test_malformed_actions_are_refused_with_a_reason(data: dict[str, object], code: str) -> None:
    with pytest.raises(ActionFormatError) as refused:
        action_from_dict(data)
    assert refused.value.refusal.code == code
    assert refused.value.message("fr")


def test_notes_and_words_go_together(deck: Deck) -> None:
    drawn = apply(new_game(deck, 1), Draw())
    state = apply(apply(drawn, Note("La table hésite")), Answer("q-table", "Radio"))
    assert len(state.notes) == 1
    assert state.answers
