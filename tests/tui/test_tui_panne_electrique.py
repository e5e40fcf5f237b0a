"""The bundled discussion exercise, played as a table plays it: the names of its territory
typed at setup, a question answered in words, its handout opened full screen, and the
lessons-learned questionnaire at the end, all of it in the journal."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Markdown, TextArea

from scenarios.deck import load_deck, resolve_deck
from scenarios.journal import read_journal
from scenarios.tui.screens.discussion import AnswerScreen, HandoutScreen
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.questionnaire import QuestionnaireScreen
from tests.conftest import spaced
from tests.tui.tui_driver import (
    is_over,
    make_app,
    play_until,
    shown_text,
    skip_questionnaire,
    start_game,
)

QUESTION = "q-fr-alert"  # pendant, round 1: asked to the préfecture and communication


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_an_exercise_of_panne_electrique_with_typed_answers_and_a_handout(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    journal = tmp_path / "panne.jsonl"
    app = make_app(journal, deck=load_deck(resolve_deck("panne-electrique")))
    async with app.run_test(size=size) as pilot:
        app.screen.query_one("#variable-departement", Input).value = "le Finistère"
        await start_game(pilot, from_home=False)
        await play_until(pilot, lambda s: QUESTION in s.revealed)
        assert "{{" not in shown_text(app)

        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AnswerScreen)
        areas = [area.id for area in app.screen.query(TextArea)]
        assert areas == ["answer-prefecture", "answer-communication"]
        await pilot.press(*"On l'envoie, avec la radio locale")
        await pilot.press("tab", *"Affiches en mairie", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)

        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HandoutScreen)
        assert "Projet de message FR-Alert" in spaced(shown_text(app))
        handout = app.screen.query_one(Markdown).source
        assert "le Finistère" in handout and "{{" not in handout
        await pilot.press("escape")
        await pilot.pause()

        await play_until(pilot)
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        await pilot.press(*["right"] * 8, "ctrl+s")  # the préfecture: 70 on the alert
        await pilot.pause()
        await skip_questionnaire(pilot)  # the facilitator stops it there
        assert is_over(pilot)

    content = read_journal(journal)
    assert content.damage is None
    assert dict(content.header.variables)["departement"] == "le Finistère"
    actions = [entry.action for entry in content.entries]
    assert [a for a in actions if a["type"] == "answer"] == [
        {
            "type": "answer",
            "card": QUESTION,
            "text": "On l'envoie, avec la radio locale",
            "role": "prefecture",
        },
        {"type": "answer", "card": QUESTION, "text": "Affiches en mairie", "role": "communication"},
    ]
    assert [a for a in actions if a["type"] == "reply"] == [
        {"type": "reply", "question": "q-alerte", "value": "70", "role": "prefecture"}
    ]
