"""Resuming an interrupted game (issue 17): each past action once in the log, and the
round's timer going on from where the journal's lines left it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual.widgets import RichLog

from scenarios.deck import load_deck, resolve_deck
from scenarios.engine import Draw, Pass, Pause, Resume
from scenarios.journal import Session
from scenarios.tui.app import ScenariosApp
from tests.conftest import spaced
from tests.tui.tui_driver import FIXED_NOW, make_app, play_state, timer_seconds


class Steps:
    """A clock that says each time it is given, in order (the journal's line times)."""

    def __init__(self, *seconds: float) -> None:
        self.times = [FIXED_NOW + timedelta(seconds=s) for s in seconds]

    def __call__(self) -> datetime:
        return self.times.pop(0)


def interrupted_game(path: Path) -> Path:
    """Round 1 drawn at 0 s, a pass at 20 s, a pause from 30 s to 90 s, a pass at 97 s;
    then the app is closed (for an hour: the next line would come much later)."""
    deck = load_deck(resolve_deck(None))
    clock = Steps(-60, 0, 20, 30, 90, 97)
    with Session.start(deck, 11, path, fsync=False, clock=clock) as session:
        session.apply(Draw())
        for action in ("pass", Pause(), Resume(), "pass"):
            if action == "pass":
                role = session.state.current_role
                assert role is not None
                session.apply(Pass(role, "Pas ce tour-ci"))
            else:
                session.apply(action)  # type: ignore[arg-type]
    return path


def log_text(app: ScenariosApp) -> list[str]:
    return [spaced(strip.text) for strip in app.screen.query_one("#log", RichLog).lines]


async def test_a_resumed_game_logs_each_action_once(tmp_path: Path) -> None:
    journal = interrupted_game(tmp_path / "partie.jsonl")
    app = make_app(journal_folder=tmp_path)
    app.initial_resume = journal
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert play_state(pilot) is not None
        lines = log_text(app)
        passes = [line for line in lines if "passe" in line]
        assert len(passes) == 2, lines
        assert len([line for line in lines if "Pas ce tour-ci" in line]) == 2, lines


async def test_the_round_timer_goes_on_from_the_journals_last_line(tmp_path: Path) -> None:
    """Played: 0 s to 30 s, then 90 s to 97 s (the pause and the closed hour do not count)."""
    journal = interrupted_game(tmp_path / "partie.jsonl")
    app = make_app(journal_folder=tmp_path)
    app.initial_resume = journal
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert play_state(pilot) is not None
        assert timer_seconds(app) == 6 * 60 - 37


async def test_resuming_from_the_home_screen_keeps_the_timer_too(tmp_path: Path) -> None:
    interrupted_game(tmp_path / "partie.jsonl")
    app = make_app(journal_folder=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert play_state(pilot) is not None
        assert timer_seconds(app) == 6 * 60 - 37
        assert len([line for line in log_text(app) if "passe" in line]) == 2
