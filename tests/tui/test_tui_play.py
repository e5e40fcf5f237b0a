"""A whole game through the Textual app, with keys only, and its journal replayed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Label

from scenarios.journal import read_journal
from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.screens.end import EndScreen
from scenarios.tui.screens.home import HomeScreen
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.setup import SetupScreen
from tests.conftest import CliResult
from tests.tui.tui_driver import is_over, make_app, palette, play_state, play_until, step


@pytest.mark.slow
async def test_a_whole_game_with_keys_only(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    journal = tmp_path / "partie.jsonl"
    app = make_app(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)

        await pilot.press("d")
        await play_until(pilot, lambda s: s.current_role is not None)
        await step(pilot, rationale="Anticiper le passage au rouge")
        await play_until(pilot, lambda s: s.current_role is not None)
        await step(pilot, rationale="Pas les moyens ce tour-ci", prefer_pass=True)

        revealed = app.screen.state.revealed  # one of those would ask before coming in again
        event = next(
            c for c in app.screen.deck.cards
            if c.type == "event" and c.weight > 0 and c.id not in revealed
        )
        await palette(pilot, f"Injecter {event.title}")
        await palette(pilot, "Note")
        await pilot.press(*"La préfecture hésite", "enter")
        await pilot.pause()
        await palette(pilot, "Annuler la dernière action")
        await palette(pilot, "Mettre le chronomètre en pause")

        phases = set()
        for _ in range(600):
            state = play_state(pilot)
            if state is None:
                break
            phases.add(state.phase)
            await step(pilot)
        assert is_over(pilot)
        assert isinstance(app.screen, EndScreen)
        assert phases == {"avant", "pendant", "apres"}
        text = str(app.screen.query_one("#end-journal").render())
        assert str(journal) in text
        await app.workers.wait_for_complete()
        await pilot.pause()
        debrief = app.screen.query_one("#end-debrief")
        assert "Points positifs" in debrief.source  # type: ignore[attr-defined]
        await pilot.press("x")
        await pilot.pause()
        exported = journal.with_name("partie.debriefing.md")
        assert "# Débriefing" in exported.read_text(encoding="utf-8")
        assert journal.with_name("partie.debriefing.html").exists()

    lines = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()[1:]]
    actions = [line["action"] for line in lines]
    types = {action["type"] for action in actions}
    assert {"draw", "play", "pass", "choose", "end_round", "inject", "note", "undo", "pause"} <= types
    assert {"type": "play", "role": "prefecture", "card": actions[1]["card"],
            "rationale": "Anticiper le passage au rouge"} in actions
    assert any(a.get("rationale") == "Pas les moyens ce tour-ci" for a in actions if a["type"] == "pass")
    assert {"type": "note", "text": "La préfecture hésite"} in actions
    content = read_journal(journal)
    assert content.damage is None and content.entries[-1].over
    code, out, err = cli("replay", "--verify", str(journal))
    assert code == 0, err
    assert "cohérent" in out


async def test_the_setup_names_the_table_and_the_journal_keeps_it(tmp_path: Path) -> None:
    journal = tmp_path / "partie.jsonl"
    app = make_app(journal, with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, SetupScreen)
        field = app.screen.query_one("#table-label", Input)
        assert field.value == "Table 1" and field.has_focus
        labels = [str(label.render()) for label in app.screen.query(Label)]
        assert any(label.startswith("Nom de la table") for label in labels)
        await pilot.press(*"Salle bleue", "ctrl+s")  # the focused field's text is selected
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    assert read_journal(journal).header.label == "Salle bleue"

    named = tmp_path / "nommee.jsonl"
    app = localised(ScenariosApp, "fr")(
        lang="fr", deck=app.initial_deck, seed=3, table_label="Table 4", journal=named
    )
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.query_one("#table-label", Input).value == "Table 4"
        app.screen.query_one("#table-label", Input).value = "   "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    assert read_journal(named).header.label == "Table 1", "left empty: the default name"


def test_play_refuses_an_empty_or_unprintable_table_name(cli: Callable[..., CliResult]) -> None:
    for value in ("  ", "Table\x1b[2J", "T" * 61):
        code, _, err = cli("play", "inondation", "--table", value)
        assert code == 2 and "--table" in err and "Traceback" not in err and "\x1b" not in err
    code, _, err = cli("play", "--table", "", "--lang", "en")
    assert code == 2 and "give a table name of at most 60 characters" in err


async def test_quitting_mid_game_asks_first_and_leaves_a_resumable_journal(tmp_path: Path) -> None:
    journal = tmp_path / "partie.jsonl"
    app = make_app(journal, with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s", "d")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert "--resume" in str(app.screen.query_one(".dialog").query("Static")[1].render())
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("q", "o")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None
    assert len(read_journal(journal).entries) == 1

    again = make_app(journal_folder=tmp_path)
    again.initial_resume = journal
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        state = play_state(pilot)
        assert state is not None and state.stage == "decisions"


async def test_the_home_screen_offers_interrupted_sessions(tmp_path: Path) -> None:
    journal = tmp_path / "partie.jsonl"
    first = make_app(journal, with_deck=True)
    async with first.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s", "d")
        await pilot.pause()
    app = make_app(journal_folder=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        sessions = app.screen.query_one("#sessions")
        assert sessions.option_count == 1
        await pilot.press("tab", "enter")
        await pilot.pause()
        state = play_state(pilot)
        assert state is not None and state.turn == 1 and state.stage == "decisions"


async def test_an_unplayable_card_says_why(tmp_path: Path) -> None:
    app = make_app(tmp_path / "j.jsonl", with_deck=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        reasons = []
        for _ in range(200):
            state = play_state(pilot)
            if state is None:
                break
            if state.current_role is not None:
                options = app.screen.query_one("#choices").options
                reasons += [str(o.prompt) for o in options if o.disabled]
                if reasons:
                    break
            await step(pilot)
        assert any(
            "condition" in r or "il faut d’abord" in r or "coût" in r or "phase" in r
            for r in reasons
        ), reasons
