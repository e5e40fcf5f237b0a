"""The lessons-learned questionnaire between the end of a discussion exercise and its end
screen: replies journaled with their role, skipping, resuming where it was left."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from scenarios.deck import Deck, load_deck, load_deck_text
from scenarios.engine import Reply, legal_actions
from scenarios.journal import Session, read_journal
from scenarios.tui.screens.dialogs import ConfirmDialog
from scenarios.tui.screens.questionnaire import QuestionnaireScreen, ScaleChoice
from tests.conftest import TEST_DECKS, spaced
from tests.tui.tui_driver import FIXED_NOW, is_over, make_app, play_until, shown_text, start_game

DECK = TEST_DECKS / "discussion.yaml"


def replies_in(journal: Path) -> list[tuple[dict[str, object], str | None]]:
    """The replies the journal holds, with who wrote each line, in order."""
    return [
        (entry.action, entry.by)
        for entry in read_journal(journal).entries
        if entry.action.get("type") == "reply"
    ]


def title(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, QuestionnaireScreen)
    return spaced(str(screen.query_one("#questionnaire-title").render()))


async def at_the_questionnaire(pilot: object, deck: Deck) -> None:
    await start_game(pilot, from_home=False)  # type: ignore[arg-type]
    await play_until(pilot)  # type: ignore[arg-type]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_each_role_replies_and_each_reply_is_journaled_with_its_role(
    tmp_path: Path,
) -> None:
    journal = tmp_path / "exercice.jsonl"
    deck = load_deck(DECK)
    app = make_app(journal, deck=deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_questionnaire(pilot, deck)
        assert title(app) == "Questionnaire de fin d’exercice — Mairie de Carcassonne (1/2)"
        assert "La chaîne d'alerte a-t-elle fonctionné ?" in shown_text(app)
        await pilot.press(*["right"] * 8)  # 0, 10, … 70
        assert app.screen.query_one("#reply-q-alerte", ScaleChoice).value == "70"
        await pilot.press("tab", "left")  # from none, left: the last, « non »
        await pilot.press("tab", *"Le [b]standard[/b] papier", "ctrl+s")
        await pilot.pause()
        assert title(app) == "Questionnaire de fin d’exercice — Préfecture (2/2)"
        assert app.screen.query_one("#reply-q-alerte", ScaleChoice).value is None
        assert app.screen.query_one("#reply-q-garder", TextArea).text == ""
        await pilot.press("tab", "right", "ctrl+s")  # only « oui » to « refaire »
        await pilot.pause()
        await pilot.pause()
        assert is_over(pilot)
    assert replies_in(journal) == [
        ({"type": "reply", "question": "q-alerte", "value": "70", "role": "mairie"}, None),
        ({"type": "reply", "question": "q-refaire", "value": "no", "role": "mairie"}, None),
        (
            {
                "type": "reply",
                "question": "q-garder",
                "value": "Le [b]standard[/b] papier",
                "role": "mairie",
            },
            None,
        ),
        ({"type": "reply", "question": "q-refaire", "value": "yes", "role": "prefecture"}, None),
    ]


async def test_the_facilitator_skips_it_after_a_confirmation_and_nothing_is_sent(
    tmp_path: Path,
) -> None:
    journal = tmp_path / "exercice.jsonl"
    deck = load_deck(DECK)
    app = make_app(journal, deck=deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_questionnaire(pilot, deck)
        await pilot.press("right", "right", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Passer le questionnaire ?" in spaced(shown_text(app))
        await pilot.press("n")  # no: back to it, as it was
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        assert app.screen.query_one("#reply-q-alerte", ScaleChoice).value == "10"
        await pilot.press("tab", "tab", *"rien", "escape")  # from a text area too
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.pause()
        assert is_over(pilot)
    assert replies_in(journal) == []


async def test_a_deck_without_a_questionnaire_goes_straight_to_the_end(tmp_path: Path) -> None:
    source = DECK.read_text(encoding="utf-8")
    without = load_deck_text(source[: source.index("questionnaire:")], str(DECK))
    assert not without.questionnaire
    for deck, shown in ((load_deck(DECK), QuestionnaireScreen), (without, None)):
        app = make_app(tmp_path / f"{bool(deck.questionnaire)}.jsonl", deck=deck)
        async with app.run_test(size=(80, 24)) as pilot:
            await at_the_questionnaire(pilot, deck)
            if shown is None:
                assert is_over(pilot)
            else:
                assert isinstance(app.screen, shown)


def finished_game(path: Path, *replies: Reply) -> Path:
    """The discussion exercise played to its end, then these replies."""
    with Session.start(load_deck(DECK), 5, path, fsync=False, clock=lambda: FIXED_NOW) as session:
        while not session.state.over:
            session.apply(legal_actions(session.state)[0])
        for reply in replies:
            session.apply(reply)
    return path


@pytest.mark.parametrize(
    ("replies", "shown"),
    [
        pytest.param((), "Mairie de Carcassonne (1/2)", id="none"),
        pytest.param(
            (Reply("q-alerte", "40", "mairie"),), "Préfecture (2/2)", id="first-role-done"
        ),
    ],
)
async def test_a_resumed_game_comes_back_to_the_questionnaire_where_it_was(
    tmp_path: Path, replies: tuple[Reply, ...], shown: str
) -> None:
    journal = finished_game(tmp_path / "exercice.jsonl", *replies)
    app = make_app(journal_folder=tmp_path)
    app.initial_resume = journal
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert title(app).endswith(shown)
        await pilot.press("ctrl+s")  # nothing typed: nothing sent, the next role or the end
        await pilot.pause()
    assert [action["value"] for action, _ in replies_in(journal)] == [r.value for r in replies]
